import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { FieldValue, Timestamp, type Query } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import {
  BNBA_COLUMNS,
  buildBnbaRows,
  buildPerubahanRows,
  EXPORT_KIND_LABELS,
  exportFileName,
  exportKabupaten,
  exportRequestSchema,
  isoDateOn,
  jakartaStartOfDay,
  parseIsoDate,
  PERUBAHAN_COLUMNS,
  PERUBAHAN_STATUSES,
  redactNiks,
  ROLE_LABELS,
  type BnbaRow,
  type BuiltRows,
  type Cell,
  type ExportColumn,
  type ExportRequest,
  type ExportResponse,
  type PerubahanRow,
  type Role,
  type SourceDoc,
} from './domain/index.js';
import { wilayahName } from './domain/wilayah-data/names.js';
import { db } from './lib/admin.js';
import { writeAudit } from './lib/audit.js';
import { guarded } from './lib/callable-guard.js';
import { collections } from './lib/collections.js';
import type { UsulanDoc } from './lib/documents.js';
import { toCsv, toXlsx } from './lib/export-files.js';
import { forEachPage, pages } from './lib/paging.js';

const PAGE_SIZE = 5000;
/**
 * The file travels in the callable's response, which Cloud Functions caps at 32 MiB; base64 adds a
 * third. A kabupaten the size of Rejang Lebong (≈30k households, 124k people) fits as gzipped CSV
 * or XLSX; anything larger is refused with a way out rather than cut off.
 */
export const MAX_TRANSFER_BYTES = 20 * 1024 * 1024;

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/**
 * Forwarding to the ministry: the verifikator or kadis of a kabupaten exports the BNBA or the
 * approved changes of a desa or of the whole kabupaten, as CSV or XLSX, to upload to SIKS-NG/DTSEN.
 * The file holds full NIKs (the upload needs them) and goes only to the caller; every export is
 * recorded in `exports/{id}` and the audit log, and the logs get counts, never personal data.
 */
export const exportRegister = onCall(
  { memory: '1GiB', timeoutSeconds: 300 },
  guarded(
    {
      name: 'exportRegister',
      roles: ['verifikator', 'kadis'],
      roleRefusal: 'Hanya verifikator atau kepala Dinas Sosial yang dapat mengekspor data untuk Kemensos.',
      input: exportRequestSchema,
      invalidInput: 'Permintaan ekspor tidak valid.',
      authorize: (caller, input) => (exportKabupaten(input.scope) === caller.kabupaten ? null : 'Wilayah itu tidak berada di kabupaten Anda.'),
    },
    async ({ uid, caller: claims, data: input }): Promise<ExportResponse> => {
      const started = Date.now();
      const fileName = exportFileName(input, new Date(started));
      const ref = collections.exports().doc();
      await ref.create({
        kind: input.kind,
        format: input.format,
        scope: input.scope,
        since: input.since ?? null,
        kabupatenCode: claims.kabupaten,
        desaCode: input.scope.level === 'desa' ? input.scope.code : null,
        requestedBy: uid,
        requestedByRole: claims.role,
        status: 'diproses',
        rowCount: null,
        sourceCount: null,
        fileName,
        byteSize: null,
        sha256: null,
        delivery: 'respons',
        error: null,
        requestedAt: FieldValue.serverTimestamp() as never,
        finishedAt: null,
        durationMs: null,
      });

      try {
        const { built, file, transfer } = await buildExport(input, { exportId: ref.id, at: new Date(started), role: claims.role });
        if (built.skipped.length > 0)
          logger.warn('export: unreadable documents left out', { exportId: ref.id, count: built.skipped.length, ids: built.skipped.slice(0, 20) });
        if (transfer.length > MAX_TRANSFER_BYTES) {
          throw new HttpsError(
            'resource-exhausted',
            `Berkas terlalu besar untuk diunduh langsung (${(transfer.length / 1048576).toFixed(1)} MB). Ekspor per desa/kelurahan.`,
          );
        }
        const sha256 = createHash('sha256').update(file).digest('hex');
        const durationMs = Date.now() - started;
        const batch = db.batch();
        batch.update(ref, {
          status: 'selesai',
          rowCount: built.rows.length,
          sourceCount: built.sources,
          byteSize: file.length,
          sha256,
          finishedAt: FieldValue.serverTimestamp(),
          durationMs,
        });
        writeAudit(batch, {
          actorUid: uid,
          actorRole: claims.role,
          action: `ekspor.${input.kind}`,
          target: { collection: 'exports', id: ref.id },
          kabupatenCode: claims.kabupaten,
          desaCode: input.scope.level === 'desa' ? input.scope.code : null,
          summary: `Ekspor ${EXPORT_KIND_LABELS[input.kind]} ${input.scope.code}${input.since ? ` sejak ${input.since}` : ''} (${input.format.toUpperCase()}): ${built.rows.length} baris dari ${built.sources} ${input.kind === 'bnba' ? 'keluarga' : 'usulan'}`,
        });
        await batch.commit();
        logger.info('register exported', {
          exportId: ref.id,
          kind: input.kind,
          scope: input.scope.code,
          format: input.format,
          rows: built.rows.length,
          bytes: file.length,
          transferBytes: transfer.length,
          durationMs,
        });
        return {
          exportId: ref.id,
          fileName,
          contentType: CONTENT_TYPES[input.format],
          contentEncoding: input.format === 'csv' ? 'gzip' : null,
          data: transfer.toString('base64'),
          rowCount: built.rows.length,
          sourceCount: built.sources,
          byteSize: file.length,
          sha256,
        };
      } catch (e) {
        const message = e instanceof HttpsError ? e.message : 'Ekspor gagal karena kesalahan sistem.';
        await ref.update({ status: 'gagal', error: message, finishedAt: FieldValue.serverTimestamp(), durationMs: Date.now() - started });
        if (e instanceof HttpsError) throw e;
        logger.error('export failed', { exportId: ref.id, error: redactNiks(String((e as Error).message)) });
        throw new HttpsError('internal', `${message} Coba lagi.`);
      }
    },
  ),
);

