import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTOR_ROLES,
  allowedTransitions,
  checkMusyawarahSubmission,
  checkMusyawarahTransition,
  checkTransition,
  FINAL_USULAN_STATUSES,
  MUSYAWARAH_STATUSES,
  reason,
  reasonText,
  transitionUsulan,
  USULAN_STATUSES,
  USULAN_TRANSITIONS,
  type ActorRole,
  type UsulanState,
  type UsulanStatus,
} from '../../../functions/src/domain/index.js';

const AT = new Date('2025-06-15T05:00:00Z');
const why = [reason('usulan.catatan', 'Data tidak sesuai hasil verifikasi lapangan')];
const fresh = (): UsulanState => ({ status: 'draft', history: [] });

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
    expect(forbidden.ok ? '' : reasonText(forbidden.reason)).toBe('Operator desa/kelurahan tidak boleh mengubah status usulan dari "Diajukan" menjadi "Disetujui"');
    // In English the portal names the role and the statuses with its own labels.
    const labels: Record<string, string> = { operator: 'Village operator', diajukan: 'Submitted', disetujui: 'Approved' };
    const english = (kind: string, value: string) => labels[value] ?? `${kind}:${value}`;
    expect(forbidden.ok ? '' : reasonText(forbidden.reason, 'en', english)).toBe("Village operator may not change a proposal's status from “Submitted” to “Approved”");
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

  it('the split path: operator submits, verifikator verifies, kadis approves, sistem applies; history keeps each step', () => {
    let s = fresh();
    for (const [to, by] of [
      ['diajukan', 'operator'],
      ['diverifikasi', 'verifikator'],
      ['disetujui', 'kadis'],
      ['diterapkan', 'sistem'],
    ] as const) {
      const r = transitionUsulan(s, to, by, [], AT);
      expect(r.ok).toBe(true);
      if (r.ok) s = r.state;
    }
    expect(s.status).toBe('diterapkan');
    expect(s.history.map((h) => `${h.from}→${h.to} by ${h.by}`)).toEqual([
      'draft→diajukan by operator',
      'diajukan→diverifikasi by verifikator',
      'diverifikasi→disetujui by kadis',
      'disetujui→diterapkan by sistem',
    ]);
    expect(s.history[0]!.at).toBe('2025-06-15T05:00:00.000Z');
  });

  it('a refusal must carry its reason, and the reason is kept', () => {
    const submitted = transitionUsulan(fresh(), 'diajukan', 'operator', [], AT);
    const state = submitted.ok ? submitted.state : fresh();
    const noReason = transitionUsulan(state, 'ditolak', 'verifikator', [], AT);
    expect(!noReason.ok && noReason.reason.code).toBe('transition.reason_required');
    expect(noReason.ok ? '' : reasonText(noReason.reason)).toBe('Perubahan menjadi "Ditolak" wajib disertai alasan');
    const refused = transitionUsulan(state, 'ditolak', 'verifikator', why, AT);
    expect(refused.ok && refused.state.history.at(-1)).toEqual({ from: 'diajukan', to: 'ditolak', by: 'verifikator', at: '2025-06-15T05:00:00.000Z', reasons: why });
    const invalid = transitionUsulan(state, 'tidak_lolos_validasi', 'sistem', [], AT);
    expect(!invalid.ok && invalid.reason.code).toBe('transition.reason_required');
  });

  it('an illegal transition is an error and leaves the state as it was', () => {
    const s = fresh();
    const r = transitionUsulan(s, 'disetujui', 'dinas', [], AT);
    expect(r).toEqual({ ok: false, reason: expect.objectContaining({ code: 'transition.illegal' }) });
    expect(s).toEqual(fresh());
  });
});

