import type { Timestamp } from 'firebase/firestore';

/**
 * Dates as the portal shows them: medium style, on Jakarta's calendar, in the chosen language:
 * pages pass svelte-i18n's `$date`.
 */
export type DateFormat = (d: Date, options: Intl.DateTimeFormatOptions) => string;

const DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'Asia/Jakarta' };
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' };

export function formatDate(isoDate: string, format: DateFormat): string {
  const d = new Date(`${isoDate}T00:00:00+07:00`);
  return Number.isNaN(d.getTime()) ? isoDate : format(d, DATE);
}

/** The day of a moment, on Jakarta's calendar. */
export function formatDay(d: Date, format: DateFormat): string {
  return format(d, DATE);
}

export function formatTimestamp(ts: Timestamp | null | undefined, format: DateFormat): string {
  return ts ? format(ts.toDate(), DATE_TIME) : '—';
}
