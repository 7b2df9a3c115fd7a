import { reasonMessage } from './i18n/reasons.js';
import type { Reason } from '$domain/index.js';
import type id from './i18n/id.json';
import type { Translate } from './i18n/label-text.js';

/** Groups reasons by the form field they concern, so each error is shown next to its field. */
export function errorsByField(reasons: readonly Reason[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of reasons) {
    const key = r.field ?? '';
    (out[key] ??= []).push(reasonMessage(r));
  }
  return out;
}

/** The Firebase errors a person can meet on the portal, each with its `common.error.*` message. */
type ErrorKind = keyof typeof id.common.error;

function kindOf(code: string): ErrorKind | null {
  switch (code) {
    case 'auth/invalid-credential':
    case 'auth/wrong-password':
    case 'auth/user-not-found':
    case 'auth/invalid-email':
      return 'credentials';
    case 'auth/too-many-requests':
      return 'tooMany';
    case 'auth/network-request-failed':
    case 'unavailable':
    case 'functions/unavailable':
    case 'functions/deadline-exceeded':
      return 'offline';
    case 'permission-denied':
    case 'functions/permission-denied':
      return 'forbidden';
    default:
      return null;
  }
}

/**
 * What to tell the person about a Firebase error, in the chosen language (pages pass `$_`; an
 * error kept in state is worded where it is shown, see `ErrorNotice.svelte`). A Cloud Function's
 * own message is shown as it came (the functions speak Bahasa Indonesia). Any other error's
 * message is for developers and never shown: people read `common.error.unknown`.
 */
export function firebaseErrorMessage(err: unknown, t: Translate): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  const kind = kindOf(code);
  if (!kind && code.startsWith('functions/') && err instanceof Error && err.message) return err.message;
  return t(`common.error.${kind ?? 'unknown'}`);
}
