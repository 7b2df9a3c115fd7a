import { describe, expect, it } from 'vitest';
import {
  actionableStatuses,
  approvalOf,
  decidingActor,
  parseDecisionCall,
  planDecision,
  planMusyawarahDecision,
  USER_ROLES,
  USULAN_STATUSES,
  type ApprovalLevels,
  type DecidableUsulan,
  type Decision,
  type UserRole,
  type UsulanStatus,
  reasonText,
} from '../../../functions/src/domain/index.js';
import { nikOf } from './factories.js';

const APPROVALS: (ApprovalLevels | undefined)[] = [undefined, 'dua_tingkat', 'satu_tingkat'];
const DECISIONS: Decision[] = ['setujui', 'tolak'];
const VALIDATIONS: DecidableUsulan['validation'][] = [{ ok: true }, { ok: false }, null, undefined];

/**
 * The rule written out as a table, independently of the code: every decision that is taken, by
 * role and approval levels, from which status, to which status. Everything not listed is refused.
 */
const ACCEPTED: Record<ApprovalLevels, Partial<Record<UserRole, Partial<Record<UsulanStatus, Record<Decision, UsulanStatus>>>>>> = {
  dua_tingkat: {
    verifikator: { diajukan: { setujui: 'diverifikasi', tolak: 'ditolak' } },
    kadis: { diverifikasi: { setujui: 'disetujui', tolak: 'ditolak' } },
  },
  satu_tingkat: {
    verifikator: { diajukan: { setujui: 'disetujui', tolak: 'ditolak' }, diverifikasi: { setujui: 'disetujui', tolak: 'ditolak' } },
    kadis: { diajukan: { setujui: 'disetujui', tolak: 'ditolak' }, diverifikasi: { setujui: 'disetujui', tolak: 'ditolak' } },
  },
};

/**
 * Refusals where the move exists but belongs to someone else (`transition.forbidden_role`), as
 * `status×decision`; every other refused Dinas decision is a move that does not exist at all.
 */
const FORBIDDEN_ROLE: Record<ApprovalLevels, Record<'verifikator' | 'kadis', string[]>> = {
  dua_tingkat: {
    // The kadis's step, and the application's own refusal of an approved usulan.
    verifikator: ['diverifikasi×setujui', 'diverifikasi×tolak', 'disetujui×tolak'],
    // The verifikator's step (and the single-level decision-maker's approval straight from diajukan).
    kadis: ['diajukan×setujui', 'diajukan×tolak', 'disetujui×tolak'],
  },
  satu_tingkat: { verifikator: ['disetujui×tolak'], kadis: ['disetujui×tolak'] },
};

type Outcome = { to: UsulanStatus } | { refused: string };

function expected(
  role: UserRole,
  approval: ApprovalLevels | undefined,
  status: UsulanStatus,
  decision: Decision,
  validation: DecidableUsulan['validation'],
): Outcome {
  if (role !== 'verifikator' && role !== 'kadis') return { refused: 'decision.role' };
  const levels = approval ?? 'dua_tingkat';
  const to = ACCEPTED[levels][role]?.[status]?.[decision];
  if (to) return decision === 'setujui' && validation?.ok !== true ? { refused: 'decision.not_validated' } : { to };
  return { refused: FORBIDDEN_ROLE[levels][role].includes(`${status}×${decision}`) ? 'transition.forbidden_role' : 'transition.illegal' };
}

const cases = USER_ROLES.flatMap((role) =>
  APPROVALS.flatMap((approval) =>
    USULAN_STATUSES.flatMap((status) => DECISIONS.flatMap((decision) => VALIDATIONS.map((validation) => ({ role, approval, status, decision, validation })))),
  ),
);

describe('the Dinas decision rule, every role × approval levels × status × decision × validation', () => {
  it('covers the whole matrix', () => {
    expect(cases).toHaveLength(USER_ROLES.length * APPROVALS.length * USULAN_STATUSES.length * DECISIONS.length * VALIDATIONS.length);
  });

  it.each(cases)('$role, $approval, $status, $decision, validation $validation', ({ role, approval, status, decision, validation }) => {
    const plan = planDecision({ status, validation }, { role, approval, decision, note: '' });
    const outcome: Outcome = plan.ok ? { to: plan.to } : { refused: plan.reason.code };
    expect(outcome).toEqual(expected(role, approval, status, decision, validation));
    if (plan.ok) {
      expect(plan.from).toBe(status);
      expect(plan.actor).toBe((approval ?? 'dua_tingkat') === 'satu_tingkat' ? 'dinas' : role);
    } else {
      expect(reasonText(plan.reason)).toMatch(/^[A-Z][^\n]{10,}$/);
      expect(reasonText(plan.reason, 'en')).toMatch(/^[A-Z][^\n]{10,}$/);
    }
  });
});

