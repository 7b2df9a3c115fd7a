import { logger } from 'firebase-functions';
import type { Transaction } from 'firebase-admin/firestore';
import { programSchema, type Program } from '../domain/index.js';
import { collections } from './collections.js';

/** Reads the program configuration; a malformed document is logged and left out, never guessed. */
export async function loadPrograms(tx?: Transaction): Promise<Program[]> {
  const query = collections.programs();
  const snap = tx ? await tx.get(query) : await query.get();
  const programs: Program[] = [];
  for (const doc of snap.docs) {
    const parsed = programSchema.safeParse({ ...doc.data(), id: doc.id });
    if (parsed.success) programs.push(parsed.data);
    else logger.error('Program configuration is invalid and was skipped', { programId: doc.id, issues: parsed.error.issues.length });
  }
  return programs;
}
