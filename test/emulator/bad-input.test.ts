import fc from 'fast-check';
import { collection, doc, serverTimestamp, setDoc, Timestamp, writeBatch, type DocumentData, type DocumentReference } from 'firebase/firestore';
import { Timestamp as AdminTimestamp } from 'firebase-admin/firestore';
import { httpsCallable } from 'firebase/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decisionInputSchema,
  exportRequestSchema,
  manageUserInputSchema,
  reasonText,
  type Reason,
  type UsulanContent,
} from '../../functions/src/domain/index.js';
import { adminAuth, adminDb, ensureUser, seedConfig } from '../../.scripts/seed/admin.js';
import { signInClient, waitForDoc, type ClientUser } from '../../.scripts/seed/client.js';
import { DESA, KABUPATEN } from '../../.scripts/seed/demo.js';
import { meeting } from '../support/factories.js';
import { recordAndSubmit } from '../../.scripts/seed/flow.js';
import { newMusyawarah, stickerReport, vervalReport, wilayahOf } from '../../web/src/lib/operator/documents.js';

/**
 * Bad input, thousands of times: random and malformed payloads to every callable and every
 * collection a client may write. Each one is refused with a clear error (a known code and a
 * message in Bahasa Indonesia, never an internal error), nothing is written in part, and no
 * function crashes.
 */
const PASSWORD = 'bad-input-pass';
const RUNS = Number(process.env.TEPAT_BAD_INPUT_RUNS ?? 1000);
let admin: ClientUser;
let verifikator: ClientUser;
let operator: ClientUser;

beforeAll(async () => {
  await seedConfig(KABUPATEN);
  await ensureUser('bad.admin@tepat.test', PASSWORD, { role: 'admin', kabupaten: KABUPATEN });
  await ensureUser('bad.verifikator@tepat.test', PASSWORD, { role: 'verifikator', kabupaten: KABUPATEN });
  await ensureUser('bad.operator@tepat.test', PASSWORD, { role: 'operator', ...DESA.derati });
  [admin, verifikator, operator] = await Promise.all([
    signInClient('bad.admin@tepat.test', PASSWORD),
    signInClient('bad.verifikator@tepat.test', PASSWORD),
    signInClient('bad.operator@tepat.test', PASSWORD),
  ]);
});

afterAll(async () => {
  await Promise.all([admin?.close(), verifikator?.close(), operator?.close()]);
});

