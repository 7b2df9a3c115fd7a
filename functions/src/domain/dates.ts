/** Calendar helpers in Asia/Jakarta time (WIB, UTC+7 all year, no daylight saving). */

export const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; returns null if it is not a real calendar date. */
export function parseIsoDate(value: string): CalendarDate | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!isRealDate(year, month, day)) return null;
  return { year, month, day };
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return DAYS_IN_MONTH[month - 1] ?? Number.NaN;
}

export function formatIsoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The calendar date an instant falls on in Jakarta. */
export function jakartaDateOf(instant: Date): CalendarDate {
  const shifted = new Date(instant.getTime() + JAKARTA_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The instant of 00:00 Jakarta time on a calendar date (month may overflow, Date.UTC normalises it). */
export function jakartaStartOfDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - JAKARTA_OFFSET_MS);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The Jakarta calendar date of an instant as `YYYY-MM-DD`. */
export function isoDateOn(instant: Date): string {
  return formatIsoDate(jakartaDateOf(instant));
}

/**
 * Four-digit year of a two-digit year on a document (NIK, KK): the latest year ending in `yy` that
 * does not put the date after the reference date. `010125` read on 2025-03-01 is 2025-01-01, but
 * `011225` read on the same day is 1925-12-01.
 */
export function inferYear(yy: number, month: number, day: number, reference: CalendarDate): number {
  const year = Math.floor(reference.year / 100) * 100 + yy;
  return compareDates({ year, month, day }, reference) > 0 ? year - 100 : year;
}

/**
 * Age in whole years on a date, from the birth date's parts (a person born on 29 February turns a
 * year older on 1 March); allocating nothing, for eligibility's hot path (a million members a second).
 */
export function yearsOn(year: number, month: number, day: number, on: CalendarDate): number {
  const hadBirthday = on.month > month || (on.month === month && on.day >= day);
  return on.year - year - (hadBirthday ? 0 : 1);
}

/** The day before a `YYYY-MM-DD` day (Jakarta calendar); the input itself when it is not a date. */
export function dayBefore(isoDate: string): string {
  const d = parseIsoDate(isoDate);
  if (!d) return isoDate;
  return isoDateOn(new Date(jakartaStartOfDay(d.year, d.month, d.day).getTime() - 1));
}
