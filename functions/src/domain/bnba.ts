import { z } from 'zod';
import { isoDateOn } from './dates.js';
import { HOUSEHOLD_STATUS_LABELS, HOUSEHOLD_STATUSES } from './eligibility.js';
import { RELATIONSHIP_LABELS, RELATIONSHIPS, USULAN_TYPE_LABELS, USULAN_TYPES, isoDateSchema } from './schemas.js';
import { eligiblePrograms, storedInstantSchema } from './statistics.js';
import { KELUAR_REASON_LABELS, usulanContentSchema } from './usulan.js';
import { USULAN_STATUS_LABELS } from './usulan-status.js';
import { isKabupatenCode, kabupatenOf, parseDesaCode } from './wilayah.js';

/**
 * Forwarding to the ministry: the files the Dinas Sosial uploads to SIKS-NG/DTSEN.
 * - **BNBA** (by name by address): the register of a desa or the whole kabupaten, one row per
 *   person still in a household that is in the register (every household status but `keluar`),
 *   ordered by desa, KK number and household, the head of the family first.
 * - **Perubahan**: the approved changes (usulan `disetujui` or `diterapkan`), optionally those
 *   approved since a date, one row per person of the usulan (baru, perbaikan) or one row per
 *   usulan (keluar, reaktivasi, pindah masuk), in order of approval.
 * Both files carry the full NIK, because the upload needs it: they are personal data (UU PDP
 * 27/2022). Nothing here logs; the callable logs counts only.
 * Headers are in Bahasa Indonesia; the columns of each file, in order, are `BNBA_COLUMNS` and
 * `PERUBAHAN_COLUMNS` below. Dates are `YYYY-MM-DD` (Jakarta). NIK and KK are text in the XLSX file,
 * so a spreadsheet never turns them into numbers (1,7E+15) and loses digits.
 */
