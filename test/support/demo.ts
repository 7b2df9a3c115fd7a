/**
 * The demo district: Rejang Lebong (17.02), Bengkulu. Used by the demo seed (emulator-data/) and
 * by the tests, so both describe the same people and places.
 */
export const KABUPATEN = '17.02';

/** Desa/kelurahan codes and names: Kepmendagri 300.2.2-2138/2025 (functions/src/domain/wilayah-data). */
export const DESA = {
  // 17.02.06.2001 = Desa Derati, Kecamatan Kota Padang (Kepmendagri 300.2.2-2138/2025).
  derati: { desa: '17.02.06.2001', kecamatan: '17.02.06', kabupaten: KABUPATEN },
  // Another desa of the same kabupaten, for "operator of another desa" cases.
  other: { desa: '17.02.06.2002', kecamatan: '17.02.06', kabupaten: KABUPATEN },
  // Desa Sambirejo, Kecamatan Selupu Rejang.
  sambirejo: { desa: '17.02.11.2003', kecamatan: '17.02.11', kabupaten: KABUPATEN },
  // Kelurahan Talang Benih, Kecamatan Curup: a town, so its meeting is a muskelsus.
  talangBenih: { desa: '17.02.09.1033', kecamatan: '17.02.09', kabupaten: KABUPATEN },
  // Desa Air Mundu, Kecamatan Bermani Ulu: no operator (seed 001: in 2022 only 60 of 156 desa had one).
  airMundu: { desa: '17.02.10.2001', kecamatan: '17.02.10', kabupaten: KABUPATEN },
} as const;

/** The demo desa that has households in the register but no operator account. */
export const DESA_WITHOUT_OPERATOR = DESA.airMundu;

export const DEMO_PASSWORD = 'tepat-demo-2026';

export const DEMO_USERS = [
  { email: 'operator.derati@tepat.test', displayName: 'Operator Desa Derati', claims: { role: 'operator', ...DESA.derati } },
  { email: 'verifikator.rejanglebong@tepat.test', displayName: 'Verifikator Dinsos Rejang Lebong', claims: { role: 'verifikator', kabupaten: KABUPATEN } },
  { email: 'kadis.rejanglebong@tepat.test', displayName: 'Kepala Dinsos Rejang Lebong', claims: { role: 'kadis', kabupaten: KABUPATEN } },
  { email: 'admin.rejanglebong@tepat.test', displayName: 'Admin Dinsos Rejang Lebong', claims: { role: 'admin', kabupaten: KABUPATEN } },
  { email: 'operator.sambirejo@tepat.test', displayName: 'Operator Desa Sambirejo', claims: { role: 'operator', ...DESA.sambirejo } },
  { email: 'operator.talangbenih@tepat.test', displayName: 'Operator Kelurahan Talang Benih', claims: { role: 'operator', ...DESA.talangBenih } },
] as const;

/**
 * The demo register: households generated (test/support/generator) in the three desa with an
 * operator, the one without, and a few neighbours, so the Dinas sees a kabupaten and each
 * operator their own desa. Weights are relative sizes.
 */
export const DEMO_REGISTER = {
  seed: 1702,
  households: 420,
  desaWeights: {
    [DESA.derati.desa]: 90,
    [DESA.sambirejo.desa]: 90,
    [DESA.talangBenih.desa]: 80,
    [DESA.airMundu.desa]: 60,
    [DESA.other.desa]: 30, // Taba Anyar, Kota Padang
    '17.02.06.1004': 25, // Kelurahan Kota Padang
    '17.02.16.2013': 25, // Kota Pagu, Curup Utara
    '17.02.07.2001': 20, // Karang Baru, Padang Ulak Tanding
  },
} as const;
