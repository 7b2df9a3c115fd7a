import { str, type ReasonEntry } from './format.js';

/**
 * Duplicates (duplicates.ts): the same NIK elsewhere in the register. The texts name the member's position on the KK and the desa code, never the NIK.
 */
export const DUPLICATE_TEXTS: Record<string, ReasonEntry> = {
  'nik.registered': {
    id: (p) => `NIK anggota ke-${str(p.member)} sudah terdaftar di register (desa ${str(p.desaCode)})`,
    en: (p) => `The NIK of member ${str(p.member)} is already in the register (village ${str(p.desaCode)})`,
  },
  'nik.registered_keluar': {
    id: (p) => `NIK anggota ke-${str(p.member)} pernah terdaftar di desa ${str(p.desaCode)} dan sudah dikeluarkan dari register`,
    en: (p) => `The NIK of member ${str(p.member)} was registered in village ${str(p.desaCode)} and has left the register`,
  },
};
