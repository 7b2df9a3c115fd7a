import type { HouseholdStatus } from './eligibility.js';
import { because, type Reason, type ReasonParams } from './reason.js';
import { checkReturnByUsulanBaru, DEFAULT_SUSPENSION_POLICY, type SuspensionPolicy } from './suspension.js';
import { isWithin } from './wilayah.js';

/**
 * Duplicates, the two ways the register meets them:
 * - the same NIK anywhere in the register (one NIK, one person): a hard conflict, found through
 *   the NIK index, which the caller reads and passes in as a lookup;
 * - the same person without NIK entered twice: a likely duplicate, found by normalised name +
 *   birth date + desa, for a person to decide.
 */
export interface NikIndexEntry {
  householdId: string;
  desaCode: string;
  /** Status of the household that holds the NIK, when the caller knows it. */
  status?: HouseholdStatus;
  /** The member record that holds it, when the caller read it (closing a returning member's old record). */
  memberId?: string;
}

export type NikLookup = ReadonlyMap<string, NikIndexEntry> | ((nik: string) => NikIndexEntry | null | undefined);

export interface NikConflictOptions {
  /** The household the usulan is about (perbaikan, pindah): its own NIKs are no conflict. */
  ownHouseholdId?: string | null;
  /** How a suspended household returns in this kabupaten (decides whether its NIKs may be re-proposed). */
  suspensionPolicy?: SuspensionPolicy;
  /** Form path of the member list, e.g. `household.members`. */
  fieldPrefix?: string;
  /**
   * The proposer's kabupaten. A NIK held in another kabupaten is said to be registered, and no
   * more (not in which desa: validation must not tell an operator where anyone in the country
   * lives), and a suspended household there cannot be left by this usulan: that kabupaten's policy
   * and members are not this kabupaten's to change.
   */
  kabupatenCode?: string;
}

/** One proposed member whose NIK the register already holds elsewhere. */
export interface NikHeld {
  /** Position in the proposed member list (0-based; reasons number members from 1). */
  member: number;
  /** Form path of that member's NIK. */
  field: string;
  holder: NikIndexEntry;
  /** The holder is outside the proposer's kabupaten (`kabupatenCode` given): the proposer is told no more than that the NIK is registered. */
  elsewhere: boolean;
}

export interface NikConflicts {
  /** What stops the usulan (for the operator and the verifikator). */
  errors: Reason[];
  /** What to look at before approving. */
  warnings: Reason[];
  /** Members whose NIK is held by another household still in the register: the usulan cannot be applied. */
  blocking: NikHeld[];
  /** Members coming back from a suspended household by this usulan (route `usulan_baru`): their old record is closed on application. */
  returning: NikHeld[];
  /** Every member whose NIK the register holds in another household, whatever its status (the validation audits each). */
  found: NikHeld[];
}

/**
 * Which members' NIKs are already in the register, for the validation and for the application
 * (which checks again inside its transaction, against the index as it is then). A NIK held by
 * another household is an error (`nik.registered`) and blocks the application; held by a household
 * that left the register, a warning (it can come back); held by a suspended household, it depends
 * on the kabupaten's return route: under `usulan_baru` this usulan is the way back (a warning, and
 * the old record is closed when it is applied), under `reaktivasi` it is an error and blocks.
 * Reasons name the member's position and the desa, never the NIK.
 */
export function findNikConflicts(members: readonly { nik: string | null }[], lookup: NikLookup, options: NikConflictOptions = {}): NikConflicts {
  const get = typeof lookup === 'function' ? lookup : (nik: string) => lookup.get(nik);
  const prefix = options.fieldPrefix ?? 'household.members';
  const policy = options.suspensionPolicy ?? DEFAULT_SUSPENSION_POLICY;
  const out: NikConflicts = { errors: [], warnings: [], blocking: [], returning: [], found: [] };
  members.forEach((m, i) => {
    if (!m.nik) return;
    const holder = get(m.nik);
    if (!holder || holder.householdId === options.ownHouseholdId) return;
    const field = `${prefix}.${i}.nik`;
    const elsewhere = options.kabupatenCode !== undefined && !isWithin(holder.desaCode, options.kabupatenCode);
    const held: NikHeld = { member: i, field, holder, elsewhere };
    out.found.push(held);
    const params: ReasonParams = elsewhere ? { member: i + 1 } : { member: i + 1, desaCode: holder.desaCode };
    if (holder.status === 'keluar') {
      out.warnings.push(because('nik.registered_keluar', params, field));
    } else if (holder.status === 'ditangguhkan' && elsewhere) {
      // Not even that the household is suspended (a suspension for online gambling is nobody else's business).
      out.errors.push(because('nik.registered', params, field));
      out.blocking.push(held);
    } else if (holder.status === 'ditangguhkan') {
      const route = checkReturnByUsulanBaru(policy, field);
      if (route.ok) {
        out.warnings.push(route.note);
        out.returning.push(held);
      } else {
        out.errors.push(route.reason);
        out.blocking.push(held);
      }
    } else {
      out.errors.push(because('nik.registered', params, field));
      out.blocking.push(held);
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Likely duplicates without NIK

/** Titles written before a name; academic titles after a comma are cut off whole. */
const TITLES = new Set(['h', 'hj', 'hajjah', 'haji', 'drs', 'dra', 'dr', 'ir', 'prof', 'bapak', 'bpk', 'ibu', 'sdr', 'sdri', 'alm', 'almh']);
const MUHAMMAD = new Set(['muhammad', 'muhamad', 'mohammad', 'mohamad', 'mochammad', 'mochamad', 'moch', 'moh', 'muh', 'mhd', 'md']);

/**
 * A name reduced to what survives the ways it is typed differently: case, accents, punctuation,
 * titles (H., Hj., Drs. before the name; S.Pd. and the like after a comma), old spelling (oe→u, tj→c, dj→j, j→y, ch→kh), doubled
 * letters and the many spellings of Muhammad. Both names go through the same steps, so the result
 * is a key for comparison, not a name to show.
 */
export function normaliseName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(',')[0]! // academic titles follow a comma: "Siti Aminah, S.Pd."
    .replace(/[^a-z\s]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !TITLES.has(w));
  return words
    .map((w) => {
      if (MUHAMMAD.has(w)) return 'muhamad';
      return (
        w
          .replace(/oe/g, 'u')
          .replace(/tj/g, 'c')
          .replace(/dj/g, 'j')
          // Old j is today's y (Tjahjono = Cahyono); j and y become one letter in the key.
          .replace(/j/g, 'y')
          .replace(/ch/g, 'kh')
          .replace(/([a-z])\1+/g, '$1')
      );
    })
    .join(' ');
}

/** Normalised name + birth date (`YYYY-MM-DD`) + desa: two records with the same key are likely the same person. */
export function likelyDuplicateKey(record: { name: string; birthDate: string; desaCode: string }): string {
  return `${normaliseName(record.name)}|${record.birthDate}|${record.desaCode}`;
}