describe('usulan state machine properties (fast-check)', () => {
  const move = fc.record({ to: fc.constantFrom(...USULAN_STATUSES), by: fc.constantFrom(...ACTOR_ROLES), withReason: fc.boolean() });

  it('any sequence of attempts moves only along listed transitions, and records exactly the accepted ones', () => {
    fc.assert(
      fc.property(fc.array(move, { maxLength: 30 }), (moves) => {
        let s = fresh();
        let accepted = 0;
        for (const m of moves) {
          const before = s;
          const r = transitionUsulan(s, m.to, m.by, m.withReason ? why : [], AT);
          const t = USULAN_TRANSITIONS.find((x) => x.from === before.status && x.to === m.to);
          const legal = t !== undefined && t.by.includes(m.by) && (!t.needsReason || m.withReason);
          expect(r.ok).toBe(legal);
          if (r.ok) {
            accepted += 1;
            expect(r.state.history.slice(0, -1)).toEqual(before.history);
            s = r.state;
          } else {
            expect(reasonText(r.reason).length).toBeGreaterThan(0);
          }
        }
        expect(s.history).toHaveLength(accepted);
        // The history is a connected path from draft.
        s.history.forEach((h, i) => expect(h.from).toBe(i === 0 ? 'draft' : s.history[i - 1]!.to));
      }),
      { numRuns: 1000 },
    );
  });

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
        for (const t of USULAN_TRANSITIONS) if (t.from === cur && !seen.has(t.to)) (seen.add(t.to), queue.push(t.to));
      }
      return seen;
    };
    expect([...reach('draft')].sort()).toEqual([...USULAN_STATUSES].sort());
    for (const s of USULAN_STATUSES) expect(FINAL_USULAN_STATUSES.some((f) => reach(s).has(f)), s).toBe(true);
  });
});

describe('musyawarah state machine', () => {
  const complete = { usulanCount: 3, beritaAcaraUploaded: true, bnbaUploaded: true };

  it('submitting needs at least one usulan, the berita acara and the BNBA', () => {
    expect(checkMusyawarahTransition('draft', 'diajukan', 'operator', { submission: complete })).toEqual({ ok: true });
    expect(checkMusyawarahSubmission({ usulanCount: 0, beritaAcaraUploaded: false, bnbaUploaded: false }).map((r) => r.code)).toEqual([
      'musyawarah.no_usulan',
      'musyawarah.no_berita_acara',
      'musyawarah.no_bnba',
    ]);
    const r = checkMusyawarahTransition('draft', 'diajukan', 'operator', { submission: { ...complete, bnbaUploaded: false } });
    expect(!r.ok && r.reasons.map((x) => x.code)).toEqual(['musyawarah.no_bnba']);
    const unknown = checkMusyawarahTransition('draft', 'diajukan', 'operator');
    expect(!unknown.ok && unknown.reasons[0]!.code).toBe('musyawarah.submission_unknown');
  });

  it('Dinas sends it back only with a reason; the operator resubmits', () => {
    const noReason = checkMusyawarahTransition('diajukan', 'dikembalikan', 'verifikator');
    expect(!noReason.ok && noReason.reasons[0]!.code).toBe('transition.reason_required');
    expect(checkMusyawarahTransition('diajukan', 'dikembalikan', 'dinas', { reasons: why }).ok).toBe(true);
    expect(checkMusyawarahTransition('dikembalikan', 'diajukan', 'operator', { submission: complete }).ok).toBe(true);
    const role = checkMusyawarahTransition('diajukan', 'dikembalikan', 'operator', { reasons: why });
    expect(!role.ok && role.reasons[0]!.code).toBe('transition.forbidden_role');
  });

  it('closes only when no usulan is open, and only by the system', () => {
    expect(checkMusyawarahTransition('diajukan', 'selesai', 'sistem', { openUsulan: 0 }).ok).toBe(true);
    const open = checkMusyawarahTransition('diajukan', 'selesai', 'sistem', { openUsulan: 2 });
    expect(!open.ok && open.reasons[0]!.code).toBe('musyawarah.open_usulan');
    expect(checkMusyawarahTransition('diajukan', 'selesai', 'sistem').ok).toBe(false);
  });

  it('nothing leaves selesai, and unknown moves are illegal', () => {
    for (const to of MUSYAWARAH_STATUSES) {
      for (const by of ACTOR_ROLES) {
        const r = checkMusyawarahTransition('selesai', to, by, { reasons: why, submission: complete, openUsulan: 0 });
        expect(!r.ok && r.reasons[0]!.code).toBe('transition.illegal');
      }
    }
  });
});
