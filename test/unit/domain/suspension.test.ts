import { describe, expect, it } from 'vitest';
import { checkReactivation, checkReturnByUsulanBaru, reactivate, reasonText, suspend, type SuspensionPolicy } from '../../../functions/src/domain/index.js';

const kepahiang: SuspensionPolicy = { route: 'usulan_baru', maxReactivations: 2 };
const kemensos: SuspensionPolicy = { route: 'reaktivasi', maxReactivations: 2 };
const ON = new Date('2025-11-24T20:00:00Z'); // 25 November in Jakarta

describe('suspension', () => {
  it('suspends an active or frozen household, keeping reason and Jakarta date', () => {
    const r = suspend({ status: 'aktif' }, 'judi_online', 'Data PPATK', ON);
    expect(r).toEqual({
      ok: true,
      status: 'ditangguhkan',
      statusReason: { code: 'household.ditangguhkan.judi_online', params: { since: '2025-11-25' } },
      suspension: { reason: 'judi_online', since: '2025-11-25', note: 'Data PPATK' },
    });
    const why = r.ok ? r.statusReason : null;
    expect(reasonText(why!)).toBe('Kepesertaan ditangguhkan sejak 2025-11-25: Terindikasi judi online (data PPATK)');
    // English names the suspension reason through the portal's labels; the domain's own are Bahasa Indonesia.
    expect(reasonText(why!, 'en', (kind, value) => `${kind}:${value}`)).toBe('Membership suspended since 2025-11-25: suspensionReason:judi_online');
    expect(suspend({ status: 'beku' }, 'lainnya', '', ON).ok).toBe(true);
  });

  it('refuses to suspend twice or to suspend a household that left', () => {
    const again = suspend({ status: 'ditangguhkan' }, 'judi_online', '', ON);
    expect(!again.ok && again.reason.code).toBe('suspension.already');
    const gone = suspend({ status: 'keluar' }, 'judi_online', '', ON);
    expect(!gone.ok && gone.reason.code).toBe('suspension.keluar');
  });
});

describe('return route chosen per kabupaten', () => {
  it('reaktivasi route: allowed twice, then refused', () => {
    expect(checkReactivation({ status: 'ditangguhkan' }, kemensos)).toEqual({ ok: true, remaining: 1 });
    expect(checkReactivation({ status: 'ditangguhkan', reactivations: 1 }, kemensos)).toEqual({ ok: true, remaining: 0 });
    const third = checkReactivation({ status: 'ditangguhkan', reactivations: 2 }, kemensos);
    expect(!third.ok && third.reasons).toEqual([{ code: 'reaktivasi.limit', params: { used: 2, max: 2 } }]);
    expect(third.ok ? [] : third.reasons.map((r) => [reasonText(r), reasonText(r, 'en')])).toEqual([
      ['Reaktivasi sudah dipakai 2 kali; batasnya 2 kali', 'Reactivation has already been used 2 times; the limit is 2 times'],
    ]);
    const once = checkReactivation({ status: 'ditangguhkan', reactivations: 1 }, { route: 'reaktivasi', maxReactivations: 1 });
    expect(once.ok ? '' : reasonText(once.reasons[0]!, 'en')).toBe('Reactivation has already been used 1 time; the limit is 1 time');
  });

  it('reactivate makes the household active and counts the use', () => {
    expect(reactivate({ status: 'ditangguhkan', reactivations: 1 }, kemensos)).toEqual({ ok: true, status: 'aktif', statusReason: null, reactivations: 2 });
    expect(reactivate({ status: 'ditangguhkan' }, kemensos)).toMatchObject({ ok: true, reactivations: 1 });
    expect(reactivate({ status: 'ditangguhkan', reactivations: 2 }, kemensos).ok).toBe(false);
  });

  it('usulan_baru route (seed 003, Kepahiang): no reactivation, the family re-registers through the village', () => {
    const r = checkReactivation({ status: 'ditangguhkan' }, kepahiang);
    expect(!r.ok && r.reasons.map((x) => x.code)).toEqual(['reaktivasi.route_usulan_baru']);
    expect(r.ok ? '' : reasonText(r.reasons[0]!)).toContain('melalui desa');
    expect(r.ok ? '' : reasonText(r.reasons[0]!, 'en')).toContain('through the village');
    expect(checkReturnByUsulanBaru(kepahiang, 'household.members.0.nik')).toEqual({
      ok: true,
      note: expect.objectContaining({ code: 'usulan.kembali_dari_penangguhan', field: 'household.members.0.nik' }),
    });
  });

  it('reaktivasi route: a new usulan for a suspended person is refused and points to reactivation', () => {
    const r = checkReturnByUsulanBaru(kemensos);
    expect(!r.ok && r.reason.code).toBe('nik.registered_suspended');
  });

  it('only a suspended household can be reactivated; every reason is given', () => {
    const r = checkReactivation({ status: 'aktif' }, kepahiang);
    expect(!r.ok && r.reasons.map((x) => x.code)).toEqual(['reaktivasi.not_suspended', 'reaktivasi.route_usulan_baru']);
  });
});
