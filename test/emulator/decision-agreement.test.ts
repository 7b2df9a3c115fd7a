import { Timestamp } from 'firebase-admin/firestore';
import { httpsCallable } from 'firebase/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USULAN_STATUSES, type ApprovalLevels, type Decision, type UsulanStatus } from '../../functions/src/domain/index.js';
import { blockedBecause, previewDecision, type Decidable, type Decider } from '../../web/src/lib/dinas/decisions.js';
import { adminDb, defaultConfig, ensureUser } from '../../.scripts/seed/admin.js';
import { signInClient, type ClientUser } from '../../.scripts/seed/client.js';
import { meeting, usulanContent } from '../support/factories.js';
import { translator } from '../unit/web/messages.js';

/**
 * The portal and `decideUsulan` decide by the same rule (domain/decision.ts). Here the portal's own
 * module (web/src/lib/dinas/decisions.ts) says, for every role, approval setting, status and
 * validation, which decisions it offers and what they will do; the callable is then asked each one:
 * it accepts exactly what the portal offered, moves the usulan where the portal said, and refuses
 * the rest with the reason the portal shows. In Bengkulu Selatan (17.01), which no other file uses.
 */
const KAB = '17.01';
const DESA = { desa: '17.01.01.2001', kecamatan: '17.01.01', kabupaten: KAB };
const PASSWORD = 'agreement-pass';
const t = translator('id');
const people: Partial<Record<Decider['role'], ClientUser>> = {};

beforeAll(async () => {
  await ensureUser('agree.verifikator@tepat.test', PASSWORD, { role: 'verifikator', kabupaten: KAB });
  await ensureUser('agree.kadis@tepat.test', PASSWORD, { role: 'kadis', kabupaten: KAB });
  [people.verifikator, people.kadis] = await Promise.all([
    signInClient('agree.verifikator@tepat.test', PASSWORD),
    signInClient('agree.kadis@tepat.test', PASSWORD),
  ]);
});

afterAll(async () => {
  await Promise.all(Object.values(people).map((u) => u.close()));
});

async function usePolicy(approval: ApprovalLevels): Promise<void> {
  await adminDb().collection('policies').doc(KAB).set({ staleness: defaultConfig().stalenessPolicy, approval });
}

const VALIDATIONS = { lolos: true, gagal: false, belum: null } as const;
let serial = 0;

/**
 * An usulan in this status, written as the triggers leave it. A keluar of a household that is not in
 * the register: should an approval reach the application trigger, it refuses it and registers nothing.
 * `submittedAt` is null so the validation trigger leaves it as it is.
 */
async function seedUsulan(status: UsulanStatus, validation: boolean | null, musyawarahId: string): Promise<Decidable> {
  const ref = adminDb().collection('usulan').doc(`agree-${Date.now()}-${++serial}`);
  const now = Timestamp.now();
  await ref.set({
    ...usulanContent.keluar('agree-not-in-register'),
    musyawarahId,
    desaCode: DESA.desa,
    kecamatanCode: DESA.kecamatan,
    kabupatenCode: KAB,
    status,
    createdBy: 'agree-operator',
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    validation: validation === null ? null : { ok: validation, errors: [], warnings: [], checkedAt: now, forSubmission: 0 },
    decisions: [],
    outcome: null,
  });
  return { id: ref.id, status, validation: validation === null ? null : { ok: validation } };
}

const note = (decision: Decision) => (decision === 'tolak' ? 'Tidak sesuai hasil musdesus' : '');
/** The refusal as plain data, code and message (without the " [403]" the JS SDK appends), or undefined when the call was answered. */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: { code: string; message: string }) => ({ code: e.code, message: e.message.replace(/ \[\d{3}\]$/, '') }),
  );

describe.each(['dua_tingkat', 'satu_tingkat'] as const)('%s: the portal offers exactly what decideUsulan accepts', (approval) => {
  beforeAll(() => usePolicy(approval));

  it.each(['verifikator', 'kadis'] as const)('%s, one usulan at a time: every status × validation × decision', async (role) => {
    const who: Decider = { role, approval };
    const user = people[role]!;
    let offered = 0;
    for (const status of USULAN_STATUSES) {
      for (const validation of Object.values(VALIDATIONS)) {
        for (const decision of ['setujui', 'tolak'] as const) {
          const item = await seedUsulan(status, validation, 'agree-no-musyawarah');
          const blocked = blockedBecause(item, decision, who, t);
          const answer = httpsCallable(user.functions, 'decideUsulan')({ usulanId: item.id, decision, note: note(decision) });
          const label = `${status}, validation ${String(validation)}, ${decision}`;
          if (blocked === null) {
            offered += 1;
            const [expectedMove] = previewDecision([item], decision, who, t).decided;
            expect((await answer).data, label).toEqual({ status: expectedMove!.to });
          } else {
            expect(await refusal(answer), label).toMatchObject({ code: 'functions/failed-precondition', message: blocked });
          }
        }
      }
    }
    // The rule is not vacuous: two levels give each role two decisions (approve, refuse) on the one
    // status waiting for them; a single level gives either role both, on diajukan and diverifikasi.
    // Approving needs a passed validation, refusing does not: 1 + 3 per status.
    expect(offered).toBe(approval === 'dua_tingkat' ? 4 : 8);
  });

  it.each(['verifikator', 'kadis'] as const)('%s, a whole musyawarah: the same usulan moved, the same left with the same reasons', async (role) => {
    const who: Decider = { role, approval };
    for (const decision of ['setujui', 'tolak'] as const) {
      const musyawarah = adminDb().collection('musyawarah').doc();
      const now = Timestamp.now();
      await musyawarah.set({
        desaCode: DESA.desa,
        kecamatanCode: DESA.kecamatan,
        kabupatenCode: KAB,
        meeting: meeting(),
        status: 'diajukan',
        createdBy: 'agree-operator',
        createdAt: now,
        updatedAt: now,
        submittedAt: now,
      });
      const items: Decidable[] = [];
      for (const status of USULAN_STATUSES) for (const validation of [true, null]) items.push(await seedUsulan(status, validation, musyawarah.id));
      const preview = previewDecision(items, decision, who, t);
      const answer = await httpsCallable<unknown, { decided: { usulanId: string; status: string }[]; skipped: { usulanId: string; reason: string }[] }>(
        people[role]!.functions,
        'decideUsulan',
      )({ musyawarahId: musyawarah.id, decision, note: note(decision) });
      const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(answer.data.decided.map((d) => ({ id: d.usulanId, to: d.status })))).toEqual(byId(preview.decided));
      expect(byId(answer.data.skipped.map((s) => ({ id: s.usulanId, reason: s.reason })))).toEqual(byId(preview.skipped));
      expect(preview.decided.length).toBeGreaterThan(0);
    }
  });
});
