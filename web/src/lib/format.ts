import type { Timestamp } from 'firebase/firestore';

const dateFormat = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeZone: 'Asia/Jakarta' });
const dateTimeFormat = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' });

export function formatDate(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00+07:00`);
  return Number.isNaN(d.getTime()) ? isoDate : dateFormat.format(d);
}

export function formatTimestamp(ts: Timestamp | null | undefined): string {
  return ts ? dateTimeFormat.format(ts.toDate()) : '—';
}
