import type { z } from 'zod';
import { checkKkNumber } from './kk.js';
import { checkMemberNik } from './nik.js';
import { reason, type Reason } from './reason.js';
import { usulanBaruContentSchema, type UsulanBaruContent } from './schemas.js';

export interface ValidationResult {
  ok: boolean;
  errors: Reason[];
  warnings: Reason[];
}

/** Turns zod issues into reasons whose `field` is the dotted path the form uses. */
export function reasonsFromZod(error: z.ZodError, prefix = ''): Reason[] {
  return error.issues.map((issue) =>
    reason(`schema.${issue.code}`, issue.message, [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.')),
  );
}

/**
 * Everything that can be checked about an "add household" usulan without reading the register:
 * shape, KK structure, each member's NIK structure and its agreement with birth date and sex,
 * and the same NIK twice in one household. Register-wide checks (NIK already registered) are done
 * by the caller, which has the index.
 */
export function validateUsulanBaru(input: unknown, referenceDate: Date): ValidationResult & { content?: UsulanBaruContent } {
  const parsed = usulanBaruContentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: reasonsFromZod(parsed.error), warnings: [] };
  const content = parsed.data;
  const errors: Reason[] = [...checkKkNumber(content.household.kkNumber, referenceDate, 'household.kkNumber')];
  const warnings: Reason[] = [];
  const seen = new Map<string, number>();
  content.household.members.forEach((member, i) => {
    const field = `household.members.${i}.nik`;
    const check = checkMemberNik(member, referenceDate, field);
    errors.push(...check.errors);
    warnings.push(...check.warnings);
    if (member.nik) {
      const first = seen.get(member.nik);
      if (first !== undefined) {
        errors.push(reason('nik.duplicate_in_household', `NIK anggota ke-${i + 1} sama dengan NIK anggota ke-${first + 1}`, field));
      } else {
        seen.set(member.nik, i);
      }
    }
  });
  return { ok: errors.length === 0, errors, warnings, content };
}
