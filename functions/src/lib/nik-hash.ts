import { createHmac } from 'node:crypto';
import { defineSecret } from 'firebase-functions/params';

/**
 * The key for the NIK index. In the emulator it comes from functions/.secret.local; on a real
 * project set it with `firebase functions:secrets:set NIK_HMAC_KEY`.
 */
export const nikHmacKey = defineSecret('NIK_HMAC_KEY');

export function nikHash(nik: string, key: string = nikHmacKey.value()): string {
  if (!key) throw new Error('NIK_HMAC_KEY is not set');
  return createHmac('sha256', key).update(nik, 'utf8').digest('hex');
}
