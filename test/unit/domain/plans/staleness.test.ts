import { describe, expect, it } from 'vitest';
import { decideHousehold, reasonText, stalenessOf, type StalenessPolicy } from '../../../../functions/src/domain/index.js';
import { planFreeze, planWarning, SERVER_TIME } from '../../../../functions/src/domain/plans/index.js';
import { DERATI, inForce, storedHousehold } from './documents.js';

/** The daily staleness job's two changes (domain/plans/staleness.ts), without an emulator. */
const policy: StalenessPolicy = { warnAfterMonths: [1, 2], freezeAfterMonths: 3, cutoffDay: null };
const wib = (local: string) => new Date(`${local}+07:00`);

describe('planFreeze: data beku after the policy’s months without verval', () => {
  // Last verval in August 2026: September, October and November pass without one; frozen from 1 December 00:00 WIB.
  const h = () => storedHousehold({ lastVervalAt: wib('2026-08-20T10:00:00'), desil: 3 });
  const now = wib('2026-12-01T01:00:00');

  it('freezes with the reason, keeps desil, desa and member criteria, and dates the freeze on the Jakarta calendar', () => {
    const change = planFreeze('h-1', h(), policy, inForce(now), now);
    const freezesAt = wib('2026-12-01T00:00:00');
    expect(freezesAt.toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(change.update).toMatchObject({
      status: 'beku',
      statusReason: { code: 'household.beku', params: { missed: 3, limit: 3 } },
      staleness: { level: 'beku', missed: 3, freezesAt },
      updatedAt: SERVER_TIME,
    });
    expect(change.update).not.toHaveProperty('desil');
    expect(change.update).not.toHaveProperty('memberCriteria');
    expect(change.audit).toEqual({
      actorUid: 'sistem',
      actorRole: 'sistem',
      action: 'keluarga.dibekukan',
      target: { collection: 'households', id: 'h-1' },
      kabupatenCode: '17.02',
      desaCode: DERATI,
      // 00:00 WIB on 1 December is still 30 November in UTC: the audit says the Jakarta day.
      summary: 'Data beku: tidak ada verval selama 3 bulan berturut-turut (batas 3 bulan); beku mulai 2026-12-01',
    });
  });

  it('a frozen household’s decisions are those decideHousehold gives the same document as beku: a re-evaluation changes nothing', () => {
    const household = h();
    const programs = inForce(now);
    const change = planFreeze('h-1', household, policy, programs, now);
    expect(change.update.eligibility).toEqual(decideHousehold({ ...household, status: 'beku' }, programs));
    // Re-evaluating the document as stored after the freeze gives the same decisions, reasons included.
    const frozen = { ...household, ...change.update, status: 'beku' as const };
    expect(decideHousehold(frozen, programs)).toEqual(change.update.eligibility);
    // Member criteria were used: the PKH decision names the frozen status, not unchecked components.
    const pkh = change.update.eligibility!.PKH!;
    expect(pkh.eligible).toBe(false);
    expect(pkh.reasons.map((r) => r.code)).toContain('household.beku');
    expect(pkh.reasons.map((r) => r.code)).not.toContain('criteria.not_checked');
    expect(Object.values(change.update.eligibility!).some((d) => d.eligible)).toBe(false);
  });

  it('the freeze date follows the staleness rule with a cut-off day too', () => {
    const cutoff17: StalenessPolicy = { ...policy, cutoffDay: 17 };
    const household = storedHousehold({ lastVervalAt: wib('2026-08-17T12:00:00') });
    const at = wib('2026-11-18T00:30:00');
    const change = planFreeze('h-1', household, cutoff17, inForce(at), at);
    expect(change.update.staleness).toEqual({ level: 'beku', missed: 3, freezesAt: stalenessOf(household.lastVervalAt, at, cutoff17).freezesAt });
    expect(change.audit.summary).toMatch(/; beku mulai 2026-11-18$/);
  });
});

describe('planWarning: the operator is told when the data will freeze', () => {
  it('records the level and the freeze instant, and says the Jakarta day of the freeze', () => {
    const household = storedHousehold({ lastVervalAt: wib('2026-08-20T10:00:00') });
    const now = wib('2026-10-01T01:00:00');
    const change = planWarning('h-1', household, policy, now);
    expect(change.update).toEqual({ staleness: { level: 'peringatan', missed: 1, freezesAt: wib('2026-12-01T00:00:00') }, updatedAt: SERVER_TIME });
    expect(change.audit).toMatchObject({
      action: 'keluarga.peringatan_verval',
      target: { collection: 'households', id: 'h-1' },
      kabupatenCode: '17.02',
      desaCode: DERATI,
    });
    expect(change.audit.summary).toBe('Peringatan: 1 bulan tanpa verval; data beku mulai 2026-12-01 bila tidak diverval');
    // The status reason of the freeze that follows reads the same way in the portal.
    expect(reasonText(stalenessOf(household.lastVervalAt, now, policy).reason!)).toMatch(/paling lambat 2026-11-30 agar data tidak beku/);
  });
});
