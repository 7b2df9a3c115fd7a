import { z } from 'zod';
import { formatIsoDate, jakartaDateOf } from './dates.js';
import { isoDateSchema } from './schemas.js';

/**
 * Programs are configuration, never constants: each has dated versions of its desil band and the
 * legal basis for it, because bands change by decree (e.g. Kepmensos 79/HUK/2025).
 */
export const PROGRAM_LEVELS = ['pusat', 'provinsi', 'kabupaten'] as const;

export const programVersionSchema = z
  .object({
    effectiveFrom: isoDateSchema,
    /** Last day the version applies (inclusive); null while it is in force. */
    effectiveTo: isoDateSchema.nullable(),
    desilMin: z.number().int().min(1).max(10),
    desilMax: z.number().int().min(1).max(10),
    legalBasis: z.string().trim().min(1),
  })
  .refine((v) => v.desilMin <= v.desilMax, { error: 'Batas bawah desil tidak boleh melebihi batas atas', path: ['desilMin'] })
  .refine((v) => v.effectiveTo === null || v.effectiveTo >= v.effectiveFrom, {
    error: 'Tanggal akhir berlaku tidak boleh sebelum tanggal mulai',
    path: ['effectiveTo'],
  });

export const programSchema = z.object({
  id: z.string().regex(/^[A-Z0-9_-]{2,32}$/, { error: 'Kode program hanya huruf besar, angka, - dan _' }),
  name: z.string().trim().min(2).max(120),
  level: z.enum(PROGRAM_LEVELS),
  versions: z.array(programVersionSchema).min(1),
});
export type Program = z.infer<typeof programSchema>;
export type ProgramVersion = z.infer<typeof programVersionSchema>;

/** The version in force on a date (Jakarta calendar), or null. ISO dates compare as strings. */
export function versionOn(program: Program, date: Date): ProgramVersion | null {
  const day = formatIsoDate(jakartaDateOf(date));
  return program.versions.find((v) => v.effectiveFrom <= day && (v.effectiveTo === null || day <= v.effectiveTo)) ?? null;
}