/** An error a person can act on: a known refusal code and an Indonesian sentence, no internals. */
function expectClearRefusal(err: unknown, codes: string[]): void {
  const e = err as { code?: string; message?: string } | undefined;
  expect(e, 'the payload was accepted').toBeDefined();
  expect(codes).toContain(e!.code);
  expect(e!.message).toMatch(/^[A-Z][^\n]{5,200}$/);
  expect(e!.message).not.toMatch(/internal|undefined|TypeError|ZodError|stack|\bat\s+\S+\.ts/i);
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

/** What a client can actually send: JSON (no prototype-less objects, no undefined). */
const overTheWire = <T>(a: fc.Arbitrary<T>) => a.map((v) => JSON.parse(JSON.stringify(v) ?? 'null') as unknown);

const auditCount = async () => (await adminDb().collection('auditLog').count().get()).data().count;

describe('callables refuse malformed payloads clearly and write nothing', () => {
  it(`decideUsulan: ${RUNS} random payloads`, async () => {
    const before = await auditCount();
    const payload = overTheWire(
      fc.oneof(
        fc.jsonValue(),
        fc.record(
          {
            usulanId: fc.oneof(fc.string({ maxLength: 200 }), fc.integer(), fc.constant('')),
            decision: fc.oneof(fc.constantFrom('setujui', 'tolak', 'SETUJUI', ''), fc.string()),
            note: fc.oneof(fc.string({ maxLength: 1200 }), fc.integer(), fc.constant(null)),
          },
          { requiredKeys: [] },
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (data) => {
        // Well-formed decisions name usulan that do not exist: refused as not found.
        const codes = decisionInputSchema.safeParse(data).success ? ['functions/not-found'] : ['functions/invalid-argument'];
        expectClearRefusal(await refusal(httpsCallable(verifikator.functions, 'decideUsulan')(data)), codes);
      }),
      { numRuns: RUNS },
    );
    expect(await auditCount()).toBe(before);
  });

  it(`manageUser: ${RUNS} random payloads`, async () => {
    const before = await auditCount();
    const usersBefore = (await adminAuth().listUsers(1000)).users.length;
    const payload = overTheWire(
      fc
        .oneof(
          fc.jsonValue(),
          fc.record(
            {
              action: fc.oneof(fc.constantFrom('create', 'setRole', 'deactivate', 'hapus', ''), fc.string()),
              email: fc.oneof(fc.emailAddress(), fc.string()),
              displayName: fc.string({ maxLength: 120 }),
              role: fc.oneof(fc.constantFrom('operator', 'verifikator', 'kadis', 'admin', 'bupati', ''), fc.string()),
              desaCode: fc.oneof(fc.constantFrom('17.02.06.2001', '17.08.01.2001', '17.02.06'), fc.string()),
              uid: fc.oneof(fc.string({ maxLength: 130 }), fc.integer()),
            },
            { requiredKeys: [] },
          ),
        )
        // A well-formed "create" is not bad input: it would (rightly) make an account.
        .filter((d) => !(manageUserInputSchema.safeParse(d).success && (d as { action?: string }).action === 'create')),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (data) => {
        const parsed = manageUserInputSchema.safeParse(data);
        // Well-formed role changes and deactivations name users that do not exist.
        const codes = parsed.success ? ['functions/not-found', 'functions/invalid-argument'] : ['functions/invalid-argument'];
        expectClearRefusal(await refusal(httpsCallable(admin.functions, 'manageUser')(data)), codes);
      }),
      { numRuns: RUNS },
    );
    expect(await auditCount()).toBe(before);
    expect((await adminAuth().listUsers(1000)).users.length).toBe(usersBefore);
  });
});

describe('the export callable refuses malformed requests clearly and records nothing', () => {
  it(`exportRegister: ${RUNS} random payloads`, async () => {
    const exportsBefore = (await adminDb().collection('exports').count().get()).data().count;
    const payload = overTheWire(
      fc
        .oneof(
          fc.jsonValue(),
          fc.record(
            {
              kind: fc.oneof(fc.constantFrom('bnba', 'perubahan', 'semua', ''), fc.string()),
              scope: fc.oneof(
                fc.record(
                  {
                    level: fc.oneof(fc.constantFrom('desa', 'kabupaten', 'provinsi'), fc.string()),
                    code: fc.oneof(fc.constantFrom('17.02', '17.08', '17.02.06.2001', '17.08.01.2001', '99'), fc.string()),
                  },
                  { requiredKeys: [] },
                ),
                fc.jsonValue(),
              ),
              format: fc.oneof(fc.constantFrom('csv', 'xlsx', 'pdf'), fc.string()),
              since: fc.oneof(fc.constantFrom('2026-01-01', '2026-13-01'), fc.string()),
            },
            { requiredKeys: [] },
          ),
        )
        // A well-formed request for the caller's own kabupaten is not bad input: it would (rightly) export.
        .filter((d) => {
          const parsed = exportRequestSchema.safeParse(d);
          return !(parsed.success && parsed.data.scope.code.startsWith(KABUPATEN));
        }),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (data) => {
        const codes = exportRequestSchema.safeParse(data).success ? ['functions/permission-denied'] : ['functions/invalid-argument'];
        expectClearRefusal(await refusal(httpsCallable(verifikator.functions, 'exportRegister')(data)), codes);
      }),
      { numRuns: RUNS },
    );
    expect((await adminDb().collection('exports').count().get()).data().count).toBe(exportsBefore);
  });
});

const wilayah = wilayahOf(DESA.derati);
/** A musyawarah as the portal writes it (its builder), the valid start of each random document. */
const validMusyawarah = (uid: string): DocumentData => newMusyawarah(wilayah, uid, meeting(), serverTimestamp());

/** Random documents: junk, or a valid one with one field replaced by junk or one unknown field added. */
function randomDocument(valid: () => DocumentData): fc.Arbitrary<DocumentData> {
  const keys = Object.keys(valid());
  return fc.oneof(
    fc.dictionary(
      fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !k.includes('/') && !k.startsWith('__')),
      fc.jsonValue(),
      { maxKeys: 8 },
    ),
    fc.tuple(fc.constantFrom(...keys), fc.jsonValue()).map(([k, v]) => ({ ...valid(), [k]: v })),
    fc
      .tuple(
        fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !keys.includes(k) && !k.includes('/') && !k.startsWith('__')),
        fc.jsonValue(),
      )
      .map(([k, v]) => ({ ...valid(), [k]: v })),
    fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(valid()).filter(([key]) => key !== k))),
  );
}

