import { fixed, type ReasonEntry } from './format.js';

/** A role and where it applies (roles.ts). */
export const ROLE_TEXTS: Record<string, ReasonEntry> = {
  'role.kabupaten': fixed('Kode kabupaten/kota tidak valid', 'The district/city code is not valid'),
  'role.desa_required': fixed('Operator harus ditugaskan ke satu desa/kelurahan', 'An operator must be assigned to one village'),
  'role.other_kabupaten': fixed('Desa/kelurahan itu tidak berada di kabupaten Anda', 'That village is not in your district'),
};