export const EXPORT_KINDS = ['bnba', 'perubahan'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_KIND_LABELS: Record<ExportKind, string> = { bnba: 'BNBA (by name by address)', perubahan: 'Perubahan yang disetujui' };

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_STATUSES = ['diproses', 'selesai', 'gagal'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export const EXPORT_SCOPE_LEVELS = ['desa', 'kabupaten'] as const;

/** What the portal sends to the `exportRegister` callable. */
export const exportRequestSchema = z
  .object({
    kind: z.enum(EXPORT_KINDS, { error: 'Pilih jenis ekspor: BNBA atau perubahan' }),
    scope: z.object(
      {
        level: z.enum(EXPORT_SCOPE_LEVELS, { error: 'Pilih cakupan: desa/kelurahan atau kabupaten' }),
        code: z.string({ error: 'Kode wilayah wajib diisi' }).trim().max(20, { error: 'Kode wilayah tidak valid' }),
      },
      { error: 'Cakupan ekspor wajib diisi' },
    ),
    format: z.enum(EXPORT_FORMATS, { error: 'Pilih format: CSV atau XLSX' }),
    /** Perubahan only: changes approved on or after this day (Jakarta). */
    since: isoDateSchema.nullish(),
  })
  .superRefine((r, ctx) => {
    const ok = r.scope.level === 'desa' ? parseDesaCode(r.scope.code).ok : isKabupatenCode(r.scope.code);
    if (!ok) {
      const message = r.scope.level === 'desa' ? 'Kode desa/kelurahan tidak valid (PP.KK.CC.DDDD)' : 'Kode kabupaten/kota tidak valid (PP.KK)';
      ctx.addIssue({ code: 'custom', path: ['scope', 'code'], message });
    }
    if (r.since != null && r.kind !== 'perubahan') {
      ctx.addIssue({ code: 'custom', path: ['since'], message: 'Tanggal "sejak" hanya berlaku untuk ekspor perubahan' });
    }
  });
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** The kabupaten an export's scope lies in (the request must have passed `exportRequestSchema`). */
export function exportKabupaten(scope: ExportRequest['scope']): string {
  return scope.level === 'kabupaten' ? scope.code : kabupatenOf(scope.code);
}

/** e.g. `BNBA_17.02.06.2001_2026-11-22.csv`, `Perubahan_17.02_sejak_2026-11-01_2026-11-22.xlsx`. */
export function exportFileName(request: ExportRequest, now: Date): string {
  const kind = request.kind === 'bnba' ? 'BNBA' : 'Perubahan';
  const since = request.since ? `_sejak_${request.since}` : '';
  return `${kind}_${request.scope.code}${since}_${isoDateOn(now)}.${request.format}`;
}

// ---- columns ---------------------------------------------------------------------------------

export interface ExportColumn<K extends string = string> {
  key: K;
  /** The header in the file. */
  header: string;
  /** What the column holds, for the people who read or map the file. */
  description: string;
  /** Column width in a spreadsheet (characters). */
  width: number;
  /** Digits kept as text (NIK, No. KK). */
  text?: boolean;
}

const col = <K extends string>(key: K, header: string, width: number, description: string, text = false): ExportColumn<K> =>
  text ? { key, header, width, description, text } : { key, header, width, description };

const WILAYAH_COLUMNS = [
  col('kodeDesa', 'Kode Desa/Kelurahan', 16, 'Kode Kemendagri desa/kelurahan (PP.KK.CC.DDDD)'),
  col('namaDesa', 'Desa/Kelurahan', 22, 'Nama desa/kelurahan'),
  col('kodeKecamatan', 'Kode Kecamatan', 12, 'Kode Kemendagri kecamatan (PP.KK.CC)'),
  col('namaKecamatan', 'Kecamatan', 20, 'Nama kecamatan'),
] as const;

const PERSON_COLUMNS = [
  col('noKk', 'No. KK', 19, 'Nomor Kartu Keluarga, 16 digit', true),
  col('nik', 'NIK', 19, 'Nomor Induk Kependudukan, 16 digit lengkap; kosong bila belum ada', true),
  col('nama', 'Nama', 28, 'Nama sesuai KK'),
  col('jenisKelamin', 'Jenis Kelamin', 8, 'L (laki-laki) atau P (perempuan)'),
  col('tanggalLahir', 'Tanggal Lahir', 12, 'TTTT-BB-HH'),
  col('hubungan', 'Hubungan dengan Kepala Keluarga', 18, 'Hubungan dalam keluarga sesuai KK'),
  col('alamat', 'Alamat', 40, 'Alamat tempat tinggal'),
] as const;

/** BNBA columns, in file order. */
export const BNBA_COLUMNS = [
  col('no', 'No', 7, 'Nomor urut baris'),
  col('idKeluarga', 'ID Keluarga', 22, 'ID keluarga di register Tepat'),
  ...PERSON_COLUMNS,
  ...WILAYAH_COLUMNS,
  col('kodeKabupaten', 'Kode Kabupaten/Kota', 10, 'Kode Kemendagri kabupaten/kota (PP.KK)'),
  col('namaKabupaten', 'Kabupaten/Kota', 22, 'Nama kabupaten/kota'),
  col('desil', 'Desil', 6, 'Desil kesejahteraan keluarga (1–10); kosong bila belum ada'),
  col('statusKeluarga', 'Status Keluarga', 14, 'Aktif, data beku, atau ditangguhkan'),
  col('programLayak', 'Program Layak', 24, 'Kode program yang keluarganya layak terima, dipisah koma'),
  col('vervalTerakhir', 'Verval Terakhir', 12, 'Tanggal verifikasi-validasi terakhir keluarga (TTTT-BB-HH)'),
  col('keterangan', 'Keterangan', 24, 'Catatan kualitas data anggota, mis. "NIK belum ada"'),
] as const;

/** Perubahan columns, in file order. */
export const PERUBAHAN_COLUMNS = [
  col('no', 'No', 7, 'Nomor urut baris'),
  col('idUsulan', 'ID Usulan', 22, 'ID usulan di Tepat'),
  col('jenisUsulan', 'Jenis Usulan', 16, 'Usulan baru, perbaikan data, usulan keluar, reaktivasi, atau pindah masuk'),
  col('statusUsulan', 'Status Usulan', 20, 'Disetujui, atau sudah diterapkan ke register'),
  col('tanggalDisetujui', 'Tanggal Disetujui', 12, 'Tanggal pengesahan oleh Dinas Sosial (TTTT-BB-HH)'),
  col('tanggalDiterapkan', 'Tanggal Diterapkan', 12, 'Tanggal diterapkan ke register (TTTT-BB-HH); kosong bila belum'),
  col('idKeluarga', 'ID Keluarga', 22, 'ID keluarga di register Tepat (usulan baru: setelah diterapkan)'),
  ...WILAYAH_COLUMNS,
  ...PERSON_COLUMNS,
  col('desil', 'Desil', 6, 'Desil kesejahteraan yang diusulkan (usulan baru, perbaikan)'),
  col('keterangan', 'Keterangan', 40, 'Alasan keluar, desa asal pindah, catatan kualitas data'),
] as const;

type KeysOf<C extends readonly ExportColumn[]> = C[number]['key'];
export type Cell = string | number | null;
export type BnbaRow = Record<KeysOf<typeof BNBA_COLUMNS>, Cell>;
export type PerubahanRow = Record<KeysOf<typeof PERUBAHAN_COLUMNS>, Cell>;

/** The name of a region code, or null when unknown (names come from the wilayah data, passed in). */
export type NameLookup = (code: string) => string | null;

const FLAG_LABELS: Record<string, string> = { 'nik.missing': 'NIK belum ada', 'nik.invalid': 'NIK tidak valid' };

function flagNotes(flags: readonly string[]): string {
  return flags.map((f) => FLAG_LABELS[f] ?? f).join('; ');
}

function relationshipLabel(r: string): string {
  return (RELATIONSHIP_LABELS as Record<string, string>)[r] ?? r;
}

function relationshipRank(r: string): number {
  const i = (RELATIONSHIPS as readonly string[]).indexOf(r);
  return i === -1 ? RELATIONSHIPS.length : i;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function wilayahCells(desaCode: string, names: NameLookup) {
  const kecamatan = desaCode.slice(0, 8);
  return { kodeDesa: desaCode, namaDesa: names(desaCode), kodeKecamatan: kecamatan, namaKecamatan: names(kecamatan) };
}

// ---- BNBA ------------------------------------------------------------------------------------

export const bnbaHouseholdSchema = z.object({
  kkNumber: z.string(),
  address: z.string(),
  desaCode: z.string().refine((c) => parseDesaCode(c).ok),
  desil: z.number().int().nullable(),
  status: z.enum(HOUSEHOLD_STATUSES),
  lastVervalAt: storedInstantSchema.nullable().optional(),
  eligibility: z.record(z.string(), z.object({ eligible: z.boolean() })).default({}),
});

export const bnbaMemberSchema = z.object({
  householdId: z.string(),
  nik: z.string().nullable(),
  name: z.string(),
  sex: z.enum(['L', 'P']),
  birthDate: z.string(),
  relationship: z.string(),
  flags: z.array(z.string()).default([]),
  status: z.enum(['aktif', 'keluar']).default('aktif'),
});
type BnbaMember = z.infer<typeof bnbaMemberSchema> & { id: string };

/** A stored document as the builders take it: its id and its data, still unparsed. */
export interface SourceDoc {
  id: string;
  data: unknown;
}

export interface BuiltRows<Row> {
  rows: Row[];
  /** Households (BNBA) or usulan (perubahan) in the file. */
  sources: number;
  /** Documents that could not be read and were left out (logged by the caller, by id). */
  skipped: string[];
}

/** BNBA rows of the given households and their members (members of other households are ignored). */
export function buildBnbaRows(householdDocs: readonly SourceDoc[], memberDocs: readonly SourceDoc[], names: NameLookup): BuiltRows<BnbaRow> {
  const skipped: string[] = [];
  const membersOf = new Map<string, BnbaMember[]>();
  for (const doc of memberDocs) {
    const parsed = bnbaMemberSchema.safeParse(doc.data);
    if (!parsed.success) {
      skipped.push(doc.id);
      continue;
    }
    if (parsed.data.status === 'keluar') continue;
    const list = membersOf.get(parsed.data.householdId) ?? [];
    list.push({ ...parsed.data, id: doc.id });
    membersOf.set(parsed.data.householdId, list);
  }
  const households = householdDocs.flatMap((doc) => {
    const parsed = bnbaHouseholdSchema.safeParse(doc.data);
    if (!parsed.success) {
      skipped.push(doc.id);
      return [];
    }
    return parsed.data.status === 'keluar' ? [] : [{ ...parsed.data, id: doc.id }];
  });
  households.sort((a, b) => compare(a.desaCode, b.desaCode) || compare(a.kkNumber, b.kkNumber) || compare(a.id, b.id));

  const rows: BnbaRow[] = [];
  for (const h of households) {
    const kabupaten = h.desaCode.slice(0, 5);
    const shared = {
      idKeluarga: h.id,
      noKk: h.kkNumber,
      alamat: h.address,
      ...wilayahCells(h.desaCode, names),
      kodeKabupaten: kabupaten,
      namaKabupaten: names(kabupaten),
      desil: h.desil,
      statusKeluarga: HOUSEHOLD_STATUS_LABELS[h.status],
      programLayak: eligiblePrograms(h.eligibility).join(', '),
      vervalTerakhir: h.lastVervalAt ? isoDateOn(h.lastVervalAt) : null,
    };
    const members = (membersOf.get(h.id) ?? []).sort(
      (a, b) =>
        relationshipRank(a.relationship) - relationshipRank(b.relationship) ||
        compare(a.birthDate, b.birthDate) ||
        compare(a.name, b.name) ||
        compare(a.id, b.id),
    );
    if (members.length === 0) {
      rows.push({
        no: rows.length + 1,
        ...shared,
        nik: null,
        nama: null,
        jenisKelamin: null,
        tanggalLahir: null,
        hubungan: null,
        keterangan: 'Belum ada data anggota',
      });
      continue;
    }
    for (const m of members) {
      rows.push({
        no: rows.length + 1,
        ...shared,
        nik: m.nik,
        nama: m.name,
        jenisKelamin: m.sex,
        tanggalLahir: m.birthDate,
        hubungan: relationshipLabel(m.relationship),
        keterangan: flagNotes(m.flags) || null,
      });
    }
  }
  return { rows, sources: households.length, skipped };
}

// ---- perubahan -------------------------------------------------------------------------------

export const PERUBAHAN_STATUSES = ['disetujui', 'diterapkan'] as const;

export const perubahanMetaSchema = z.object({
  type: z.enum(USULAN_TYPES),
  status: z.enum(PERUBAHAN_STATUSES),
  desaCode: z.string().refine((c) => parseDesaCode(c).ok),
  decisions: z.array(z.object({ to: z.string(), at: storedInstantSchema })).default([]),
  outcome: z.object({ householdId: z.string().nullable(), at: storedInstantSchema.nullable().optional() }).nullable().default(null),
  updatedAt: storedInstantSchema.optional(),
});

/** When an usulan was approved: its last decision to `disetujui` (or its last update, on a record without one). */
export function approvedAt(meta: z.infer<typeof perubahanMetaSchema>): Date | null {
  const approvals = meta.decisions.filter((d) => d.to === 'disetujui');
  return approvals[approvals.length - 1]?.at ?? meta.updatedAt ?? null;
}

type PerubahanPerson = Pick<PerubahanRow, 'noKk' | 'nik' | 'nama' | 'jenisKelamin' | 'tanggalLahir' | 'hubungan' | 'alamat' | 'desil' | 'keterangan'>;
const NO_PERSON: PerubahanPerson = {
  noKk: null,
  nik: null,
  nama: null,
  jenisKelamin: null,
  tanggalLahir: null,
  hubungan: null,
  alamat: null,
  desil: null,
  keterangan: null,
};

/** The person rows of an usulan's content, and its household id when the content names one. */
function contentRows(data: unknown, names: NameLookup): { householdId: string | null; people: PerubahanPerson[] } {
  const parsed = usulanContentSchema.safeParse(data);
  if (!parsed.success) return { householdId: null, people: [{ ...NO_PERSON, keterangan: 'Isi usulan tidak dapat dibaca' }] };
  const c = parsed.data;
  switch (c.type) {
    case 'baru':
    case 'perbaikan':
      return {
        householdId: c.type === 'perbaikan' ? c.householdId : null,
        people: c.household.members
          .map((m, i) => ({ m, i }))
          .sort((a, b) => relationshipRank(a.m.relationship) - relationshipRank(b.m.relationship) || a.i - b.i)
          .map(({ m }) => ({
            noKk: c.household.kkNumber,
            nik: m.nik,
            nama: m.name,
            jenisKelamin: m.sex,
            tanggalLahir: m.birthDate,
            hubungan: relationshipLabel(m.relationship),
            alamat: c.household.address,
            desil: c.household.desil,
            keterangan: m.nik ? null : FLAG_LABELS['nik.missing']!,
          })),
      };
    case 'keluar': {
      const who = c.memberIds.length > 0 ? `${c.memberIds.length} anggota` : 'seluruh keluarga';
      const where = c.destinationDesaCode ? `; pindah ke ${names(c.destinationDesaCode) ?? 'desa'} (${c.destinationDesaCode})` : '';
      return { householdId: c.householdId, people: [{ ...NO_PERSON, keterangan: `Keluar (${who}): ${KELUAR_REASON_LABELS[c.reason]}${where}` }] };
    }
    case 'reaktivasi':
      return { householdId: c.householdId, people: [{ ...NO_PERSON, keterangan: 'Reaktivasi kepesertaan (surat pernyataan dan BA klarifikasi)' }] };
    case 'pindah_masuk':
      return {
        householdId: c.householdId,
        people: [
          { ...NO_PERSON, noKk: c.kkNumber ?? null, alamat: c.address, keterangan: `Pindah masuk dari ${names(c.fromDesaCode) ?? 'desa'} (${c.fromDesaCode})` },
        ],
      };
  }
}

/** Perubahan rows of the given usulan: approved ones only, approved on or after `since` when given. */
export function buildPerubahanRows(usulanDocs: readonly SourceDoc[], names: NameLookup, since?: string): BuiltRows<PerubahanRow> {
  const skipped: string[] = [];
  const approved = usulanDocs.flatMap((doc) => {
    const parsed = perubahanMetaSchema.safeParse(doc.data);
    const at = parsed.success ? approvedAt(parsed.data) : null;
    if (!parsed.success || at === null) {
      skipped.push(doc.id);
      return [];
    }
    const day = isoDateOn(at);
    return since !== undefined && day < since ? [] : [{ id: doc.id, meta: parsed.data, at, day, data: doc.data }];
  });
  approved.sort((a, b) => a.at.getTime() - b.at.getTime() || compare(a.meta.desaCode, b.meta.desaCode) || compare(a.id, b.id));

  const rows: PerubahanRow[] = [];
  for (const u of approved) {
    const content = contentRows(u.data, names);
    const applied = u.meta.status === 'diterapkan' && u.meta.outcome?.at ? isoDateOn(u.meta.outcome.at) : null;
    for (const person of content.people) {
      rows.push({
        no: rows.length + 1,
        idUsulan: u.id,
        jenisUsulan: USULAN_TYPE_LABELS[u.meta.type],
        statusUsulan: USULAN_STATUS_LABELS[u.meta.status],
        tanggalDisetujui: u.day,
        tanggalDiterapkan: applied,
        idKeluarga: u.meta.outcome?.householdId ?? content.householdId,
        ...wilayahCells(u.meta.desaCode, names),
        ...person,
      });
    }
  }
  return { rows, sources: approved.length, skipped };
}

// ---- files -----------------------------------------------------------------------------------

/**
 * Text a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a
 * leading apostrophe in the CSV file (OWASP "CSV injection"); XLSX cells are typed as text, so they
 * need none. Names and addresses that start so are rare; NIK, KK, codes and dates never do.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The rows as arrays in column order, for a CSV or spreadsheet writer; null becomes an empty cell. */
export function rowValues<K extends string>(columns: readonly ExportColumn<K>[], row: Record<K, Cell>): Cell[] {
  return columns.map((c) => row[c.key]);
}

/**
 * What `exportRegister` returns: the file itself, base64-encoded, once (it is not kept on the
 * server). CSV comes gzip-compressed (`contentEncoding: 'gzip'`; the portal unpacks it with
 * `DecompressionStream('gzip')` before saving), XLSX as it is (it is a zip already).
 */
export interface ExportResponse {
  exportId: string;
  fileName: string;
  contentType: string;
  contentEncoding: 'gzip' | null;
  data: string;
  rowCount: number;
  sourceCount: number;
  /** Size of the file as saved (after unpacking). */
  byteSize: number;
  sha256: string;
}
