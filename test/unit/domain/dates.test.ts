import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  inferYear,
  isoDateOn,
  jakartaDateOf,
  jakartaStartOfDay,
  parseIsoDate,
  yearsOn,
  type CalendarDate,
} from '../../../functions/src/domain/index.js';

/** Age from a birth date, as the rules compute it (yearsOn). */
const ageOn = (b: CalendarDate, on: CalendarDate) => yearsOn(b.year, b.month, b.day, on);

describe('Jakarta calendar helpers', () => {
  it('parses only real ISO dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2023-13-01')).toBeNull();
    expect(parseIsoDate('2023-1-01')).toBeNull();
  });

  it('an instant’s date is the Jakarta (UTC+7) date', () => {
    expect(isoDateOn(new Date('2025-01-31T16:59:59Z'))).toBe('2025-01-31');
    expect(isoDateOn(new Date('2025-01-31T17:00:00Z'))).toBe('2025-02-01');
    expect(jakartaStartOfDay(2025, 2, 1).toISOString()).toBe('2025-01-31T17:00:00.000Z');
    expect(jakartaDateOf(jakartaStartOfDay(2025, 13, 1))).toEqual({ year: 2026, month: 1, day: 1 });
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('infers the century of a two-digit year', () => {
    const ref = { year: 2025, month: 6, day: 15 };
    expect(inferYear(25, 6, 15, ref)).toBe(2025);
    expect(inferYear(25, 6, 16, ref)).toBe(1925);
    expect(inferYear(99, 1, 1, ref)).toBe(1999);
    expect(inferYear(0, 1, 1, ref)).toBe(2000);
  });

  it('age in whole years, birthday included; 29 February birthdays count from 1 March', () => {
    expect(ageOn({ year: 2019, month: 6, day: 15 }, { year: 2025, month: 6, day: 15 })).toBe(6);
    expect(ageOn({ year: 2019, month: 6, day: 16 }, { year: 2025, month: 6, day: 15 })).toBe(5);
    expect(ageOn({ year: 2019, month: 7, day: 1 }, { year: 2025, month: 6, day: 30 })).toBe(5);
    expect(ageOn({ year: 2020, month: 2, day: 29 }, { year: 2023, month: 2, day: 28 })).toBe(2);
    expect(ageOn({ year: 2020, month: 2, day: 29 }, { year: 2023, month: 3, day: 1 })).toBe(3);
  });
});
