import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  collection,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setLogLevel,
  Timestamp,
  where,
  writeBatch,
  type FieldValue,
  type Firestore,
  type Query,
  type QueryConstraint,
} from 'firebase/firestore';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  AuditDoc,
  HouseholdDoc,
  MemberDoc,
  MusyawarahDoc,
  NikIndexDoc,
  PolicyDoc,
  Program,
  UserProfileDoc,
  UsulanContent,
  UsulanDoc,
  UsulanStatus,
} from '../../../functions/src/domain/index.js';
import { assertEmulators, defaultConfig, ROOT } from '../../../.scripts/seed/admin.js';
import { DESA, KABUPATEN } from '../../../.scripts/seed/demo.js';
import { household, meeting } from '../../support/factories.js';
import * as portal from '../../../web/src/lib/operator/documents.js';

/**
 * Shared by the rules modules: one test environment for the whole run, the actors, `allowed` /
 * `denied`, typed document builders, and the actor × operation matrix.
 *
 * A separate project id keeps these writes away from the functions' triggers (they listen on
 * `demo-tepat`). Loading the rules into the emulator resets its rule coverage, so the rules are
 * loaded once, by the entry file's `beforeAll`, and the coverage step at its end sees this run only.
 */
export const RULES_PROJECT_ID = 'demo-tepat-rules';
export const RULES_FILE = join(ROOT, 'firestore.rules');

export const OTHER_KABUPATEN = '17.08';
export const DERATI = DESA.derati.desa;
export const WILAYAH = { desaCode: DESA.derati.desa, kecamatanCode: DESA.derati.kecamatan, kabupatenCode: KABUPATEN } as const;

export function emulatorHost(): string {
  assertEmulators(['firestore']);
  return process.env.FIRESTORE_EMULATOR_HOST!;
}

// ---- environment ----------------------------------------------------------------------------

let env: RulesTestEnvironment | undefined;
const databases = new Map<ActorName, Firestore>();
/** A rules-disabled Firestore held open for the run (see useRulesEnvironment), and how to close it. */
let seeder: Firestore | undefined;
let releaseSeeder = (): void => undefined;
let seederClosed: Promise<void> = Promise.resolve();

function rulesEnv(): RulesTestEnvironment {
  if (!env) throw new Error('useRulesEnvironment() must be called by the entry file');
  return env;
}

/** Registers the run's hooks: rules loaded once, Firestore cleared before every test. */
export function useRulesEnvironment(): void {
  beforeAll(async () => {
    // Denials are the point of these tests; the SDK would log each one as an error.
    setLogLevel('silent');
    const hostAndPort = emulatorHost();
    const colon = hostAndPort.lastIndexOf(':');
    const testEnv = await initializeTestEnvironment({
      projectId: RULES_PROJECT_ID,
      firestore: { rules: readFileSync(RULES_FILE, 'utf8'), host: hostAndPort.slice(0, colon), port: Number(hostAndPort.slice(colon + 1)) },
    });
    env = testEnv;
    // withSecurityRulesDisabled builds a new app on every call (~80 ms, and seeding happens
    // before nearly every test): one call's context is kept open instead, until afterAll.
    seeder = await new Promise<Firestore>((resolve, reject) => {
      seederClosed = testEnv.withSecurityRulesDisabled((ctx) => {
        resolve(ctx.firestore() as unknown as Firestore);
        return new Promise<void>((release) => {
          releaseSeeder = release;
        });
      });
      seederClosed.catch(reject);
    });
  });
  // Every actor with a role has the active profile manageUser writes: the rules of the collections
  // holding raw NIK read it (a test of a deactivated account replaces it).
  beforeEach(async () => {
    await rulesEnv().clearFirestore();
    await seed(Object.fromEntries(WITH_PROFILE.map((name) => [`users/${ACTORS[name].uid}`, userProfile(name)])));
  });
  afterAll(async () => {
    releaseSeeder();
    await seederClosed;
    seeder = undefined;
    databases.clear();
    await env?.cleanup();
    env = undefined;
  });
}

/** Seeds documents as the functions would write them (rules disabled), in one batch. */
export async function seed(docs: Record<string, object>): Promise<void> {
  const db = seeder;
  if (!db) throw new Error('useRulesEnvironment() must be called by the entry file');
  const batch = writeBatch(db);
  for (const [path, data] of Object.entries(docs)) batch.set(doc(db, path), data);
  await batch.commit();
}

// ---- actors ---------------------------------------------------------------------------------

