import { SUSPENSION_REASONS, type SuspensionReason } from '../suspension.js';
import { fixed, str, type ReasonEntry } from './format.js';

const suspended = (why: SuspensionReason): ReasonEntry => ({
  id: (p, l) => `Kepesertaan ditangguhkan sejak ${str(p.since)}: ${l('suspensionReason', why)}`,
  en: (p, l) => `Membership suspended since ${str(p.since)}: ${l('suspensionReason', why)}`,
});

const times = (n: string) => `${n} ${n === '1' ? 'time' : 'times'}`;

/** Suspension and the way back (suspension.ts). */
export const SUSPENSION_TEXTS: Record<string, ReasonEntry> = {
  'suspension.already': fixed('Keluarga ini sudah ditangguhkan', 'This household is already suspended'),
  'suspension.keluar': fixed('Keluarga ini sudah keluar dari register', 'This household has already left the register'),
  ...Object.fromEntries(SUSPENSION_REASONS.map((why) => [`household.ditangguhkan.${why}`, suspended(why)])),
  'reaktivasi.not_suspended': fixed('Hanya keluarga yang ditangguhkan yang dapat direaktivasi', 'Only a suspended household can be reactivated'),
  'reaktivasi.route_usulan_baru': fixed(
    'Kabupaten ini tidak memakai reaktivasi: keluarga harus diusulkan kembali dari awal melalui desa (usulan baru dan musyawarah desa)',
    'This district does not use reactivation: the household must be proposed again from the start through the village (a new-household proposal and a village meeting)',
  ),
  'reaktivasi.limit': {
    id: (p) => `Reaktivasi sudah dipakai ${str(p.used)} kali; batasnya ${str(p.max)} kali`,
    en: (p) => `Reactivation has already been used ${times(str(p.used))}; the limit is ${times(str(p.max))}`,
  },
  'usulan.kembali_dari_penangguhan': fixed(
    'Anggota ini berasal dari keluarga yang ditangguhkan; usulan baru ini menjadi jalan kembalinya',
    'This member comes from a suspended household; this new proposal is their way back',
  ),
  'nik.registered_suspended': fixed(
    'Anggota ini terdaftar pada keluarga yang ditangguhkan; kabupaten ini memakai reaktivasi, bukan usulan baru',
    'This member is registered in a suspended household; this district uses reactivation, not a new proposal',
  ),
};
