/**
 * The demo district: Rejang Lebong (17.02), Bengkulu. Used by the demo seed (emulator-data/) and
 * by the tests, so both describe the same people and places.
 */
export const KABUPATEN = '17.02';

export const DESA = {
  // 17.02.06.2001 = Desa Derati, Kecamatan Kota Padang (Kepmendagri 300.2.2-2138/2025).
  derati: { desa: '17.02.06.2001', kecamatan: '17.02.06', kabupaten: KABUPATEN },
  // Another desa of the same kabupaten, for "operator of another desa" cases.
  other: { desa: '17.02.06.2002', kecamatan: '17.02.06', kabupaten: KABUPATEN },
} as const;

export const DEMO_PASSWORD = 'tepat-demo-2026';

export const DEMO_USERS = [
  { email: 'operator.derati@tepat.test', displayName: 'Operator Desa Derati', claims: { role: 'operator', ...DESA.derati } },
  { email: 'verifikator.rejanglebong@tepat.test', displayName: 'Verifikator Dinsos Rejang Lebong', claims: { role: 'verifikator', kabupaten: KABUPATEN } },
  { email: 'kadis.rejanglebong@tepat.test', displayName: 'Kepala Dinsos Rejang Lebong', claims: { role: 'kadis', kabupaten: KABUPATEN } },
  { email: 'admin.rejanglebong@tepat.test', displayName: 'Admin Dinsos Rejang Lebong', claims: { role: 'admin', kabupaten: KABUPATEN } },
] as const;
