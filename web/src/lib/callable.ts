import { env } from '$env/dynamic/public';
import { connectFunctionsEmulator, getFunctions } from 'firebase/functions';
import { app, REGION } from './firebase';

/**
 * Cloud Functions for the pages that call them (the dinas's decisions and exports, the admin's
 * configuration, the operator's transfer search, loaded on demand). Kept out of `firebase.ts` so
 * the operator's first page, which calls no function, does not download the Functions SDK.
 */
export const functions = getFunctions(app, REGION);

if (env.PUBLIC_USE_EMULATORS === 'true') connectFunctionsEmulator(functions, location.hostname, 5001);
