import type { Reason } from '$domain/index.js';

/** Groups reasons by the form field they concern, so each error is shown next to its field. */
export function errorsByField(reasons: readonly Reason[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of reasons) {
    const key = r.field ?? '';
    (out[key] ??= []).push(r.message);
  }
  return out;
}

/** Bahasa Indonesia for the Firebase errors a person can meet on the portal. */
export function firebaseErrorMessage(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  switch (code) {
    case 'auth/invalid-credential':
    case 'auth/wrong-password':
    case 'auth/user-not-found':
    case 'auth/invalid-email':
      return 'Email atau kata sandi salah.';
    case 'auth/too-many-requests':
      return 'Terlalu banyak percobaan. Coba lagi beberapa saat lagi.';
    case 'auth/network-request-failed':
    case 'unavailable':
    case 'functions/unavailable':
    case 'functions/deadline-exceeded':
      return 'Tidak ada koneksi internet. Coba lagi saat sinyal tersedia.';
    case 'permission-denied':
    case 'functions/permission-denied':
      return 'Anda tidak berwenang melakukan tindakan ini.';
    default:
      if (code.startsWith('functions/') && err instanceof Error && err.message) return err.message;
      return 'Terjadi kesalahan. Coba lagi; jika berulang, hubungi admin Dinas Sosial.';
  }
}
