import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTOR_ROLES,
  allowedTransitions,
  checkMusyawarahTransition,
  checkTransition,
  FINAL_USULAN_STATUSES,
  MUSYAWARAH_STATUSES,
  reasonText,
  USULAN_STATUSES,
  USULAN_TRANSITIONS,
  type ActorRole,
  type UsulanStatus,
} from '../../../functions/src/domain/index.js';

describe('usulan state machine: who may move each transition', () => {
  // The whole table, written out: any change to the rules must change this test.
  const expected: Record<string, ActorRole[]> = {
    'draft→diajukan': ['operator'],
    'diajukan→tidak_lolos_validasi': ['sistem'],
    'tidak_lolos_validasi→draft': ['operator'],
    'diajukan→diverifikasi': ['dinas', 'verifikator'],
    'diajukan→disetujui': ['dinas'],
    'diajukan→ditolak': ['dinas', 'verifikator'],
    'diverifikasi→disetujui': ['dinas', 'kadis'],
    'diverifikasi→ditolak': ['dinas', 'kadis'],
    'disetujui→diterapkan': ['sistem'],
    'disetujui→ditolak': ['sistem'],
  };

  it('allows exactly the listed (from, to, role) triples', () => {
    const actual: Record<string, ActorRole[]> = {};
    for (const from of USULAN_STATUSES) {
      for (const to of USULAN_STATUSES) {
        const roles = ACTOR_ROLES.filter((r) => checkTransition(from, to, r).ok);
        if (roles.length > 0) actual[`${from}→${to}`] = [...roles].sort();
      }
    }
    expect(actual).toEqual(expected);
  });

  it('keeps the first version’s calls working', () => {
    expect(checkTransition('draft', 'diajukan', 'operator')).toEqual({ ok: true });
    expect(checkTransition('diajukan', 'tidak_lolos_validasi', 'sistem')).toEqual({ ok: true });
    expect(checkTransition('diajukan', 'disetujui', 'dinas')).toEqual({ ok: true });
    expect(checkTransition('diajukan', 'ditolak', 'dinas')).toEqual({ ok: true });
    expect(checkTransition('disetujui', 'diterapkan', 'sistem')).toEqual({ ok: true });
    expect(checkTransition('disetujui', 'ditolak', 'sistem')).toEqual({ ok: true });
  });

  it('a known transition by the wrong role is forbidden_role; an unknown one is illegal', () => {
    const forbidden = checkTransition('diajukan', 'disetujui', 'operator');
    expect(forbidden).toEqual({ ok: false, reason: { code: 'transition.forbidden_role', params: { by: 'operator', from: 'diajukan', to: 'disetujui' } } });
    expect(forbidden.ok ? '' : reasonText(forbidden.reason)).toBe(
      'Operator desa/kelurahan tidak boleh mengubah status usulan dari "Diajukan" menjadi "Disetujui"',
    );
    // In English the portal names the role and the statuses with its own labels.
    const labels: Record<string, string> = { operator: 'Village operator', diajukan: 'Submitted', disetujui: 'Approved' };
    const english = (kind: string, value: string) => labels[value] ?? `${kind}:${value}`;
    expect(forbidden.ok ? '' : reasonText(forbidden.reason, 'en', english)).toBe(
      "Village operator may not change a proposal's status from “Submitted” to “Approved”",
    );
    expect(checkTransition('diajukan', 'disetujui', 'kadis').ok).toBe(false); // the kadis approves only after verification
    expect(checkTransition('diajukan', 'disetujui', 'admin').ok).toBe(false);
    const illegal = checkTransition('diterapkan', 'draft', 'admin');
    expect(illegal).toEqual({ ok: false, reason: { code: 'transition.illegal', params: { from: 'diterapkan', to: 'draft' } } });
    expect(illegal.ok ? '' : reasonText(illegal.reason)).toBe('Status usulan tidak dapat berubah dari "Diterapkan ke register" menjadi "Draf"');
    expect(illegal.ok ? '' : reasonText(illegal.reason, 'en')).toBe("A proposal's status cannot change from “Diterapkan ke register” to “Draf”");
  });

  it('allowedTransitions lists the buttons a role should see', () => {
    expect(allowedTransitions('diajukan', 'dinas').sort()).toEqual(['disetujui', 'ditolak', 'diverifikasi']);
    expect(allowedTransitions('diajukan', 'verifikator').sort()).toEqual(['ditolak', 'diverifikasi']);
    expect(allowedTransitions('diverifikasi', 'kadis').sort()).toEqual(['disetujui', 'ditolak']);
    expect(allowedTransitions('diterapkan', 'admin')).toEqual([]);
  });
});

describe('usulan state machine properties (fast-check)', () => {
  it('final statuses have no way out, for any role', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FINAL_USULAN_STATUSES), fc.constantFrom(...USULAN_STATUSES), fc.constantFrom(...ACTOR_ROLES), (from, to, by) => {
        expect(checkTransition(from, to, by).ok).toBe(false);
      }),
    );
  });

  it('every status is reachable from draft and every non-final status can still reach a final one', () => {
    const reach = (start: UsulanStatus) => {
      const seen = new Set<UsulanStatus>([start]);
      const queue = [start];
      while (queue.length > 0) {
        const cur = queue.shift()!;
        for (const t of USULAN_TRANSITIONS) {
          if (t.from === cur && !seen.has(t.to)) {
            seen.add(t.to);
            queue.push(t.to);
          }
        }
      }
      return seen;
    };
    expect([...reach('draft')].sort()).toEqual([...USULAN_STATUSES].sort());
    for (const s of USULAN_STATUSES)
      expect(
        FINAL_USULAN_STATUSES.some((f) => reach(s).has(f)),
        s,
      ).toBe(true);
  });
});

describe('musyawarah state machine', () => {
  it('only the operator submits a draft', () => {
    expect(checkMusyawarahTransition('draft', 'diajukan', 'operator')).toEqual({ ok: true });
    for (const by of ACTOR_ROLES.filter((r) => r !== 'operator')) {
      const r = checkMusyawarahTransition('draft', 'diajukan', by);
      expect(!r.ok && r.reasons[0]!.code, by).toBe('transition.forbidden_role');
    }
  });

  it('closes only when no usulan is open, and only by the system', () => {
    expect(checkMusyawarahTransition('diajukan', 'selesai', 'sistem', { openUsulan: 0 }).ok).toBe(true);
    const open = checkMusyawarahTransition('diajukan', 'selesai', 'sistem', { openUsulan: 2 });
    expect(!open.ok && open.reasons[0]!.code).toBe('musyawarah.open_usulan');
    expect(checkMusyawarahTransition('diajukan', 'selesai', 'sistem').ok).toBe(false);
    const byDinas = checkMusyawarahTransition('diajukan', 'selesai', 'dinas', { openUsulan: 0 });
    expect(!byDinas.ok && byDinas.reasons[0]!.code).toBe('transition.forbidden_role');
  });

  it('nothing leaves selesai, and unknown moves are illegal', () => {
    for (const to of MUSYAWARAH_STATUSES) {
      for (const by of ACTOR_ROLES) {
        const r = checkMusyawarahTransition('selesai', to, by, { openUsulan: 0 });
        expect(!r.ok && r.reasons[0]!.code).toBe('transition.illegal');
      }
    }
    const back = checkMusyawarahTransition('diajukan', 'draft', 'operator');
    expect(!back.ok && back.reasons[0]!.code).toBe('transition.illegal');
  });
});
