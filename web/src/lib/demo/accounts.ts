/**
 * The demo district and its accounts: Rejang Lebong (17.02), Bengkulu. The demo seed
 * (`npm run demo:data`), `npm start`'s banner, the tests and the sign-in page on the local emulator
 * all read them from here, so they describe the same people and places.
 *
 * The sign-in page imports this module only when the portal is built for the emulators
 * (`PUBLIC_USE_EMULATORS=true`, a build-time constant): a build for a real project does not contain
 * it (checked by test/unit/web/production-build.test.ts).
 */
export const KABUPATEN = '17.02';

/** Desa/kelurahan codes: Kepmendagri 300.2.2-2138/2025 (functions/src/domain/wilayah-data). */
export const DESA = {
  // Desa Derati, Kecamatan Kota Padang.
  derati: { desa: '17.02.06.2001', kecamatan: '17.02.06', kabupaten: KABUPATEN },
  // Desa Taba Anyar, same kecamatan: for "operator of another desa" cases.
  other: { desa: '17.02.06.2002', kecamatan: '17.02.06', kabupaten: KABUPATEN },
  // Desa Sambirejo, Kecamatan Selupu Rejang.
  sambirejo: { desa: '17.02.11.2003', kecamatan: '17.02.11', kabupaten: KABUPATEN },
  // Kelurahan Talang Benih, Kecamatan Curup: a town, so its meeting is a muskelsus.
  talangBenih: { desa: '17.02.09.1033', kecamatan: '17.02.09', kabupaten: KABUPATEN },
  // Desa Air Mundu, Kecamatan Bermani Ulu: no operator (seed 001: in 2022 only 60 of 156 desa had one).
  airMundu: { desa: '17.02.10.2001', kecamatan: '17.02.10', kabupaten: KABUPATEN },
} as const;

export const DEMO_PASSWORD = 'tepat-demo-2026';

/** In the order a newcomer meets the story: the village records, the Dinas verifies and approves, the admin configures. */
export const DEMO_USERS = [
  { email: 'operator.derati@tepat.test', displayName: 'Operator Desa Derati', claims: { role: 'operator', ...DESA.derati } },
  { email: 'verifikator.rejanglebong@tepat.test', displayName: 'Verifikator Dinsos Rejang Lebong', claims: { role: 'verifikator', kabupaten: KABUPATEN } },
  { email: 'kadis.rejanglebong@tepat.test', displayName: 'Kepala Dinsos Rejang Lebong', claims: { role: 'kadis', kabupaten: KABUPATEN } },
  { email: 'admin.rejanglebong@tepat.test', displayName: 'Admin Dinsos Rejang Lebong', claims: { role: 'admin', kabupaten: KABUPATEN } },
  { email: 'operator.sambirejo@tepat.test', displayName: 'Operator Desa Sambirejo', claims: { role: 'operator', ...DESA.sambirejo } },
  { email: 'operator.talangbenih@tepat.test', displayName: 'Operator Kelurahan Talang Benih', claims: { role: 'operator', ...DESA.talangBenih } },
] as const;

export type DemoUser = (typeof DEMO_USERS)[number];
