import type { ReasonParams } from '../reason.js';
import { list, membersEn, membersId, nums, str, strs, type ReasonEntry, type ReasonLabelOf } from './format.js';

/** A PKH-style component as params: `{ kind, minAge?, maxAge?, levels? }`. */
function criterionId(c: ReasonParams, label: ReasonLabelOf): string {
  switch (c.kind) {
    case 'pregnancy':
      return 'ibu hamil/nifas';
    case 'early_childhood':
      return `anak usia dini (0–${str(c.maxAge)} tahun)`;
    case 'school_child':
      return `anak sekolah (${str(c.minAge)}–${str(c.maxAge)} tahun, ${strs(c.levels)
        .map((l) => label('school', l))
        .join('/')})`;
    case 'elderly':
      return `lanjut usia (${str(c.minAge)} tahun ke atas)`;
    case 'severe_disability':
      return 'penyandang disabilitas berat';
    default:
      return str(c.kind);
  }
}

function criterionEn(c: ReasonParams, label: ReasonLabelOf): string {
  switch (c.kind) {
    case 'pregnancy':
      return 'a pregnant or post-partum mother';
    case 'early_childhood':
      return `a young child (0–${str(c.maxAge)} years)`;
    case 'school_child':
      return `a school child (${str(c.minAge)}–${str(c.maxAge)} years, ${strs(c.levels)
        .map((l) => label('school', l))
        .join('/')})`;
    case 'elderly':
      return `an elderly member (${str(c.minAge)} years or older)`;
    case 'severe_disability':
      return 'a member with a severe disability';
    default:
      return str(c.kind);
  }
}

const band = {
  id: (p: ReasonParams) => `desil ${str(p.min)}–${str(p.max)} (${str(p.legalBasis)}, berlaku sejak ${str(p.from)})`,
  en: (p: ReasonParams) => `decile ${str(p.min)}–${str(p.max)} (${str(p.legalBasis)}, in force since ${str(p.from)})`,
};

const met: ReasonEntry = {
  id: (p, l) => `Memenuhi komponen ${criterionId((p.criterion ?? {}) as ReasonParams, l)}: ${membersId(p)}`,
  en: (p, l) => `Meets the component ${criterionEn((p.criterion ?? {}) as ReasonParams, l)}: ${membersEn(p)}`,
};

/** Eligibility (eligibility.ts) and the household status it reads. */
export const ELIGIBILITY_TEXTS: Record<string, ReasonEntry> = {
  'household.beku': {
    id: (p) =>
      p.missed === undefined
        ? 'Data beku: keluarga belum diverifikasi-validasi (verval) dalam batas waktu yang ditetapkan'
        : `Data beku: tidak ada verval selama ${str(p.missed)} bulan berturut-turut (batas ${str(p.limit)} bulan)`,
    en: (p) =>
      p.missed === undefined
        ? 'Frozen data: the household was not verified (verval) within the set time'
        : `Frozen data: no verval for ${str(p.missed)} months in a row (limit ${str(p.limit)} months)`,
  },
  'household.ditangguhkan': {
    id: () => 'Kepesertaan ditangguhkan (misalnya terindikasi judi online) sampai diusulkan kembali atau direaktivasi',
    en: () => 'Membership suspended (for example, signs of online gambling) until the household is proposed again or reactivated',
  },
  'household.keluar': {
    id: () => 'Keluarga sudah dikeluarkan dari register',
    en: () => 'The household has left the register',
  },
  'program.scope_unknown': {
    id: (p) => `Desa keluarga tidak diketahui, sedangkan ${str(p.program)} hanya untuk wilayah ${str(p.scope)}`,
    en: (p) => `The household's village is unknown, and ${str(p.program)} is only for area ${str(p.scope)}`,
  },
  'program.out_of_scope': {
    id: (p) => `${str(p.program)} hanya untuk wilayah ${str(p.scope)}`,
    en: (p) => `${str(p.program)} is only for area ${str(p.scope)}`,
  },
  'program.no_band': {
    id: (p) => `Program ${str(p.program)} tidak memiliki ketentuan desil yang berlaku pada ${str(p.day)}`,
    en: (p) => `Program ${str(p.program)} has no decile band in force on ${str(p.day)}`,
  },
  'desil.missing': {
    id: () => 'Desil keluarga belum ditetapkan',
    en: () => "The household's decile has not been set",
  },
  'desil.in_band': {
    id: (p) => `Desil ${str(p.desil)} termasuk ${str(p.program)}: ${band.id(p)}`,
    en: (p) => `Decile ${str(p.desil)} is within ${str(p.program)}: ${band.en(p)}`,
  },
  'desil.out_of_band': {
    id: (p) => `Desil ${str(p.desil)} di luar ${str(p.program)}: ${band.id(p)}`,
    en: (p) => `Decile ${str(p.desil)} is outside ${str(p.program)}: ${band.en(p)}`,
  },
  'criteria.not_checked': {
    id: (p, l) =>
      `Komponen ${str(p.program)} (${list(p.criteria)
        .map((c) => criterionId(c, l))
        .join('; ')}) belum diperiksa karena data anggota tidak disertakan`,
    en: (p, l) =>
      `The components of ${str(p.program)} (${list(p.criteria)
        .map((c) => criterionEn(c, l))
        .join('; ')}) were not checked: no member data`,
  },
  'criteria.met.pregnancy': met,
  'criteria.met.early_childhood': met,
  'criteria.met.school_child': met,
  'criteria.met.elderly': met,
  'criteria.met.severe_disability': met,
  'criteria.none': {
    id: (p, l) =>
      `Tidak ada anggota yang memenuhi komponen ${str(p.program)}: ${list(p.criteria)
        .map((c) => criterionId(c, l))
        .join('; ')}` + (p.incomplete === true ? '; sebagian data kehamilan/disabilitas/sekolah anggota belum diisi' : ''),
    en: (p, l) =>
      `No member meets a component of ${str(p.program)}: ${list(p.criteria)
        .map((c) => criterionEn(c, l))
        .join('; ')}` + (p.incomplete === true ? "; some members' pregnancy/disability/school data is not filled in" : ''),
  },
  'exclusion.occupation': {
    id: (p, l) =>
      `Dikecualikan: ${membersId(p)} bekerja sebagai ${strs(p.occupations)
        .map((o) => l('occupation', o))
        .join(', ')} (${str(p.legalBasis)})`,
    en: (p, l) =>
      `Excluded: ${membersEn(p)} ${nums(p.members).length === 1 ? 'works' : 'work'} as ${strs(p.occupations)
        .map((o) => l('occupation', o))
        .join(', ')} (${str(p.legalBasis)})`,
  },
};
