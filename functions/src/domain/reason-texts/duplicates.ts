import { str, type ReasonEntry } from './format.js';

/**
 * Duplicates (duplicates.ts): the same NIK elsewhere in the register. The texts name the member's position on the KK and the desa code, never the NIK.
 */
export const DUPLICATE_TEXTS: Record<string, ReasonEntry> = {
  // Without `desaCode`: held in another kabupaten, where the proposer is not told which desa.
  'nik.registered': {
    id: (p) => `NIK anggota ke-${str(p.member)} sudah terdaftar di register${p.desaCode === undefined ? '' : ` (desa ${str(p.desaCode)})`}`,
    en: (p) => `The NIK of member ${str(p.member)} is already in the register${p.desaCode === undefined ? '' : ` (village ${str(p.desaCode)})`}`,
  },
  'nik.registered_keluar': {
    id: (p) =>
      p.desaCode === undefined
        ? `NIK anggota ke-${str(p.member)} pernah terdaftar dan sudah dikeluarkan dari register`
        : `NIK anggota ke-${str(p.member)} pernah terdaftar di desa ${str(p.desaCode)} dan sudah dikeluarkan dari register`,
    en: (p) =>
      p.desaCode === undefined
        ? `The NIK of member ${str(p.member)} was registered and has left the register`
        : `The NIK of member ${str(p.member)} was registered in village ${str(p.desaCode)} and has left the register`,
  },
};
