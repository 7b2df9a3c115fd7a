import type { Transaction } from 'firebase-admin/firestore';
import type { NikIndexEntry } from '../domain/index.js';
import { collections } from './collections.js';
import { nikHash } from './nik-hash.js';

/**
 * The NIK index entries for these NIKs, with the status that matters for each: the member's if it
 * left, else its household's; and the member record that holds it. Reads one index document per
 * NIK and one household per holder, inside the caller's transaction (the validation, the application).
 */
export async function readNikIndex(tx: Transaction, niks: readonly string[]): Promise<Map<string, NikIndexEntry>> {
  const lookup = new Map<string, NikIndexEntry>();
  if (niks.length === 0) return lookup;
  const entries = await tx.getAll(...niks.map((nik) => collections.nikIndex().doc(nikHash(nik))));
  const holders = [...new Set(entries.flatMap((e) => (e.exists && e.data()!.active ? [e.data()!.householdId] : [])))];
  const households = holders.length > 0 ? await tx.getAll(...holders.map((id) => collections.households().doc(id))) : [];
  const statusOf = new Map(households.map((h) => [h.id, h.data()?.status ?? 'keluar']));
  entries.forEach((e, i) => {
    const entry = e.data();
    if (!entry) return;
    lookup.set(niks[i]!, {
      householdId: entry.householdId,
      memberId: entry.memberId,
      desaCode: entry.desaCode,
      status: entry.active ? statusOf.get(entry.householdId) : 'keluar',
    });
  });
  return lookup;
}
