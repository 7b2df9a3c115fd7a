import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { neutraliseFormula, rowValues, type Cell, type ExportColumn } from '../domain/index.js';

/**
 * The export files. CSV: RFC 4180 by csv-stringify (comma, CRLF between records, quotes where a
 * field holds a comma, a quote or any line break), UTF-8 with a byte-order mark so Excel reads the
 * names right, formula-like text neutralised. XLSX: ExcelJS's streaming writer (no shared strings,
 * one row in memory at a time), a frozen header row, NIK and KK as text; a second sheet
 * "Keterangan" describes the export and every column.
 */
export function toCsv<K extends string>(columns: readonly ExportColumn<K>[], rows: readonly Record<K, Cell>[]): Buffer {
  const records = [columns.map((c) => c.header), ...rows.map((r) => rowValues(columns, r))];
  const text = stringify(records, { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/, cast: { string: neutraliseFormula } });
  return Buffer.from(text, 'utf8');
}

export async function toXlsx<K extends string>(
  columns: readonly ExportColumn<K>[],
  rows: readonly Record<K, Cell>[],
  sheetName: string,
  about: readonly [string, string][],
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Tepat';

  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(rowValues(columns, row)).commit();
  sheet.commit();

  const info = workbook.addWorksheet('Keterangan');
  info.columns = [
    { header: 'Butir', key: 'item', width: 34 },
    { header: 'Isi', key: 'value', width: 90 },
  ];
  info.getRow(1).font = { bold: true };
  for (const [item, value] of about) info.addRow([item, value]).commit();
  info.addRow([]).commit();
  info.addRow(['Kolom', 'Keterangan']).commit();
  for (const c of columns) info.addRow([c.header, c.description]).commit();
  info.commit();

  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}