export interface BuiltExport {
  built: BuiltRows<BnbaRow> | BuiltRows<PerubahanRow>;
  /** The file as saved. */
  file: Buffer;
  /** What travels in the response: the CSV gzipped, the XLSX as it is. */
  transfer: Buffer;
}

/** Reads the scope and writes the file (the callable's work once the caller is checked). */
export async function buildExport(input: ExportRequest, meta: { exportId: string; at: Date; role: Role }): Promise<BuiltExport> {
  const about = (rows: number): [string, string][] => [
    ['Jenis ekspor', EXPORT_KIND_LABELS[input.kind]],
    ['Wilayah', `${input.scope.level === 'desa' ? 'Desa/kelurahan ' : ''}${wilayahName(input.scope.code) ?? input.scope.level} (${input.scope.code})`],
    ...(input.since ? [['Disetujui sejak', input.since] as [string, string]] : []),
    ['Dibuat', `${isoDateOn(meta.at)} oleh ${ROLE_LABELS[meta.role]}`],
    ['Jumlah baris', String(rows)],
    ['ID ekspor', meta.exportId],
    ['Perhatian', 'Berisi NIK lengkap (data pribadi, UU PDP 27/2022): hanya untuk diunggah ke SIKS-NG/DTSEN, jangan disebarkan.'],
  ];
  const { built, file } =
    input.kind === 'bnba'
      ? await produce(input.format, await readBnba(input.scope), BNBA_COLUMNS, 'BNBA', about)
      : await produce(input.format, await readPerubahan(input.scope, input.since ?? undefined), PERUBAHAN_COLUMNS, 'Perubahan', about);
  return { built, file, transfer: input.format === 'csv' ? gzipSync(file) : file };
}

async function produce<K extends string>(
  format: ExportRequest['format'],
  built: BuiltRows<Record<K, Cell>>,
  columns: readonly ExportColumn<K>[],
  sheet: string,
  about: (rows: number) => [string, string][],
): Promise<{ built: BuiltRows<Record<K, Cell>>; file: Buffer }> {
  const file = format === 'csv' ? toCsv(columns, built.rows) : await toXlsx(columns, built.rows, sheet, about(built.rows.length));
  return { built, file };
}

const scopeField = (scope: ExportRequest['scope']) => (scope.level === 'desa' ? 'desaCode' : 'kabupatenCode');

async function readBnba(scope: ExportRequest['scope']): Promise<BuiltRows<BnbaRow>> {
  const households: SourceDoc[] = [];
  const members: SourceDoc[] = [];
  await Promise.all([
    forEachPage(collections.households().where(scopeField(scope), '==', scope.code), PAGE_SIZE, (docs) => {
      for (const d of docs) households.push({ id: d.id, data: d.data() });
    }),
    forEachPage(collections.allMembers().where(scopeField(scope), '==', scope.code), PAGE_SIZE, (docs) => {
      for (const d of docs) members.push({ id: d.id, data: d.data() });
    }),
  ]);
  return buildBnbaRows(households, members, wilayahName);
}

/** Approved usulan of the scope, newest first by last update (a superset of "approved since"; the domain filters by approval date). */
async function readPerubahan(scope: ExportRequest['scope'], since: string | undefined): Promise<BuiltRows<PerubahanRow>> {
  let query: Query<UsulanDoc> = collections
    .usulan()
    .where(scopeField(scope), '==', scope.code)
    .where('status', 'in', [...PERUBAHAN_STATUSES]);
  const day = since ? parseIsoDate(since) : null;
  if (day) query = query.where('updatedAt', '>=', Timestamp.fromDate(jakartaStartOfDay(day.year, day.month, day.day)));
  const usulan: SourceDoc[] = [];
  for await (const docs of pages(query.orderBy('updatedAt', 'desc'), PAGE_SIZE)) {
    for (const d of docs) usulan.push({ id: d.id, data: d.data() });
  }
  return buildPerubahanRows(usulan, wilayahName, since);
}