export interface Actor {
  readonly label: string;
  readonly uid: string | null;
  readonly claims: Readonly<Record<string, string>> | null;
}

/** Every actor of the matrix. Cells act on Desa Derati's documents (17.02.06.2001, Kab. 17.02). */
export const ACTORS = {
  signedOut: { label: 'signed out', uid: null, claims: null },
  noRole: { label: 'signed in without a role', uid: 'no-role', claims: {} },
  operator: { label: 'operator of this desa', uid: 'op-derati', claims: { role: 'operator', ...DESA.derati } },
  otherOperator: { label: 'operator of another desa', uid: 'op-other', claims: { role: 'operator', ...DESA.other } },
  verifikator: { label: 'verifikator of this kabupaten', uid: 'verifikator-rl', claims: { role: 'verifikator', kabupaten: KABUPATEN } },
  kadis: { label: 'kadis of this kabupaten', uid: 'kadis-rl', claims: { role: 'kadis', kabupaten: KABUPATEN } },
  otherVerifikator: { label: 'verifikator of another kabupaten', uid: 'verifikator-kph', claims: { role: 'verifikator', kabupaten: OTHER_KABUPATEN } },
  otherKadis: { label: 'kadis of another kabupaten', uid: 'kadis-kph', claims: { role: 'kadis', kabupaten: OTHER_KABUPATEN } },
  admin: { label: 'admin of this kabupaten', uid: 'admin-rl', claims: { role: 'admin', kabupaten: KABUPATEN } },
  otherAdmin: { label: 'admin of another kabupaten', uid: 'admin-kph', claims: { role: 'admin', kabupaten: OTHER_KABUPATEN } },
} as const satisfies Record<string, Actor>;
export type ActorName = keyof typeof ACTORS;
export const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];
/** The actors with a role, each of whom has a profile (`users/{uid}`); the others have none. */
export type WithProfile = Exclude<ActorName, 'signedOut' | 'noRole'>;
export const WITH_PROFILE = ACTOR_NAMES.filter((name): name is WithProfile => (ACTORS[name] as Actor).claims?.role !== undefined);
export const OPERATOR_UID = ACTORS.operator.uid;
/** The operator of this desa, as the portal's field reports name their writer. */
export const REPORTER: portal.Reporter = { uid: OPERATOR_UID, claims: { desa: DESA.derati.desa, kabupaten: KABUPATEN } };

/** The actor's Firestore, one per actor for the whole run (contexts are reused, not rebuilt per test). */
export function as(name: ActorName): Firestore {
  let db = databases.get(name);
  if (!db) {
    const actor: Actor = ACTORS[name];
    const ctx = actor.uid === null ? rulesEnv().unauthenticatedContext() : rulesEnv().authenticatedContext(actor.uid, actor.claims ?? {});
    db = ctx.firestore() as unknown as Firestore;
    databases.set(name, db);
  }
  return db;
}

// ---- assertions -----------------------------------------------------------------------------

export async function allowed(op: Promise<unknown>): Promise<void> {
  const err = await op.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'expected the rules to allow this').toBeUndefined();
}

export async function denied(op: Promise<unknown>): Promise<void> {
  const err = await op.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect((err as { code?: string } | undefined)?.code, 'expected permission-denied').toBe('permission-denied');
}

// ---- the actor × operation matrix -------------------------------------------------------------

export const ALLOW = 'allowed';
export const DENY = 'denied';
export type Outcome = typeof ALLOW | typeof DENY;
export const OPERATIONS = ['get', 'list', 'create', 'update', 'delete'] as const;
export type Operation = (typeof OPERATIONS)[number];
/** Outcomes in OPERATIONS order: get, list, create, update, delete. */
export type MatrixRow = readonly [Outcome, Outcome, Outcome, Outcome, Outcome];
export type Operations = Record<Operation, (db: Firestore, actor: Actor) => Promise<unknown>>;

/**
 * One test per cell. `rows` must name every actor (the type says so); `ops` performs each
 * operation on the module's seeded documents.
 */
export function describeMatrix(collectionName: string, rows: Record<ActorName, MatrixRow>, ops: Operations): void {
  const cells = ACTOR_NAMES.flatMap((actor) => OPERATIONS.map((op, i) => [ACTORS[actor].label, op, rows[actor][i]!, actor] as const));
  describe(`${collectionName}: actor × operation`, () => {
    it.each(cells)('%s · %s → %s', async (_who, op, expected, actor) => {
      const run = ops[op](as(actor), ACTORS[actor]);
      await (expected === ALLOW ? allowed(run) : denied(run));
    });
  });
}

