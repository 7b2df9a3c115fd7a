import { z } from 'zod';
import type { HouseholdStatus } from './eligibility.js';
import { validateKkNumber } from './kk.js';
import { parseNik } from './nik.js';
import { because, type Reason } from './reason.js';
import { reasonsFromZod } from './validate-usulan.js';

/**
 * Finding the household of a family that moved into the desa (the lookup behind a `pindah_masuk`
 * usulan). The receiving operator cannot read another desa's register, and the family does not
 * know its register id: it carries its KK card. So the operator gives the KK number, or the NIK of
 * one member when the KK changed with the move, and the `findTransferHousehold` callable answers
 * with just enough to recognise the family and fill the usulan (see `TransferCandidate`).
 */
export const TRANSFER_LOOKUP_KINDS = ['kk', 'nik'] as const;
export type TransferLookupKind = (typeof TRANSFER_LOOKUP_KINDS)[number];

/** The shape of the callable's input. Separators people type in long numbers (spaces, dots, dashes) are dropped. */
export const transferLookupInputSchema = z.object({
  by: z.enum(TRANSFER_LOOKUP_KINDS, { error: 'Pilih cari dengan nomor KK atau dengan NIK' }),
  number: z
    .string({ error: 'Nomor wajib diisi' })
    .max(40, { error: 'Nomor terlalu panjang' })
    .transform((s) => s.replace(/[\s.-]/g, '')),
});
export type TransferLookupInput = z.infer<typeof transferLookupInputSchema>;

/**
 * Parses the input and checks the number with the domain's KK or NIK rules (16 digits, region
 * structure, a real date, serial not 0000), so a mistyped number is explained before anything is
 * searched. A region code missing from today's Kemendagri list does not stop the search: the
 * register holds numbers issued before a region was split, and only an exact match is returned.
 * Every reason points at the `number` field.
 */
export function parseTransferLookup(data: unknown, referenceDate: Date): { ok: true; value: TransferLookupInput } | { ok: false; reasons: Reason[] } {
  const parsed = transferLookupInputSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reasons: reasonsFromZod(parsed.error) };
  const { by, number } = parsed.data;
  if (number === '') {
    return { ok: false, reasons: [because('pindah.lookup_empty', { by }, 'number')] };
  }
  const reasons: Reason[] =
    by === 'kk'
      ? validateKkNumber(number, referenceDate, 'number', { unknownRegion: 'warning' }).errors
      : (() => {
          const nik = parseNik(number, referenceDate, { unknownRegion: 'warning' });
          return nik.ok ? [] : nik.reasons.map((r) => ({ ...r, field: 'number' }));
        })();
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, value: parsed.data };
}

/** A household the lookup matched, as the register has it (what the rules below need). */
export interface TransferMatch {
  id: string;
  desaCode: string;
  status: HouseholdStatus;
}

/**
 * What the operator sees of a household that can move in: enough to recognise the family with the
 * family in front of them (head's name, how many members, where the register has them now) and to
 * fill the usulan (register id, old desa). Never a NIK, the member list, the address or the desil.
 */
export interface TransferCandidate {
  householdId: string;
  fromDesaCode: string;
  /** Desa/kelurahan and kecamatan names (Kepmendagri); null outside the bundled names. */
  fromDesaName: string | null;
  fromKecamatanName: string | null;
  headName: string;
  memberCount: number;
  /** Any status but `keluar`: a frozen or suspended household moves as it is, with its status. */
  status: Exclude<HouseholdStatus, 'keluar'>;
}

export interface TransferLookupResult {
  households: TransferCandidate[];
}

/** At most this many households share one KK number in an answer (a KK held twice is data ganda). */
export const TRANSFER_MAX_MATCHES = 5;

/**
 * How many lookups one operator may make in a day (Jakarta calendar). A busy desa finds a handful
 * of families that moved in; hundreds of guesses are someone mining the register.
 */
export const TRANSFER_LOOKUPS_PER_DAY = 100;

/**
 * The day's lookups so far decide this one: answered, or refused; the first refusal of the day
 * alerts the Dinas Sosial (an audit entry it reads), the later ones are only counted.
 */
export function transferAllowance(madeToday: number): { allowed: true } | { allowed: false; alert: boolean; reason: Reason } {
  if (madeToday < TRANSFER_LOOKUPS_PER_DAY) return { allowed: true };
  return { allowed: false, alert: madeToday === TRANSFER_LOOKUPS_PER_DAY, reason: because('pindah.lookup_limit', { limit: TRANSFER_LOOKUPS_PER_DAY }) };
}

/**
 * Which matched households can move into `toDesaCode`, with the rules the validation and the
 * application of a `pindah_masuk` use: a household that left the register cannot move (it
 * returns as a new household), and one already in the receiving desa needs no transfer. When none
 * can, the reason says why; its code is the one the usulan would fail with later.
 */
export function transferCandidates<M extends TransferMatch>(
  matches: readonly M[],
  toDesaCode: string,
  by: TransferLookupKind,
): { ok: true; households: (M & { status: Exclude<HouseholdStatus, 'keluar'> })[] } | { ok: false; reason: Reason } {
  const movable = matches.filter((m): m is M & { status: Exclude<HouseholdStatus, 'keluar'> } => m.status !== 'keluar' && m.desaCode !== toDesaCode);
  if (movable.length > 0) return { ok: true, households: movable.slice(0, TRANSFER_MAX_MATCHES) };
  if (matches.some((m) => m.status !== 'keluar')) {
    return { ok: false, reason: because('pindah.same_desa', { by }, 'number') };
  }
  if (matches.length > 0) {
    return { ok: false, reason: because('usulan.household_keluar', { by }, 'number') };
  }
  return { ok: false, reason: because('pindah.not_found', { by }, 'number') };
}