describe('client-writable collections refuse malformed documents whole', () => {
  it(`musyawarah and usulan: ${RUNS} random documents, each in a batch with a valid musyawarah`, async () => {
    const db = operator.db;
    const refused: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        randomDocument(() => validMusyawarah(operator.uid)),
        async (asUsulan, junk) => {
          const mRef = doc(collection(db, 'musyawarah'));
          const err = await refusal(
            Promise.resolve().then(() => {
              const batch = writeBatch(db);
              if (asUsulan) {
                // The valid musyawarah and the junk usulan are one atomic write: neither may land.
                batch.set(mRef, validMusyawarah(operator.uid));
                batch.set(doc(collection(db, 'usulan')), { ...junk, musyawarahId: mRef.id });
              } else {
                batch.set(mRef, junk);
              }
              return batch.commit();
            }),
          );
          // A junk document that happens to be a valid draft musyawarah is not bad input.
          if (err === undefined) {
            expect(asUsulan).toBe(false);
            return;
          }
          refused.push(mRef.id);
          // The rules refuse it, or the SDK does before sending (e.g. nested arrays).
          expect(['permission-denied', 'invalid-argument']).toContain((err as { code?: string }).code);
        },
      ),
      { numRuns: RUNS },
    );
    expect(refused.length).toBeGreaterThan(RUNS * 0.9);
    // No partial write: not one refused batch left its musyawarah behind.
    const snaps = await adminDb().getAll(...refused.map((id) => adminDb().collection('musyawarah').doc(id)));
    expect(snaps.filter((s) => s.exists).map((s) => s.id)).toEqual([]);
  });

  it(`verval and sticker reports: ${RUNS} random documents are refused by the rules, or applied or refused with a reason by the trigger`, async () => {
    const db = operator.db;
    const H = 'bad-input-household';
    await adminDb()
      .doc(`households/${H}`)
      .set({
        ...wilayah,
        kkNumber: '1702061203150007',
        kkHistory: [],
        address: 'Derati',
        desil: 3,
        status: 'aktif',
        statusReason: null,
        headName: 'Uji',
        memberCount: 1,
        memberCriteria: [],
        lastVervalAt: AdminTimestamp.now(),
        staleness: { level: 'ok', missed: 0, freezesAt: null },
        eligibility: { SEMBAKO: { eligible: true, programName: 'Sembako/BPNT', reasons: [], legalBasis: null, evaluatedOn: '2026-11-01' } },
        reactivations: 0,
        suspension: null,
        sticker: null,
        sourceUsulanId: 'seed',
        createdAt: AdminTimestamp.now(),
        updatedAt: AdminTimestamp.now(),
      });
    // Reports as the portal writes them (its builders), the valid start of each random document.
    const reporter = { uid: operator.uid, claims: DESA.derati };
    const validVerval = (): DocumentData => vervalReport(reporter, { result: 'sesuai', note: '' }, Timestamp.now(), serverTimestamp());
    const validSticker = (): DocumentData => stickerReport(reporter, { installedOn: '2026-11-02', by: 'Operator' }, serverTimestamp());
    const accepted: DocumentReference[] = [];
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.boolean().chain((asSticker) => randomDocument(asSticker ? validSticker : validVerval).map((junk) => ({ asSticker, junk }))),
        async ({ asSticker, junk }) => {
          const ref = doc(collection(db, 'households', H, asSticker ? 'stickers' : 'verval'));
          const err = await refusal(Promise.resolve().then(() => setDoc(ref, junk)));
          if (err === undefined) accepted.push(ref);
          else {
            refused += 1;
            expect(['permission-denied', 'invalid-argument']).toContain((err as { code?: string }).code);
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(refused).toBeGreaterThan(RUNS * 0.5);
    // What the rules let through is processed: applied, or kept with a reason a person can read.
    const outcomes = await Promise.all(accepted.map((r) => waitForDoc(r, (d) => d?.outcome != null, 60_000)));
    for (const o of outcomes) {
      const outcome = o.outcome as { status: string; reason?: Reason };
      expect(['diterapkan', 'ditolak']).toContain(outcome.status);
      if (outcome.status === 'ditolak') expect(reasonText(outcome.reason!)).toMatch(/^[A-Z][^\n]{5,200}$/);
    }
  }, 180_000);

  it('usulan that pass the rules but carry junk members are validated, not crashed on', async () => {
    // What the rules let through (firestore.rules, members30): maps of member keys only, whose
    // values are scalars of at most 200 characters together without a line break; anything in them.
    const scalar = fc.oneof(
      fc.string({ maxLength: 15 }).filter((v) => !v.includes('\n')),
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.boolean(),
      fc.constant(null),
    );
    const member = fc.record(
      {
        nik: scalar,
        name: scalar,
        sex: scalar,
        birthDate: scalar,
        relationship: scalar,
        occupation: scalar,
        pregnant: scalar,
        disability: scalar,
        school: scalar,
      },
      { requiredKeys: [] },
    );
    const households = fc.sample(
      fc.record({
        kkNumber: fc.string({ minLength: 16, maxLength: 16 }),
        address: fc.string({ minLength: 3, maxLength: 200 }),
        desil: fc.integer({ min: 1, max: 10 }),
        members: fc.array(member, { minLength: 1, maxLength: 30 }),
      }),
      { numRuns: 40, seed: 20261122 },
    );
    // Junk content, as a client that skipped the portal's checks would send it (it passes the rules' shape and size checks).
    const { refs } = await recordAndSubmit(
      operator,
      DESA.derati,
      households.map((household) => ({ type: 'baru', household }) as unknown as UsulanContent),
      meeting(),
    );
    const results = await Promise.all(refs.map((r) => waitForDoc(r, (d) => d?.validation != null, 60_000)));
    for (const r of results) {
      expect(r.status).toBe('tidak_lolos_validasi');
      const v = r.validation as { ok: boolean; errors: Reason[] };
      expect(v.ok).toBe(false);
      expect(v.errors.length).toBeGreaterThan(0);
      for (const e of v.errors) expect(reasonText(e)).toMatch(/^[A-Z0-9][^\n]+$/);
    }
  }, 180_000);
});