/**
 * The list query an actor makes for Desa Derati's documents: an operator scopes by desa, everyone
 * else by kabupaten (as the portal does).
 */
export function wilayahQuery(db: Firestore, path: string, actor: Actor): Query {
  return actor.claims?.role === 'operator'
    ? query(collection(db, path), where('desaCode', '==', DERATI))
    : query(collection(db, path), where('kabupatenCode', '==', KABUPATEN));
}

/**
 * List queries on a wilayah-scoped collection: allowed only when the query itself proves every
 * result is in the reader's wilayah. `path` is seeded by the calling module. Where the dinas may
 * see only submitted documents, `dinasFilter` is the status filter its queries must carry: every
 * dinas case uses it, and one case checks that leaving it out is refused.
 */
export function describeListScoping(path: string, dinasFilter: QueryConstraint[] = []): void {
  const byDesa = (code: string) => where('desaCode', '==', code);
  const byKabupaten = (code: string) => where('kabupatenCode', '==', code);
  const dinas = (...c: QueryConstraint[]) => [...c, ...dinasFilter];
  const cases: [actor: ActorName, scope: string, constraints: QueryConstraint[], expected: Outcome][] = [
    ['operator', 'its own desa', [byDesa(DERATI)], ALLOW],
    ['operator', 'its own desa and kabupaten', [byDesa(DERATI), byKabupaten(KABUPATEN)], ALLOW],
    ['operator', 'nothing', [], DENY],
    ['operator', 'another desa', [byDesa(DESA.other.desa)], DENY],
    ['operator', 'its kabupaten (wider than its desa)', [byKabupaten(KABUPATEN)], DENY],
    ['verifikator', 'its own kabupaten', dinas(byKabupaten(KABUPATEN)), ALLOW],
    ['kadis', 'its own kabupaten', dinas(byKabupaten(KABUPATEN)), ALLOW],
    ['verifikator', 'one desa of its kabupaten', dinas(byKabupaten(KABUPATEN), byDesa(DERATI)), ALLOW],
    ['verifikator', 'nothing', dinas(), DENY],
    ['kadis', 'nothing', dinas(), DENY],
    ['verifikator', 'a desa only (kabupaten unproven)', dinas(byDesa(DERATI)), DENY],
    ['verifikator', 'another kabupaten', dinas(byKabupaten(OTHER_KABUPATEN)), DENY],
    ['otherVerifikator', 'its own kabupaten', dinas(byKabupaten(OTHER_KABUPATEN)), ALLOW],
    ['otherKadis', 'this kabupaten', dinas(byKabupaten(KABUPATEN)), DENY],
  ];
  if (dinasFilter.length > 0) cases.push(['verifikator', 'its own kabupaten without the status filter', [byKabupaten(KABUPATEN)], DENY]);
  describe(`${path}: list queries are scoped by wilayah`, () => {
    const rows = cases.map(([actor, scope, constraints, expected]) => [ACTORS[actor].label, scope, expected, actor, constraints] as const);
    it.each(rows)('%s scoped to %s → %s', async (_who, _scope, expected, actor, constraints) => {
      const run = getDocs(query(collection(as(actor), path), ...constraints));
      await (expected === ALLOW ? allowed(run) : denied(run));
    });
  });
}

/**
 * A household's field reports (`households/{id}/verval`, `/stickers`) are read by whoever covers
 * the household now: its current desa's operator and its current kabupaten's dinas, whatever desa
 * wrote the report. After a pindah masuk the old desa reads none of them and the new desa reads all
 * of them, with or without a filter. `report` is a stored report of Desa Derati, at `{household}/{sub}/r1`.
 */
