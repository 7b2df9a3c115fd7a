import { FirebaseError } from 'firebase/app';
import { describe, expect, it } from 'vitest';
import { firebaseErrorMessage } from '../../../web/src/lib/form-errors.js';
import { translator } from './messages.js';

/**
 * Firebase errors as people read them, in the chosen language: the page passes its translator, and
 * an error kept in state (a live read, a refused write, the register lookup) is worded where it is
 * shown, so the message follows the language switch.
 */
const id = translator('id');
const en = translator('en');

describe('firebaseErrorMessage', () => {
  it('words a Firestore read refused or without signal in the chosen language', () => {
    const denied = new FirebaseError('permission-denied', 'Missing or insufficient permissions.');
    expect(firebaseErrorMessage(denied, id)).toBe('Anda tidak berwenang melakukan tindakan ini.');
    expect(firebaseErrorMessage(denied, en)).toBe('You are not allowed to do this.');
    expect(firebaseErrorMessage(new FirebaseError('unavailable', 'offline'), en)).toBe('No internet connection. Try again when there is signal.');
  });

  it("shows a Cloud Function's own message as it came, and never any other error's message", () => {
    expect(firebaseErrorMessage(new FirebaseError('functions/failed-precondition', 'Musyawarah sudah diajukan'), en)).toBe('Musyawarah sudah diajukan');
    expect(firebaseErrorMessage(new Error('signed out'), en)).toBe(en('common.error.unknown'));
    expect(firebaseErrorMessage(new Error('signed out'), id)).toBe(id('common.error.unknown'));
  });
});
