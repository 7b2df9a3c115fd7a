import { setGlobalOptions } from 'firebase-functions/v2';

/**
 * Jakarta: close to the users, and where an Indonesian district's Firestore database lives.
 * Imported first by index.ts: ES modules evaluate imports before the importing module's body, so
 * a setGlobalOptions call in index.ts itself would run after the functions were defined.
 */
export const REGION = 'asia-southeast2';
setGlobalOptions({ region: REGION, maxInstances: 10 });