export function describeFollowsHousehold(sub: 'verval' | 'stickers', report: () => object): void {
  const H = 'households/h1';
  const R = `${H}/${sub}/r1`;
  const list = (name: ActorName, ...constraints: QueryConstraint[]) => getDocs(query(collection(as(name), `${H}/${sub}`), ...constraints));
  const get = (name: ActorName) => getDoc(doc(as(name), R));

  describe(`${H}/${sub}: reads follow the household's current desa and kabupaten`, () => {
    it.each([
      ['operator', ALLOW],
      ['otherOperator', DENY],
      ['verifikator', ALLOW],
      ['kadis', ALLOW],
      ['otherVerifikator', DENY],
      ['admin', DENY],
      ['noRole', DENY],
    ] as const)('%s lists the household’s reports without a filter → %s', async (name, expected) => {
      await seed({ [H]: householdDoc(), [R]: report() });
      await (expected === ALLOW ? allowed(list(name)) : denied(list(name)));
    });

    it('after a pindah masuk to another desa, the old desa reads none of its reports and the new desa all of them', async () => {
      await seed({ [H]: householdDoc({ desaCode: DESA.other.desa, kecamatanCode: DESA.other.kecamatan }), [R]: report() });
      await denied(get('operator'));
      await denied(list('operator'));
      await denied(list('operator', where('desaCode', '==', DERATI)));
      await allowed(get('otherOperator'));
      await allowed(list('otherOperator'));
      // The kabupaten did not change: its dinas still reads them.
      await allowed(get('verifikator'));
    });

    it('after a move to another kabupaten, the old kabupaten’s dinas reads none of its reports and the new one’s all of them', async () => {
      const moved = householdDoc({ desaCode: `${OTHER_KABUPATEN}.01.2001`, kecamatanCode: `${OTHER_KABUPATEN}.01`, kabupatenCode: OTHER_KABUPATEN });
      await seed({ [H]: moved, [R]: report() });
      for (const name of ['operator', 'verifikator', 'kadis'] as const) {
        await denied(get(name));
        await denied(list(name));
        await denied(list(name, where('kabupatenCode', '==', KABUPATEN)));
      }
      for (const name of ['otherVerifikator', 'otherKadis'] as const) {
        await allowed(get(name));
        await allowed(list(name));
      }
    });

    it('the reports of a household that is not in the register are read by no one', async () => {
      await seed({ [R]: report() });
      await unseed(H);
      for (const name of ['operator', 'verifikator'] as const) {
        await denied(get(name));
        await denied(list(name));
      }
    });
  });
}

// ---- typed document builders ------------------------------------------------------------------

/** A time in the past, as a stored document would carry it. */
export const PAST = Timestamp.fromDate(new Date('2026-11-01T00:00:00Z'));

/** A document as a client writes it: timestamps may be `serverTimestamp()` sentinels. */
type Written = Timestamp | FieldValue;

/**
 * A musyawarah as the portal's `createMusyawarah` writes it: built by the portal's own builder
 * (web/src/lib/operator/documents.ts), so a change of shape there is a change here.
 */
export function newMusyawarah(createdBy: string = OPERATOR_UID, overrides: Partial<MusyawarahDoc<Written>> = {}): MusyawarahDoc<Written> {
  return { ...portal.newMusyawarah<Written>(WILAYAH, createdBy, meeting(), serverTimestamp()), ...overrides };
}

/** A musyawarah as stored: what the portal wrote, its server timestamps resolved to PAST, in `status`. */
export function storedMusyawarah(status: MusyawarahDoc<Timestamp>['status'], overrides: Partial<MusyawarahDoc<Timestamp>> = {}): MusyawarahDoc<Timestamp> {
  return { ...portal.newMusyawarah(WILAYAH, OPERATOR_UID, meeting(), PAST), status, submittedAt: status === 'draft' ? null : PAST, ...overrides };
}

/** An usulan as the portal's `createMusyawarah` writes it (its builder): baru by default, `content` for another type. */
export function newUsulan(
  musyawarahId: string,
  createdBy: string = OPERATOR_UID,
  overrides: Record<string, unknown> = {},
  content: UsulanContent = { type: 'baru', household: household() },
): UsulanDoc<Written> {
  return { ...portal.newUsulan<Written>(musyawarahId, WILAYAH, createdBy, content, serverTimestamp()), ...overrides };
}

/** An usulan as stored: what the portal wrote, in `status`, with the validation result a failed one carries. */
export function storedUsulan(
  musyawarahId: string,
  status: UsulanStatus,
  overrides: Record<string, unknown> = {},
  content: UsulanContent = { type: 'baru', household: household() },
): UsulanDoc<Timestamp> {
  return {
    ...portal.newUsulan(musyawarahId, WILAYAH, OPERATOR_UID, content, PAST),
    status,
    submittedAt: status === 'draft' ? null : PAST,
    validation:
      status === 'tidak_lolos_validasi'
        ? {
            ok: false,
            errors: [{ code: 'kk.format', message: 'Nomor KK tidak valid', field: 'household.kkNumber' }],
            warnings: [],
            checkedAt: PAST,
            forSubmission: PAST.toMillis(),
          }
        : null,
    ...overrides,
  };
}

