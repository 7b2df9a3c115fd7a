// pdfmake's standard-font metrics ship without types; the module is a font container (see operator/musyawarah/berita-acara-pdf.ts).
declare module 'pdfmake/build/standard-fonts/Helvetica.js' {
  const container: { vfs: Record<string, unknown>; fonts: Record<string, unknown> };
  export default container;
}
