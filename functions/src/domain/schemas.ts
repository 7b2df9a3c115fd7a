import { z } from 'zod';
import { parseIsoDate } from './dates.js';
import { parseDesaCode } from './wilayah.js';

// zod's own messages (anything a schema here does not word itself) in Bahasa Indonesia, for the
// portal and the callables alike: zod's Indonesian locale, with a plainer sentence for a missing
// or mistyped field. Set once, by the module every schema builds on.
const TYPE_NAMES: Record<string, string> = { string: 'teks', number: 'angka', int: 'bilangan bulat', boolean: 'ya/tidak', object: 'objek', array: 'daftar' };
z.config({
  ...z.locales.id(),
  customError: (issue) => {
    if (issue.code !== 'invalid_type') return undefined;
    const where = issue.path && issue.path.length > 0 ? `Kolom ${issue.path.join('.')}` : 'Data';
    return issue.input === undefined ? `${where} wajib diisi` : `${where} harus berupa ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
  },
});

/**
 * A Firestore document id as a client may send one: 1–128 characters, no slash (it would name a
 * path), not `.`/`..`, not `__…__` (reserved). Checked before any id reaches a `doc()` call.
 */
export function documentIdSchema(label: string) {
  return z
    .string({ error: `${label} wajib diisi` })
    .trim()
    .min(1, { error: `${label} wajib diisi` })
    .max(128, { error: `${label} tidak valid` })
    .regex(/^(?!\.\.?$)(?!__.*__$)[^/]*$/, { error: `${label} tidak valid` });
}

/**
 * zod schemas for every payload a person types. Messages are in Bahasa Indonesia because they are
 * shown next to the form field; they never echo the value (a NIK must not end up in a message).
 */
export const isoDateSchema = z
  .string({ error: 'Tanggal wajib diisi' })
  .refine((v) => parseIsoDate(v) !== null, { error: 'Tanggal tidak valid (format TTTT-BB-HH)' });

export const desaCodeSchema = z.string().refine((v) => parseDesaCode(v).ok, { error: 'Kode desa/kelurahan tidak valid' });

export const sexSchema = z.enum(['L', 'P'], { error: 'Pilih jenis kelamin' });

export const RELATIONSHIPS = ['kepala_keluarga', 'istri', 'suami', 'anak', 'menantu', 'cucu', 'orang_tua', 'mertua', 'famili_lain', 'lainnya'] as const;
export const relationshipSchema = z.enum(RELATIONSHIPS, { error: 'Pilih hubungan dalam keluarga' });
export type Relationship = (typeof RELATIONSHIPS)[number];

export const RELATIONSHIP_LABELS: Record<(typeof RELATIONSHIPS)[number], string> = {
  kepala_keluarga: 'Kepala keluarga',
  istri: 'Istri',
  suami: 'Suami',
  anak: 'Anak',
  menantu: 'Menantu',
  cucu: 'Cucu',
  orang_tua: 'Orang tua',
  mertua: 'Mertua',
  famili_lain: 'Famili lain',
  lainnya: 'Lainnya',
};

/**
 * Occupations that matter to the register. ASN (PNS and PPPK), TNI and Polri households are
 * excluded from social assistance ("exclude keluarga ASN/TNI/Polri"); the rest is for context.
 */
export const OCCUPATIONS = [
  'tidak_bekerja',
  'mengurus_rumah_tangga',
  'pelajar',
  'petani',
  'nelayan',
  'buruh',
  'pedagang',
  'wiraswasta',
  'karyawan_swasta',
  'pensiunan',
  'asn',
  'tni',
  'polri',
  'lainnya',
] as const;
export type Occupation = (typeof OCCUPATIONS)[number];
export const OCCUPATION_LABELS: Record<Occupation, string> = {
  tidak_bekerja: 'Tidak/belum bekerja',
  mengurus_rumah_tangga: 'Mengurus rumah tangga',
  pelajar: 'Pelajar/mahasiswa',
  petani: 'Petani/pekebun',
  nelayan: 'Nelayan',
  buruh: 'Buruh harian lepas',
  pedagang: 'Pedagang',
  wiraswasta: 'Wiraswasta',
  karyawan_swasta: 'Karyawan swasta',
  pensiunan: 'Pensiunan',
  asn: 'ASN (PNS/PPPK)',
  tni: 'TNI',
  polri: 'Polri',
  lainnya: 'Lainnya',
};

export const DISABILITY_LEVELS = ['tidak_ada', 'ringan', 'sedang', 'berat'] as const;
export type DisabilityLevel = (typeof DISABILITY_LEVELS)[number];
export const DISABILITY_LABELS: Record<DisabilityLevel, string> = {
  tidak_ada: 'Tidak ada',
  ringan: 'Disabilitas ringan',
  sedang: 'Disabilitas sedang',
  berat: 'Disabilitas berat',
};

/** Current school enrolment (PKH education component: SD/MI, SMP/MTs, SMA/MA and equivalents). */
export const SCHOOL_LEVELS = ['tidak_sekolah', 'paud', 'sd', 'smp', 'sma'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
export const SCHOOL_LABELS: Record<SchoolLevel, string> = {
  tidak_sekolah: 'Tidak sedang bersekolah',
  paud: 'PAUD/TK',
  sd: 'SD/MI/sederajat',
  smp: 'SMP/MTs/sederajat',
  sma: 'SMA/SMK/MA/sederajat',
};

/**
 * A member as the KK lists them. The optional fields feed program criteria (PKH components) and
 * exclusions; records made before they existed simply lack them. Strict: a field no schema knows
 * is refused, not silently dropped (the rules cannot look inside the members list).
 */
export const memberSchema = z.strictObject({
  nik: z
    .string()
    .regex(/^\d{16}$/, { error: 'NIK harus 16 digit angka' })
    .nullable(),
  name: z.string({ error: 'Nama wajib diisi' }).trim().min(1, { error: 'Nama wajib diisi' }).max(100, { error: 'Nama terlalu panjang (maks. 100 huruf)' }),
  sex: sexSchema,
  birthDate: isoDateSchema,
  relationship: relationshipSchema,
  occupation: z.enum(OCCUPATIONS, { error: 'Pilih pekerjaan' }).optional(),
  /** Hamil atau nifas (PKH health component). */
  pregnant: z.boolean({ error: 'Isi status kehamilan' }).optional(),
  disability: z.enum(DISABILITY_LEVELS, { error: 'Pilih tingkat disabilitas' }).optional(),
  school: z.enum(SCHOOL_LEVELS, { error: 'Pilih jenjang sekolah' }).optional(),
});
export type Member = z.infer<typeof memberSchema>;

export const desilSchema = z
  .number({ error: 'Desil wajib diisi' })
  .int({ error: 'Desil harus bilangan bulat 1–10' })
  .min(1, { error: 'Desil harus 1–10' })
  .max(10, { error: 'Desil harus 1–10' });

export const householdProposalSchema = z
  .object({
    kkNumber: z.string({ error: 'Nomor KK wajib diisi' }).regex(/^\d{16}$/, { error: 'Nomor KK harus 16 digit angka' }),
    address: z
      .string({ error: 'Alamat wajib diisi' })
      .trim()
      .min(3, { error: 'Alamat terlalu pendek' })
      .max(200, { error: 'Alamat terlalu panjang (maks. 200 huruf)' }),
    desil: desilSchema,
    members: z
      .array(memberSchema)
      .min(1, { error: 'Keluarga harus memiliki minimal satu anggota' })
      .max(30, { error: 'Maksimal 30 anggota dalam satu keluarga' }),
  })
  .superRefine((h, ctx) => {
    const heads = h.members.filter((m) => m.relationship === 'kepala_keluarga').length;
    if (heads !== 1) {
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'Keluarga harus memiliki tepat satu kepala keluarga' });
    }
  });
export type HouseholdProposal = z.infer<typeof householdProposalSchema>;

export const MUSYAWARAH_TYPES = ['musdesus', 'muskelsus'] as const;

/** The meeting as the berita acara records it. */
export const meetingSchema = z
  .object({
    type: z.enum(MUSYAWARAH_TYPES, { error: 'Pilih jenis musyawarah' }),
    date: isoDateSchema,
    place: z.string({ error: 'Tempat wajib diisi' }).trim().min(2, { error: 'Tempat wajib diisi' }).max(120, { error: 'Tempat terlalu panjang' }),
    chair: z
      .string({ error: 'Pimpinan musyawarah wajib diisi' })
      .trim()
      .min(2, { error: 'Pimpinan musyawarah wajib diisi' })
      .max(100, { error: 'Nama terlalu panjang' }),
    attendees: z
      .number({ error: 'Jumlah peserta wajib diisi' })
      .int({ error: 'Jumlah peserta harus bilangan bulat' })
      .min(1, { error: 'Jumlah peserta minimal 1' })
      .max(10000, { error: 'Jumlah peserta tidak wajar' }),
    /** The musyawarah is held by the BPD with the Pemdes (Permendesa): was the BPD there? */
    bpdPresent: z.boolean({ error: 'Isi apakah BPD hadir' }),
    /** Representatives of poor households present, as the musyawarah desa requires. */
    poorHouseholdRepresentatives: z
      .number({ error: 'Jumlah perwakilan keluarga miskin wajib diisi' })
      .int({ error: 'Jumlah perwakilan harus bilangan bulat' })
      .min(0, { error: 'Jumlah perwakilan tidak boleh negatif' }),
    notes: z.string().max(2000, { error: 'Catatan terlalu panjang (maks. 2000 huruf)' }),
  })
  .refine((m) => m.poorHouseholdRepresentatives <= m.attendees, {
    error: 'Perwakilan keluarga miskin tidak boleh lebih banyak dari jumlah peserta',
    path: ['poorHouseholdRepresentatives'],
  });
export type Meeting = z.infer<typeof meetingSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a meeting may be dated `date` when written at `at`: not more than a year back (366 days),
 * not after the next day. The day counts from 00:00 UTC, so "today" holds in every Indonesian time
 * zone. firestore.rules (`recentDay`) holds a musyawarah to the same window against the server's
 * time, the portal's wizard says so next to the date, and the statistics count a meeting only on a
 * day of this window around its submission: a client-chosen date never adds a day far from it.
 */
export function meetingDateInWindow(date: string, at: Date): boolean {
  const d = parseIsoDate(date);
  if (!d) return false;
  const day = Date.UTC(d.year, d.month - 1, d.day);
  return day >= at.getTime() - 366 * DAY_MS && day <= at.getTime() + DAY_MS;
}

/** Every kind of usulan; their content schemas are in `usulan.ts` (`baru` is defined here). */
export const USULAN_TYPES = ['baru', 'perbaikan', 'keluar', 'reaktivasi', 'pindah_masuk'] as const;
export type UsulanType = (typeof USULAN_TYPES)[number];
export const USULAN_TYPE_LABELS: Record<UsulanType, string> = {
  baru: 'Usulan baru',
  perbaikan: 'Perbaikan data',
  keluar: 'Usulan keluar',
  reaktivasi: 'Reaktivasi',
  pindah_masuk: 'Pindah masuk',
};

/** The content of an "add household" usulan as the operator writes it. */
export const usulanBaruContentSchema = z.object({
  type: z.literal('baru'),
  household: householdProposalSchema,
});
export type UsulanBaruContent = z.infer<typeof usulanBaruContentSchema>;

export const decisionInputSchema = z
  .object({
    usulanId: documentIdSchema('ID usulan'),
    decision: z.enum(['setujui', 'tolak'], { error: 'Keputusan harus setujui atau tolak' }),
    note: z.string({ error: 'Catatan harus berupa teks' }).trim().max(1000, { error: 'Catatan terlalu panjang (maks. 1000 huruf)' }).default(''),
  })
  .refine((d) => d.decision !== 'tolak' || d.note.length > 0, { error: 'Alasan penolakan wajib diisi', path: ['note'] });
export type DecisionInput = z.infer<typeof decisionInputSchema>;

/** One decision for every usulan of a musyawarah that the deciding person can act on. */
export const musyawarahDecisionInputSchema = z
  .object({
    musyawarahId: documentIdSchema('ID musyawarah'),
    decision: z.enum(['setujui', 'tolak'], { error: 'Keputusan harus setujui atau tolak' }),
    note: z.string({ error: 'Catatan harus berupa teks' }).trim().max(1000, { error: 'Catatan terlalu panjang (maks. 1000 huruf)' }).default(''),
  })
  .refine((d) => d.decision !== 'tolak' || d.note.length > 0, { error: 'Alasan penolakan wajib diisi', path: ['note'] });
export type MusyawarahDecisionInput = z.infer<typeof musyawarahDecisionInputSchema>;

/** What the operator sends when recording a verval of a household. */
export const vervalInputSchema = z.object({
  householdId: documentIdSchema('Keluarga'),
  result: z.enum(['sesuai', 'diperbaiki'], { error: 'Pilih hasil verval: data sesuai atau diperbaiki' }),
  note: z.string({ error: 'Catatan harus berupa teks' }).trim().max(1000, { error: 'Catatan terlalu panjang (maks. 1000 huruf)' }).default(''),
});
export type VervalInput = z.infer<typeof vervalInputSchema>;

/** The operator records that a recipient house received its bansos sticker (seed 000), and who put it up. */
export const stickerInputSchema = z.object({
  householdId: documentIdSchema('Keluarga'),
  installedOn: isoDateSchema,
  by: z.string({ error: 'Nama pemasang wajib diisi' }).trim().min(2, { error: 'Nama pemasang wajib diisi' }).max(100, { error: 'Nama terlalu panjang' }),
});
export type StickerInput = z.infer<typeof stickerInputSchema>;
