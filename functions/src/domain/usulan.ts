import { z } from 'zod';
import { KK_CHANGE_REASONS } from './kk.js';
import { desaCodeSchema, documentIdSchema, householdProposalSchema, isoDateSchema, usulanBaruContentSchema } from './schemas.js';

/**
 * The content of each kind of usulan, as the village operator writes it:
 * - `baru`: a household not yet in the register (schema in `schemas.ts`);
 * - `perbaikan`: corrected data of a household already in the register;
 * - `keluar`: a household, or some of its members, leaves the register, with the reason;
 * - `reaktivasi`: a suspended household returns (surat pernyataan + BA klarifikasi);
 * - `pindah_masuk`: a household of the register moves into this desa (a transfer instead of
 *   "alamat tidak ditemukan" at the old desa).
 */
export const KELUAR_REASONS = ['mampu', 'meninggal', 'pindah', 'tidak_ditemukan', 'ganda'] as const;
export type KeluarReason = (typeof KELUAR_REASONS)[number];
export const KELUAR_REASON_LABELS: Record<KeluarReason, string> = {
  mampu: 'Sudah mampu',
  meninggal: 'Meninggal dunia',
  pindah: 'Pindah domisili',
  tidak_ditemukan: 'Tidak ditemukan',
  ganda: 'Data ganda',
};

/** Who must sign the BA klarifikasi of a reactivation. */
export const BA_KLARIFIKASI_SIGNATORIES = ['kpm', 'pendamping', 'kadinsos'] as const;
export const BA_KLARIFIKASI_SIGNATORY_LABELS: Record<(typeof BA_KLARIFIKASI_SIGNATORIES)[number], string> = {
  kpm: 'KPM (penerima manfaat)',
  pendamping: 'Pendamping sosial',
  kadinsos: 'Kepala Dinas Sosial',
};

const registerIdSchema = documentIdSchema('Keluarga');
const noteSchema = z
  .string({ error: 'Keterangan wajib diisi' })
  .trim()
  .min(5, { error: 'Keterangan wajib diisi (minimal 5 huruf)' })
  .max(1000, { error: 'Keterangan terlalu panjang (maks. 1000 huruf)' });

/** An uploaded supporting document (surat, akta, berita acara). */
export const evidenceSchema = z.object({
  /** Storage id or path of the uploaded file. */
  documentId: z.string({ error: 'Dokumen wajib diunggah' }).trim().min(1, { error: 'Dokumen wajib diunggah' }).max(500),
  number: z.string().trim().max(100, { error: 'Nomor dokumen terlalu panjang' }).optional(),
  date: isoDateSchema,
});

export const usulanPerbaikanContentSchema = z.object({
  type: z.literal('perbaikan'),
  householdId: registerIdSchema,
  /** The household as it should be after the correction. */
  household: householdProposalSchema,
  /** Required when the KK number changes: why it changed. */
  kkChangeReason: z.enum(KK_CHANGE_REASONS, { error: 'Pilih alasan perubahan KK' }).optional(),
  note: noteSchema,
});
export type UsulanPerbaikanContent = z.infer<typeof usulanPerbaikanContentSchema>;

export const usulanKeluarContentSchema = z
  .object({
    type: z.literal('keluar'),
    householdId: registerIdSchema,
    reason: z.enum(KELUAR_REASONS, { error: 'Pilih alasan keluar' }),
    /** Register ids of the members who leave; empty when the whole household leaves. */
    memberIds: z.array(registerIdSchema).max(30),
    /** For `ganda`: the household that stays in the register. */
    duplicateOfHouseholdId: registerIdSchema.optional(),
    /** For `pindah`, when the new desa is known (it can then propose a `pindah_masuk`). */
    destinationDesaCode: desaCodeSchema.optional(),
    /** e.g. akta/surat keterangan kematian for `meninggal`. */
    evidence: evidenceSchema.optional(),
    note: noteSchema,
  })
  .superRefine((u, ctx) => {
    if (u.reason === 'ganda' && (u.duplicateOfHouseholdId === undefined || u.duplicateOfHouseholdId === u.householdId)) {
      ctx.addIssue({ code: 'custom', path: ['duplicateOfHouseholdId'], message: 'Pilih keluarga lain yang datanya tetap dipakai (data ganda)' });
    }
    if (u.reason === 'mampu' && u.memberIds.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['memberIds'], message: 'Alasan "sudah mampu" berlaku untuk seluruh keluarga, bukan per anggota' });
    }
    if (new Set(u.memberIds).size !== u.memberIds.length) {
      ctx.addIssue({ code: 'custom', path: ['memberIds'], message: 'Anggota yang sama dipilih lebih dari sekali' });
    }
  });
export type UsulanKeluarContent = z.infer<typeof usulanKeluarContentSchema>;

export const usulanReaktivasiContentSchema = z.object({
  type: z.literal('reaktivasi'),
  householdId: registerIdSchema,
  /** Surat pernyataan of the KPM. */
  suratPernyataan: evidenceSchema,
  /** Berita acara klarifikasi, signed by the KPM, the pendamping and the Kepala Dinas Sosial. */
  baKlarifikasi: evidenceSchema.extend({
    signedBy: z.array(z.enum(BA_KLARIFIKASI_SIGNATORIES)).refine((s) => BA_KLARIFIKASI_SIGNATORIES.every((who) => s.includes(who)), {
      error: 'BA klarifikasi harus ditandatangani KPM, pendamping, dan Kepala Dinas Sosial',
    }),
  }),
  note: z.string().trim().max(1000, { error: 'Keterangan terlalu panjang (maks. 1000 huruf)' }).optional(),
});
export type UsulanReaktivasiContent = z.infer<typeof usulanReaktivasiContentSchema>;

export const usulanPindahMasukContentSchema = z.object({
  type: z.literal('pindah_masuk'),
  householdId: registerIdSchema,
  /** The desa where the register has the household now. */
  fromDesaCode: desaCodeSchema,
  address: z
    .string({ error: 'Alamat wajib diisi' })
    .trim()
    .min(3, { error: 'Alamat terlalu pendek' })
    .max(200, { error: 'Alamat terlalu panjang (maks. 200 huruf)' }),
  /** The new KK number, when the move came with one. */
  kkNumber: z
    .string()
    .regex(/^\d{16}$/, { error: 'Nomor KK harus 16 digit angka' })
    .optional(),
  note: noteSchema,
});
export type UsulanPindahMasukContent = z.infer<typeof usulanPindahMasukContentSchema>;

export const usulanContentSchema = z.discriminatedUnion(
  'type',
  [usulanBaruContentSchema, usulanPerbaikanContentSchema, usulanKeluarContentSchema, usulanReaktivasiContentSchema, usulanPindahMasukContentSchema],
  { error: 'Jenis usulan tidak dikenal' },
);
export type UsulanContent = z.infer<typeof usulanContentSchema>;
