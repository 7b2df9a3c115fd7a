import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

/**
 * Draws a pdfmake document in the browser and hands it to the person as a download. pdfmake and
 * the Helvetica metrics are loaded on the first click only, so the portal's first page stays
 * small; the service worker keeps them for use without signal afterwards.
 */
interface PdfMake {
  addFontContainer(container: unknown): void;
  createPdf(doc: TDocumentDefinitions): { getBlob(): Promise<Blob>; download(fileName: string): Promise<void> };
}

let loaded: Promise<PdfMake> | null = null;

function pdfMake(): Promise<PdfMake> {
  loaded ??= Promise.all([import('pdfmake/build/pdfmake.js'), import('pdfmake/build/standard-fonts/Helvetica.js')]).then(([lib, helvetica]) => {
    // Both are UMD bundles: the module's default export is the pdfmake instance / the font container.
    const make = ((lib as { default?: unknown }).default ?? lib) as PdfMake;
    make.addFontContainer((helvetica as { default?: unknown }).default ?? helvetica);
    return make;
  });
  return loaded;
}

export async function pdfBlob(doc: TDocumentDefinitions): Promise<Blob> {
  return (await pdfMake()).createPdf(doc).getBlob();
}

export async function downloadPdf(doc: TDocumentDefinitions, fileName: string): Promise<void> {
  await (await pdfMake()).createPdf(doc).download(fileName);
}
