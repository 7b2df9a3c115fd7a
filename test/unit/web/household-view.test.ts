import { describe, expect, it } from 'vitest';
import { stickerAllowed, vervalAllowed, vervalFacts } from '../../../web/src/lib/operator/household/view.js';

/** The verval clock on the household pages: deadline before "data beku", days left, warning level. */
const at = (iso: string) => new Date(`${iso}T12:00:00+07:00`);
const ok = { level: 'ok' as const, missed: 0, freezesAt: null };

describe('vervalFacts (default policy: warn after 1 and 2 months, beku after 3, calendar months)', () => {
  it('a verval this month: the deadline is the end of the third month after it', () => {
    const f = vervalFacts({ status: 'aktif', lastVervalAt: at('2026-11-05'), staleness: ok }, at('2026-11-22'));
    expect(f).toMatchObject({ level: 'ok', missed: 0, deadline: '2027-02-28', urgent: false });
    expect(f.daysLeft).toBe(98);
  });

  it('one cycle missed: warned, with the days left to the deadline', () => {
    const f = vervalFacts({ status: 'aktif', lastVervalAt: at('2026-09-15'), staleness: ok }, at('2026-11-22'));
    expect(f).toMatchObject({ level: 'peringatan', missed: 1, deadline: '2026-12-31', daysLeft: 39, urgent: true });
  });

  it('the deadline day itself counts as 0 days left; past it, negative, still urgent', () => {
    expect(vervalFacts({ status: 'aktif', lastVervalAt: at('2026-09-15'), staleness: ok }, at('2026-12-31')).daysLeft).toBe(0);
    const late = vervalFacts({ status: 'aktif', lastVervalAt: at('2026-09-15'), staleness: ok }, at('2027-01-03'));
    expect(late.level).toBe('beku');
    expect(late.daysLeft).toBe(-3);
  });

  it('a frozen household stays "beku" even if today computes otherwise; the stored level wins when more severe', () => {
    expect(vervalFacts({ status: 'beku', lastVervalAt: at('2026-11-01'), staleness: ok }, at('2026-11-22')).level).toBe('beku');
    expect(
      vervalFacts({ status: 'aktif', lastVervalAt: at('2026-11-01'), staleness: { level: 'peringatan', missed: 1, freezesAt: null } }, at('2026-11-22')).level,
    ).toBe('peringatan');
  });

  it('follows a kabupaten cut-off day', () => {
    const f = vervalFacts({ status: 'aktif', lastVervalAt: at('2026-11-20'), staleness: ok }, at('2026-11-22'), {
      warnAfterMonths: [1],
      freezeAfterMonths: 2,
      cutoffDay: 17,
    });
    expect(f.deadline).toBe('2027-02-17');
  });
});

describe('what the operator can record', () => {
  it('verval for active and frozen households only', () => {
    expect(['aktif', 'beku', 'ditangguhkan', 'keluar'].map((s) => vervalAllowed(s as never))).toEqual([true, true, false, false]);
  });

  it('a sticker only for active households receiving a program', () => {
    const eligibility = { PKH: { eligible: true, programName: 'PKH' }, BPNT: { eligible: false, programName: 'Sembako/BPNT' } };
    expect(stickerAllowed({ status: 'aktif', eligibility })).toBe(true);
    expect(stickerAllowed({ status: 'beku', eligibility })).toBe(false);
    expect(stickerAllowed({ status: 'aktif', eligibility: { BPNT: { eligible: false } } })).toBe(false);
  });
});
