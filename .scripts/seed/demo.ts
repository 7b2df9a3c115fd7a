import { DESA } from '../../web/src/lib/demo/accounts.js';

/**
 * The demo district (Rejang Lebong, 17.02), its places and accounts live with the portal, whose
 * sign-in page lists the accounts on the local emulator; the seed and the tests read them here.
 */
export { DEMO_PASSWORD, DEMO_USERS, DESA, KABUPATEN } from '../../web/src/lib/demo/accounts.js';

/** The demo desa that has households in the register but no operator account. */
export const DESA_WITHOUT_OPERATOR = DESA.airMundu;

/**
 * The demo register: households generated (generator/) in the three desa with an
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
