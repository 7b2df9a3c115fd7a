import { z } from 'zod';
import { formatIsoDate, inferYear, isoDateOn, isRealDate, jakartaDateOf, parseIsoDate } from './dates.js';
import { because, type Reason } from './reason.js';
import { isRegencyPartValid, nationalRegions, type RegionLookup } from './wilayah.js';

/**
 * Nomor KK (Kartu Keluarga): 6-digit issuing region + DDMMYY recording date + 4-digit serial.
 * A family's KK number changes over time (moving, pecah KK, death of the head, divorce), so a
 * household keeps a KK history; the person key is the NIK, never the KK.
 */
export interface ParsedKk {
  issuingKecamatan: string; // PP.KK.CC
  recordedOn: string; // YYYY-MM-DD, century inferred against the reference date
  serial: string;
}

export interface KkCheckOptions {
  /** Which region codes exist; defaults to the national list. `null` checks structure only. */
  regions?: RegionLookup | null;
  /** An issuing kecamatan missing from today's list: error (default) or warning. */
  unknownRegion?: 'error' | 'warning';
}

/** Structure, region, recording date and serial of a KK number: every fault, as errors or warnings. */
export function validateKkNumber(
  kk: string,
  referenceDate: Date,
  field = 'kkNumber',
  options: KkCheckOptions = {},
): { errors: Reason[]; warnings: Reason[]; value: ParsedKk | null } {
  if (!/^\d{16}$/.test(kk)) return { errors: [because('kk.format', undefined, field)], warnings: [], value: null };
  const errors: Reason[] = [];
  const warnings: Reason[] = [];
  const pp = kk.slice(0, 2);
  const kab = `${pp}.${kk.slice(2, 4)}`;
  const kec = `${kab}.${kk.slice(4, 6)}`;
  if (Number(pp) < 11 || !isRegencyPartValid(Number(kk.slice(2, 4))) || Number(kk.slice(4, 6)) < 1) {
    errors.push(because('kk.region', undefined, field));
  } else {
    const regions = options.regions === undefined ? nationalRegions() : options.regions;
    if (regions && !(regions.hasProvince(pp) && regions.hasKabupaten(kab) && regions.hasKecamatan(kec))) {
      const r = because('kk.region_unknown', { code: kec }, field);
      (options.unknownRegion === 'warning' ? warnings : errors).push(r);
    }
  }
  const day = Number(kk.slice(6, 8));
  const month = Number(kk.slice(8, 10));
  const year = inferYear(Number(kk.slice(10, 12)), month, day, jakartaDateOf(referenceDate));
  const dateOk = isRealDate(year, month, day);
  if (!dateOk) errors.push(because('kk.date', undefined, field));
  const serial = kk.slice(12);
  if (serial === '0000') errors.push(because('kk.serial', undefined, field));
  const value = errors.length === 0 ? { issuingKecamatan: kec, recordedOn: formatIsoDate({ year, month, day }), serial } : null;
  return { errors, warnings, value };
}

// ---------------------------------------------------------------------------------------------
// KK history

export const KK_CHANGE_REASONS = ['pendaftaran', 'pindah', 'pecah_kk', 'kepala_keluarga_meninggal', 'perceraian', 'perubahan_data', 'lainnya'] as const;
export type KkChangeReason = (typeof KK_CHANGE_REASONS)[number];

export const KK_CHANGE_REASON_LABELS: Record<KkChangeReason, string> = {
  pendaftaran: 'Pertama tercatat di register',
  pindah: 'Pindah alamat',
  pecah_kk: 'Pecah KK',
  kepala_keluarga_meninggal: 'Kepala keluarga meninggal',
  perceraian: 'Perceraian',
  perubahan_data: 'Perubahan data kependudukan',
  lainnya: 'Lainnya',
};

export const kkHistoryEntrySchema = z.object({
  kkNumber: z.string().regex(/^\d{16}$/, { error: 'Nomor KK harus 16 digit angka' }),
  /** First day (Jakarta calendar) the household held this KK number. */
  since: z.string().refine((v) => parseIsoDate(v) !== null, { error: 'Tanggal tidak valid (format TTTT-BB-HH)' }),
  reason: z.enum(KK_CHANGE_REASONS, { error: 'Pilih alasan perubahan KK' }),
  sourceUsulanId: z.string().min(1).max(128).nullable(),
});
export type KkHistoryEntry = z.infer<typeof kkHistoryEntrySchema>;

/** The KK number in force now: the last entry of a history kept in date order. */
export function currentKk(history: readonly KkHistoryEntry[]): KkHistoryEntry | null {
  return history[history.length - 1] ?? null;
}

/**
 * Appends a KK change. Refused, with a reason, when the number is the one already in force or the
 * change is dated before the current entry (the history stays in date order).
 * Dates are `YYYY-MM-DD`, which compare correctly as strings.
 * Returns a new array; the input is not modified.
 */
export function appendKkChange(
  history: readonly KkHistoryEntry[],
  entry: KkHistoryEntry,
): { ok: true; history: KkHistoryEntry[] } | { ok: false; reason: Reason } {
  const current = currentKk(history);
  if (current && current.kkNumber === entry.kkNumber) {
    return { ok: false, reason: because('kk.unchanged', undefined, 'kkNumber') };
  }
  if (current && entry.since < current.since) {
    return { ok: false, reason: because('kk.history_order', { since: current.since }, 'since') };
  }
  return { ok: true, history: [...history, entry] };
}

/** Starts a history for a household entering the register. */
export function startKkHistory(kkNumber: string, since: Date, sourceUsulanId: string | null): KkHistoryEntry[] {
  return [{ kkNumber, since: isoDateOn(since), reason: 'pendaftaran', sourceUsulanId }];
}

// ---------------------------------------------------------------------------------------------
// NIK as the person key

export interface KeyedMember {
  nik: string | null;
}

/**
 * Compares two member lists of one household by NIK, the person key: who joined, who left, who
 * stayed. Members without NIK cannot be matched and are listed apart (they need a person to check).
 */
export function compareMembersByNik<M extends KeyedMember>(
  before: readonly M[],
  after: readonly M[],
): { joined: M[]; left: M[]; stayed: { before: M; after: M }[]; unmatched: { before: M[]; after: M[] } } {
  const beforeByNik = new Map<string, M>();
  for (const m of before) if (m.nik) beforeByNik.set(m.nik, m);
  const afterNiks = new Set<string>();
  const joined: M[] = [];
  const stayed: { before: M; after: M }[] = [];
  for (const m of after) {
    if (!m.nik) continue;
    afterNiks.add(m.nik);
    const prev = beforeByNik.get(m.nik);
    if (prev) stayed.push({ before: prev, after: m });
    else joined.push(m);
  }
  const left = before.filter((m) => m.nik !== null && m.nik !== '' && !afterNiks.has(m.nik));
  return { joined, left, stayed, unmatched: { before: before.filter((m) => !m.nik), after: after.filter((m) => !m.nik) } };
}