describe('what an accepted decision writes', () => {
  it('the new status, a decision record with the person’s own role, and an audit entry naming the move', () => {
    const plan = planDecision(
      { status: 'diajukan', validation: { ok: true } },
      { role: 'verifikator', approval: 'satu_tingkat', decision: 'setujui', note: 'Sesuai BA' },
    );
    expect(plan).toEqual({
      ok: true,
      actor: 'dinas',
      from: 'diajukan',
      to: 'disetujui',
      record: { decision: 'setujui', from: 'diajukan', to: 'disetujui', note: 'Sesuai BA', role: 'verifikator' },
      audit: { action: 'usulan.disetujui', actorRole: 'verifikator', summary: 'Status usulan: diajukan → disetujui (dengan catatan)' },
    });
  });

  it('keeps the note whole on the record and out of the audit summary, which the admin reads too (issue 13, F10)', () => {
    const nik = nikOf('1980-01-01', 'L');
    const refused = planDecision(
      { status: 'diverifikasi', validation: null },
      { role: 'kadis', approval: undefined, decision: 'tolak', note: `NIK ${nik} ganda` },
    );
    expect(refused.ok && refused.record.note).toBe(`NIK ${nik} ganda`);
    expect(refused.ok && refused.audit.summary).not.toContain(nik);
    expect(refused.ok && refused.audit.summary).toBe('Status usulan: diverifikasi → ditolak (dengan catatan)');
    const plain = planDecision(
      { status: 'diajukan', validation: { ok: true } },
      { role: 'verifikator', approval: 'dua_tingkat', decision: 'setujui', note: '' },
    );
    expect(plain.ok && plain.audit.summary).toBe('Status usulan: diajukan → diverifikasi');
  });
});

describe('a decision for a whole musyawarah', () => {
  const items = [
    { id: 'a', status: 'diajukan', validation: { ok: true } },
    { id: 'b', status: 'diajukan', validation: null },
    { id: 'c', status: 'diverifikasi', validation: { ok: true } },
    { id: 'd', status: 'diterapkan', validation: { ok: true } },
  ] as const;

  it('moves each usulan that can take it and leaves the others with their reason', () => {
    const plan = planMusyawarahDecision(items, { role: 'verifikator', approval: 'dua_tingkat', decision: 'setujui', note: '' });
    expect(plan.decided.map((d) => [d.usulan.id, d.plan.to])).toEqual([['a', 'diverifikasi']]);
    expect(plan.skipped.map((s) => [s.usulan.id, s.reason.code])).toEqual([
      ['b', 'decision.not_validated'],
      ['c', 'transition.forbidden_role'],
      ['d', 'transition.illegal'],
    ]);
    expect(plan.refusal).toBeNull();
  });

  it('is refused as a whole when nothing can take it, and for a role that decides nothing', () => {
    const none = planMusyawarahDecision(items.slice(3), { role: 'kadis', approval: 'dua_tingkat', decision: 'tolak', note: 'x' });
    expect(none.decided).toEqual([]);
    expect(none.refusal).toEqual({ code: 'decision.nothing_to_decide', message: 'Tidak ada usulan di musyawarah ini yang dapat Anda putuskan sekarang.' });
    const admin = planMusyawarahDecision(items, { role: 'admin', approval: 'satu_tingkat', decision: 'setujui', note: '' });
    expect(admin.refusal?.code).toBe('decision.role');
    expect(admin.skipped).toHaveLength(items.length);
    expect(planMusyawarahDecision([], { role: 'verifikator', approval: undefined, decision: 'setujui', note: '' }).refusal?.code).toBe(
      'decision.nothing_to_decide',
    );
  });
});

describe('who decides as whom, on what', () => {
  it('single-level makes either role the one decision-maker; two levels (also the default) keep them apart', () => {
    expect(decidingActor('verifikator', undefined)).toBe('verifikator');
    expect(decidingActor('kadis', 'dua_tingkat')).toBe('kadis');
    expect(decidingActor('kadis', 'satu_tingkat')).toBe('dinas');
    expect(decidingActor('verifikator', 'satu_tingkat')).toBe('dinas');
    expect([approvalOf(null), approvalOf(undefined), approvalOf({}), approvalOf({ approval: 'satu_tingkat' })]).toEqual([
      'dua_tingkat',
      'dua_tingkat',
      'dua_tingkat',
      'satu_tingkat',
    ]);
  });

  it('the statuses each actor acts on are those the table accepts a decision from', () => {
    for (const approval of ['dua_tingkat', 'satu_tingkat'] as const) {
      for (const role of ['verifikator', 'kadis'] as const) {
        expect(actionableStatuses(decidingActor(role, approval))).toEqual(Object.keys(ACCEPTED[approval][role] ?? {}));
      }
    }
  });
});

describe('what decideUsulan receives', () => {
  it('a decision on one usulan, or on a musyawarah when it names one', () => {
    expect(parseDecisionCall({ usulanId: 'u1', decision: 'setujui' })).toEqual({
      ok: true,
      value: { on: 'usulan', usulanId: 'u1', decision: 'setujui', note: '' },
    });
    expect(parseDecisionCall({ musyawarahId: 'm1', decision: 'tolak', note: ' Tidak hadir ' })).toEqual({
      ok: true,
      value: { on: 'musyawarah', musyawarahId: 'm1', decision: 'tolak', note: 'Tidak hadir' },
    });
  });

  it('refuses with a sentence a person understands, whichever shape was meant', () => {
    const message = (data: unknown) => {
      const r = parseDecisionCall(data);
      return r.ok ? null : r.reasons[0]?.message;
    };
    expect(message({ usulanId: 'u1', decision: 'tolak' })).toBe('Alasan penolakan wajib diisi');
    expect(message({ musyawarahId: 'm1', decision: 'tolak', note: '' })).toBe('Alasan penolakan wajib diisi');
    expect(message({ usulanId: 'u1', decision: 'SETUJUI' })).toBe('Keputusan harus setujui atau tolak');
    for (const junk of [null, 5, 'u1', [], {}]) expect(message(junk)).toMatch(/^[A-Z]/);
  });
});