export function householdDoc(overrides: Partial<HouseholdDoc<Timestamp>> = {}): HouseholdDoc<Timestamp> {
  return {
    kkNumber: '1702061203150007',
    kkHistory: [],
    address: 'Jl. Lintas Curup–Lubuk Linggau RT 02, Derati',
    ...WILAYAH,
    desil: 4,
    status: 'aktif',
    statusReason: null,
    headName: 'Sutrisno',
    memberCount: 1,
    memberCriteria: [{ birthDate: '1984-03-12', sex: 'L' }],
    lastVervalAt: PAST,
    staleness: { level: 'ok', missed: 0, freezesAt: null },
    eligibility: {},
    reactivations: 0,
    suspension: null,
    sticker: null,
    sourceUsulanId: 'u0',
    createdAt: PAST,
    updatedAt: PAST,
    ...overrides,
  };
}

export function memberDoc(overrides: Partial<MemberDoc<Timestamp>> = {}): MemberDoc<Timestamp> {
  return {
    nik: '1702061203840001',
    nikMasked: '1702••••••••0001',
    nikHash: 'c0ffee',
    name: 'Sutrisno',
    sex: 'L',
    birthDate: '1984-03-12',
    relationship: 'kepala_keluarga',
    flags: [],
    status: 'aktif',
    leftReason: null,
    householdId: 'h1',
    desaCode: WILAYAH.desaCode,
    kabupatenCode: KABUPATEN,
    createdAt: PAST,
    ...overrides,
  };
}

export function nikIndexDoc(overrides: Partial<NikIndexDoc<Timestamp>> = {}): NikIndexDoc<Timestamp> {
  return { householdId: 'h1', memberId: 'a1', active: true, desaCode: WILAYAH.desaCode, kabupatenCode: KABUPATEN, createdAt: PAST, ...overrides };
}

export function auditDoc(overrides: Partial<AuditDoc<Timestamp>> = {}): AuditDoc<Timestamp> {
  return {
    actorUid: 'sistem',
    actorRole: 'sistem',
    action: 'keluarga.ditambahkan',
    target: { collection: 'households', id: 'h1' },
    kabupatenCode: KABUPATEN,
    desaCode: WILAYAH.desaCode,
    at: PAST,
    summary: 'Keluarga Sutrisno ditambahkan ke register',
    ...overrides,
  };
}

/** The profile the manageUser callable writes for an actor. */
export function userProfile(name: WithProfile): UserProfileDoc<Timestamp> {
  const claims: Readonly<Record<string, string>> = ACTORS[name].claims;
  return {
    email: `${ACTORS[name].uid}@tepat.test`,
    displayName: ACTORS[name].label,
    role: claims.role as UserProfileDoc<Timestamp>['role'],
    kabupatenCode: claims.kabupaten!,
    kecamatanCode: claims.kecamatan ?? null,
    desaCode: claims.desa ?? null,
    active: true,
    claimsUpdatedAt: PAST,
    updatedBy: 'admin-rl',
  };
}

/**
 * The profile manageUser leaves when it deactivates an account: no role, no wilayah, inactive. Its
 * claims are gone too, but the ID token the device holds keeps the old ones until it expires (up to
 * an hour): `as(name)` plays that token.
 */
export function deactivatedProfile(name: WithProfile): UserProfileDoc<Timestamp> {
  return { ...userProfile(name), role: null, kecamatanCode: null, desaCode: null, active: false };
}

/** Deletes documents as the functions would (rules disabled), e.g. a profile that was never written. */
export async function unseed(...paths: string[]): Promise<void> {
  const db = seeder;
  if (!db) throw new Error('useRulesEnvironment() must be called by the entry file');
  const batch = writeBatch(db);
  for (const path of paths) batch.delete(doc(db, path));
  await batch.commit();
}

export function programDoc(): Program {
  const program = defaultConfig().programs[0];
  if (!program) throw new Error('programs.json has no program');
  return program as Program;
}

export function policyDoc(): PolicyDoc {
  return { staleness: defaultConfig().stalenessPolicy as PolicyDoc['staleness'], approval: 'dua_tingkat' };
}

/** A document with fields replaced by anything, including values of the wrong type. */
export function tampered(base: object, patch: Record<string, unknown>): Record<string, unknown> {
  return { ...base, ...patch };
}

/** A document without one of its fields. */
export function without(base: object, key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...base };
  delete copy[key];
  return copy;
}
