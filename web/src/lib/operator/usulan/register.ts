import { doc, getDoc, getDocs, limit, orderBy, query, where } from 'firebase/firestore';
import { DEFAULT_STALENESS_POLICY, parseKabupatenPolicy, suspensionPolicyOf, type StalenessPolicy, type SuspensionPolicy } from '$domain/index.js';
import { collections, type HouseholdDoc, type MemberDoc } from '../../collections';
import type { RegisterHousehold, RegisterMember } from './form';

/**
 * Reads of the desa's register for the musyawarah wizard, loaded by the wizard only when a row
 * needs them (so the form itself does not wait for Firebase). Offline, they answer from the cache.
 */
export const DESA_HOUSEHOLD_LIMIT = 1000;

export function toRegisterHousehold(id: string, h: HouseholdDoc): RegisterHousehold {
  return {
    id,
    desaCode: h.desaCode,
    kkNumber: h.kkNumber,
    address: h.address,
    desil: h.desil,
    headName: h.headName,
    status: h.status,
    reactivations: h.reactivations ?? 0,
  };
}

export function toRegisterMember(id: string, m: MemberDoc): RegisterMember {
  return {
    id,
    nik: m.nik,
    name: m.name,
    sex: m.sex,
    birthDate: m.birthDate,
    relationship: m.relationship,
    status: m.status,
    ...(m.occupation ? { occupation: m.occupation } : {}),
    ...(m.school ? { school: m.school } : {}),
    ...(m.disability ? { disability: m.disability } : {}),
    ...(m.pregnant !== undefined ? { pregnant: m.pregnant } : {}),
  };
}

export async function desaHouseholds(desaCode: string): Promise<RegisterHousehold[]> {
  const snap = await getDocs(query(collections.households(), where('desaCode', '==', desaCode), orderBy('headName'), limit(DESA_HOUSEHOLD_LIMIT)));
  return snap.docs.map((d) => toRegisterHousehold(d.id, d.data()));
}

export async function householdMembers(householdId: string, desaCode: string): Promise<RegisterMember[]> {
  const snap = await getDocs(query(collections.members(householdId), where('desaCode', '==', desaCode)));
  return snap.docs
    .map((d) => toRegisterMember(d.id, d.data()))
    .sort((a, b) => (a.relationship === 'kepala_keluarga' ? -1 : b.relationship === 'kepala_keluarga' ? 1 : a.birthDate.localeCompare(b.birthDate)));
}

export interface KabupatenRules {
  staleness: StalenessPolicy;
  suspension: SuspensionPolicy;
}

/** The kabupaten's staleness and suspension rules, or the defaults when it has no policy document. */
export async function kabupatenRules(kabupatenCode: string): Promise<KabupatenRules> {
  const snap = await getDoc(doc(collections.policies(), kabupatenCode)).catch(() => null);
  const policy = snap?.exists() ? parseKabupatenPolicy(snap.data()) : null;
  return { staleness: policy?.staleness ?? DEFAULT_STALENESS_POLICY, suspension: suspensionPolicyOf(policy) };
}
