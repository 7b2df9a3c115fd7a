import { str, type ReasonEntry } from './format.js';

/** The program configuration (checkProgramConfig in programs.ts); program ids are the admin's own codes. */
export const PROGRAM_TEXTS: Record<string, ReasonEntry> = {
  'program.duplicate_id': {
    id: (p) => `Kode program ${str(p.program)} dipakai lebih dari sekali`,
    en: (p) => `The program code ${str(p.program)} is used more than once`,
  },
  'program.scope_pusat': {
    id: (p) => `Program pusat ${str(p.program)} berlaku nasional dan tidak boleh dibatasi wilayah`,
    en: (p) => `The national program ${str(p.program)} applies to the whole country and cannot be limited to an area`,
  },
  'program.scope': {
    id: (p, l) =>
      `Program ${str(p.program)} tingkat ${l('programLevel', str(p.level)).toLowerCase()} harus mencantumkan kode ${p.level === 'provinsi' ? 'provinsi (PP)' : 'kabupaten/kota (PP.KK)'}`,
    en: (p, l) =>
      `The ${l('programLevel', str(p.level)).toLowerCase()} program ${str(p.program)} must give its ${p.level === 'provinsi' ? 'province code (PP)' : 'district/city code (PP.KK)'}`,
  },
  'program.version_overlap': {
    id: (p) => `Masa berlaku ketentuan program ${str(p.program)} yang mulai ${str(p.from)} dan ${str(p.next)} tumpang tindih`,
    en: (p) => `The rules of program ${str(p.program)} starting ${str(p.from)} and ${str(p.next)} overlap in time`,
  },
  'program.overlap_unknown': {
    id: (p) => `Program ${str(p.program)} menyebut program tumpang tindih "${str(p.other)}" yang tidak ada`,
    en: (p) => `Program ${str(p.program)} names an overlapping program "${str(p.other)}" that does not exist`,
  },
};
