import { reasonMessage } from '../i18n/reasons.js';
import { exportRequestSchema, reasonsFromZod, type ExportFormat, type ExportKind, type ExportRequest, type ExportResponse } from '$domain/index.js';
import type { Translate } from '../i18n/label-text.js';

/**
 * The export form (BNBA or approved changes, for a desa or the whole kabupaten, CSV or XLSX):
 * what it sends to `exportRegister`, checked with the callable's own schema; how long an export is
 * expected to take, from the recorded ones; and how the returned file becomes the file saved.
 */
export interface ExportForm {
  kind: ExportKind;
  scopeLevel: 'desa' | 'kabupaten';
  kecamatan: string;
  desa: string;
  /** `YYYY-MM-DD` or '' (perubahan only). */
  since: string;
}

/** The form's fields, as the page names them, for errors shown next to each. */
export type ExportField = 'kind' | 'scopeLevel' | 'kecamatan' | 'desa' | 'since' | 'format';

const FIELD_OF_PATH: Record<string, ExportField> = { kind: 'kind', 'scope.level': 'scopeLevel', 'scope.code': 'desa', since: 'since', format: 'format' };

/** The form's own checks are worded by `t` (`$_`); the schema's messages stay in Bahasa Indonesia. */
export function toExportRequest(
  form: ExportForm,
  format: ExportFormat,
  kabupatenCode: string,
  t: Translate,
): { request: ExportRequest | null; errors: Partial<Record<ExportField, string[]>> } {
  const errors: Partial<Record<ExportField, string[]>> = {};
  if (form.scopeLevel === 'desa' && !form.kecamatan) errors.kecamatan = [t('common.chooseKecamatan')];
  if (form.scopeLevel === 'desa' && !form.desa) errors.desa = [t('common.chooseDesa')];
  if (Object.keys(errors).length > 0) return { request: null, errors };
  const parsed = exportRequestSchema.safeParse({
    kind: form.kind,
    scope: { level: form.scopeLevel, code: form.scopeLevel === 'desa' ? form.desa : kabupatenCode },
    format,
    // Left out rather than undefined: a callable sends undefined as null, which the schema refuses.
    ...(form.kind === 'perubahan' && form.since ? { since: form.since } : {}),
  });
  if (parsed.success) return { request: parsed.data, errors };
  for (const r of reasonsFromZod(parsed.error)) {
    const field = FIELD_OF_PATH[r.field ?? ''] ?? 'kind';
    (errors[field] ??= []).push(reasonMessage(r));
  }
  return { request: null, errors };
}

/** A recorded export, as far as the estimate needs it. */
export interface PastExport {
  kind: ExportKind;
  scope: { level: 'desa' | 'kabupaten' };
  status: 'diproses' | 'selesai' | 'gagal';
  durationMs: number | null;
}

/**
 * How long this kind of export took lately (the median of the last ten finished ones of the same
 * kind and scope level), or null when there is none to go by.
 */
export function expectedDurationMs(history: readonly PastExport[], kind: ExportKind, level: 'desa' | 'kabupaten'): number | null {
  const durations = history
    .filter((e) => e.kind === kind && e.scope.level === level && e.status === 'selesai' && typeof e.durationMs === 'number')
    .slice(0, 10)
    .map((e) => e.durationMs!)
    .sort((a, b) => a - b);
  if (durations.length === 0) return null;
  const mid = Math.floor(durations.length / 2);
  return durations.length % 2 === 1 ? durations[mid]! : Math.round((durations[mid - 1]! + durations[mid]!) / 2);
}

/**
 * The share of the work probably done after `elapsedMs`: elapsed over expected, never past 95%
 * until the file has actually arrived; null (an indeterminate bar) without an expectation.
 */
export function progressOf(elapsedMs: number, expectedMs: number | null): number | null {
  if (expectedMs === null || expectedMs <= 0) return null;
  return Math.min(0.95, elapsedMs / expectedMs);
}

export function formatDuration(ms: number, t: Translate): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? t('common.duration.seconds', { values: { s } }) : t('common.duration.minutes', { values: { m: Math.floor(s / 60), s: s % 60 } });
}

/** svelte-i18n's `$number`, or any function with its shape. */
export type NumberFormat = (n: number, options?: Intl.NumberFormatOptions) => string;

/** "2,5 KB" in Bahasa Indonesia, "2.5 KB" in English: one decimal, in the language's notation. */
export function formatBytes(n: number, format: NumberFormat): string {
  const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false };
  if (n < 1024) return `${format(n, { useGrouping: false })} B`;
  if (n < 1024 * 1024) return `${format(n / 1024, oneDecimal)} KB`;
  return `${format(n / 1024 / 1024, oneDecimal)} MB`;
}

function base64ToBytes(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The file as it is saved: base64 decoded, and unpacked when the response says it is gzipped. */
export async function fileBytes(response: Pick<ExportResponse, 'data' | 'contentEncoding'>): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = base64ToBytes(response.data);
  if (response.contentEncoding !== 'gzip') return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** SHA-256 of the saved file, in hex, to compare with what the server recorded. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
