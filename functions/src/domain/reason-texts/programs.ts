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
  // `level`: the level of the program the admin tried to set (or whose code they reused).
  'program.not_yours': {
    id: (p) =>
      p.level === 'pusat'
        ? `Program ${str(p.program)} adalah program pusat: ketentuannya ditetapkan Kementerian Sosial dan diperbarui bersama Tepat, tidak oleh kabupaten`
        : p.level === 'provinsi'
          ? `Program ${str(p.program)} adalah program provinsi: ketentuannya ditetapkan Dinas Sosial Provinsi`
          : `Program ${str(p.program)} milik kabupaten/kota lain; admin kabupaten hanya mengatur program kabupatennya sendiri`,
    en: (p) =>
      p.level === 'pusat'
        ? `Program ${str(p.program)} is a national program: its rules are set by the Ministry of Social Affairs and updated with Tepat, not by a district`
        : p.level === 'provinsi'
          ? `Program ${str(p.program)} is a provincial program: its rules are set by the provincial Dinas Sosial`
          : `Program ${str(p.program)} belongs to another district; a district admin sets only the district's own programs`,
  },
  'program.version_history': {
    id: (p) =>
      `Ketentuan program ${str(p.program)} yang berlaku sejak ${str(p.from)} sudah berjalan dan tidak boleh diubah atau dihapus; ketentuan itu hanya dapat ditutup (paling awal per ${str(p.yesterday)}), lalu tambahkan ketentuan baru dengan tanggal berlaku dan dasar hukumnya.`,
    en: (p) =>
      `The rules of program ${str(p.program)} in force since ${str(p.from)} have begun and cannot be changed or removed; they can only be closed (on ${str(p.yesterday)} at the earliest), then add new rules with their start date and legal basis.`,
  },
  'program.overlap_unknown': {
    id: (p) => `Program ${str(p.program)} menyebut program tumpang tindih "${str(p.other)}" yang tidak ada`,
    en: (p) => `Program ${str(p.program)} names an overlapping program "${str(p.other)}" that does not exist`,
  },
};
