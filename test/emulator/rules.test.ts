import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  collection, deleteDoc, doc, getDoc, getDocs, query, serverTimestamp, setDoc, setLogLevel, Timestamp, updateDoc, where, writeBatch, type Firestore,
} from 'firebase/firestore';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertEmulators, ROOT } from '../support/admin.js';
import { DESA, KABUPATEN } from '../support/demo.js';
import { household, meeting } from '../support/factories.js';

/**
 * firestore.rules for the thin flow's collections, actor by actor. A separate project id keeps
 * these writes away from the functions' triggers.
 */
let env: RulesTestEnvironment;

const OTHER_KAB = '17.08';
const actors = {
  signedOut: () => env.unauthenticatedContext().firestore() as unknown as Firestore,
  operator: () => env.authenticatedContext('op-derati', { role: 'operator', ...DESA.derati }).firestore() as unknown as Firestore,
  otherOperator: () => env.authenticatedContext('op-other', { role: 'operator', ...DESA.other }).firestore() as unknown as Firestore,
  dinas: () => env.authenticatedContext('verifikator-rl', { role: 'verifikator', kabupaten: KABUPATEN }).firestore() as unknown as Firestore,
  otherDinas: () => env.authenticatedContext('verifikator-kph', { role: 'verifikator', kabupaten: OTHER_KAB }).firestore() as unknown as Firestore,
};

async function allowed(op: Promise<unknown>): Promise<void> {
  const err = await op.then(() => undefined, (e: unknown) => e);
  expect(err, 'expected the rules to allow this').toBeUndefined();
}

async function denied(op: Promise<unknown>): Promise<void> {
  const err = await op.then(() => undefined, (e: unknown) => e);
  expect((err as { code?: string } | undefined)?.code, 'expected permission-denied').toBe('permission-denied');
}

const wilayah = { desaCode: DESA.derati.desa, kecamatanCode: DESA.derati.kecamatan, kabupatenCode: KABUPATEN };

function newMusyawarah(uid = 'op-derati', overrides: Record<string, unknown> = {}) {
  return { ...wilayah, meeting: meeting(), status: 'draft', createdBy: uid, createdAt: serverTimestamp(), updatedAt: serverTimestamp(), submittedAt: null, ...overrides };
}

function newUsulan(musyawarahId: string, overrides: Record<string, unknown> = {}) {
  return {
    musyawarahId, ...wilayah, type: 'baru', household: household(), status: 'draft', createdBy: 'op-derati',
    createdAt: serverTimestamp(), updatedAt: serverTimestamp(), submittedAt: null, validation: null, decisions: [], outcome: null, ...overrides,
  };
}

/** Seeds documents as the functions would write them (rules bypassed). */
async function seed(docs: Record<string, Record<string, unknown>>): Promise<void> {
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore() as unknown as Firestore;
    for (const [path, data] of Object.entries(docs)) await setDoc(doc(db, path), data);
  });
}

const past = Timestamp.fromDate(new Date('2026-11-01T00:00:00Z'));
const storedMusyawarah = (status: 'draft' | 'diajukan') => ({ ...newMusyawarah(), status, createdAt: past, updatedAt: past, submittedAt: status === 'draft' ? null : past });
const storedUsulan = (status: string) => ({ ...newUsulan('m1'), status, createdAt: past, updatedAt: past });

beforeAll(async () => {
  assertEmulators(['firestore']);
  // Denials are the point of this file; the SDK would log each one as an error.
  setLogLevel('silent');
  const [host, port] = process.env.FIRESTORE_EMULATOR_HOST!.split(':');
  env = await initializeTestEnvironment({
    projectId: 'demo-tepat-rules',
    firestore: { rules: readFileSync(join(ROOT, 'firestore.rules'), 'utf8'), host: host!, port: Number(port) },
  });
});
beforeEach(async () => env.clearFirestore());
afterAll(async () => env?.cleanup());

describe('musyawarah', () => {
  it('an operator creates a draft for their own desa, with server timestamps', async () => {
    await allowed(setDoc(doc(actors.operator(), 'musyawarah/m1'), newMusyawarah()));
  });

  it.each([
    ['signed out', () => actors.signedOut()],
    ['operator of another desa', () => actors.otherOperator()],
    ['dinas of the kabupaten', () => actors.dinas()],
  ])('%s cannot create one for Derati', async (_who, db) => {
    await denied(setDoc(doc(db(), 'musyawarah/m1'), newMusyawarah()));
  });

  it.each([
    ['another kecamatan code', { kecamatanCode: '17.02.07' }],
    ['a submitted status', { status: 'diajukan', submittedAt: serverTimestamp() }],
    ['a client-chosen time', { createdAt: past }],
    ['someone else as author', { createdBy: 'op-other' }],
    ['an unknown field', { approved: true }],
    ['a meeting with 0 attendees', { meeting: meeting({ attendees: 0 }) }],
    ['a meeting with an unknown type', { meeting: { ...meeting(), type: 'rapat' } }],
  ])('a create with %s is refused', async (_case, overrides) => {
    await denied(setDoc(doc(actors.operator(), 'musyawarah/m1'), newMusyawarah('op-derati', overrides)));
  });

  it('is readable by its operator and its kabupaten dinas only', async () => {
    await seed({ 'musyawarah/m1': storedMusyawarah('draft') });
    await allowed(getDoc(doc(actors.operator(), 'musyawarah/m1')));
    await allowed(getDoc(doc(actors.dinas(), 'musyawarah/m1')));
    await denied(getDoc(doc(actors.otherOperator(), 'musyawarah/m1')));
    await denied(getDoc(doc(actors.otherDinas(), 'musyawarah/m1')));
    await denied(getDoc(doc(actors.signedOut(), 'musyawarah/m1')));
  });

  it('lists only when the query is scoped to the reader’s wilayah', async () => {
    await seed({ 'musyawarah/m1': storedMusyawarah('draft') });
    await allowed(getDocs(query(collection(actors.operator(), 'musyawarah'), where('desaCode', '==', DESA.derati.desa))));
    await allowed(getDocs(query(collection(actors.dinas(), 'musyawarah'), where('kabupatenCode', '==', KABUPATEN))));
    await denied(getDocs(collection(actors.operator(), 'musyawarah')));
    await denied(getDocs(query(collection(actors.otherDinas(), 'musyawarah'), where('kabupatenCode', '==', KABUPATEN))));
  });

  it('a draft can be edited and submitted; after submission it is frozen for the client', async () => {
    await seed({ 'musyawarah/m1': storedMusyawarah('draft') });
    const db = actors.operator();
    await allowed(updateDoc(doc(db, 'musyawarah/m1'), { meeting: meeting({ attendees: 40 }), updatedAt: serverTimestamp() }));
    await denied(updateDoc(doc(db, 'musyawarah/m1'), { desaCode: DESA.other.desa, updatedAt: serverTimestamp() }));
    await denied(updateDoc(doc(db, 'musyawarah/m1'), { status: 'diajukan', submittedAt: past, updatedAt: serverTimestamp() }));
    await allowed(updateDoc(doc(db, 'musyawarah/m1'), { status: 'diajukan', submittedAt: serverTimestamp(), updatedAt: serverTimestamp() }));
    await denied(updateDoc(doc(db, 'musyawarah/m1'), { meeting: meeting({ attendees: 41 }), updatedAt: serverTimestamp() }));
    await denied(updateDoc(doc(db, 'musyawarah/m1'), { status: 'draft', submittedAt: null, updatedAt: serverTimestamp() }));
  });

  it('nobody but a function updates someone else’s, and nobody deletes', async () => {
    await seed({ 'musyawarah/m1': storedMusyawarah('draft') });
    await denied(updateDoc(doc(actors.dinas(), 'musyawarah/m1'), { meeting: meeting(), updatedAt: serverTimestamp() }));
    await denied(updateDoc(doc(actors.otherOperator(), 'musyawarah/m1'), { meeting: meeting(), updatedAt: serverTimestamp() }));
    for (const db of [actors.operator(), actors.dinas(), actors.signedOut()]) await denied(deleteDoc(doc(db, 'musyawarah/m1')));
  });
});

describe('usulan', () => {
  it('is created as a draft of its own desa’s draft musyawarah, even in the same batch', async () => {
    const db = actors.operator();
    const batch = writeBatch(db);
    batch.set(doc(db, 'musyawarah/m1'), newMusyawarah());
    batch.set(doc(db, 'usulan/u1'), newUsulan('m1'));
    await allowed(batch.commit());
  });

  it.each([
    ['a submitted musyawarah', 'diajukan', {}],
    ['a validation result', 'draft', { validation: { ok: true } }],
    ['a status other than draft', 'draft', { status: 'disetujui' }],
    ['a household with a short KK', 'draft', { household: household({ kkNumber: '1702' }) }],
    ['a household with desil 11', 'draft', { household: household({ desil: 11 }) }],
    ['another desa', 'draft', { desaCode: DESA.other.desa }],
    ['an unknown type', 'draft', { type: 'hapus_semua' }],
  ])('is refused with %s', async (_case, musyawarahStatus, overrides) => {
    await seed({ 'musyawarah/m1': storedMusyawarah(musyawarahStatus as 'draft' | 'diajukan') });
    await denied(setDoc(doc(actors.operator(), 'usulan/u1'), newUsulan('m1', overrides)));
  });

  it('cannot be attached to a musyawarah that does not exist', async () => {
    await denied(setDoc(doc(actors.operator(), 'usulan/u1'), newUsulan('missing')));
  });

  it('is submitted only together with (or after) its musyawarah', async () => {
    await seed({ 'musyawarah/m1': storedMusyawarah('draft'), 'usulan/u1': storedUsulan('draft') });
    const db = actors.operator();
    const stamp = { status: 'diajukan', submittedAt: serverTimestamp(), updatedAt: serverTimestamp() };
    await denied(updateDoc(doc(db, 'usulan/u1'), stamp));
    const batch = writeBatch(db);
    batch.update(doc(db, 'musyawarah/m1'), stamp);
    batch.update(doc(db, 'usulan/u1'), stamp);
    await allowed(batch.commit());
  });

  it('the operator cannot set a decision, a validation result or a final status', async () => {
    await seed({ 'musyawarah/m1': storedMusyawarah('diajukan'), 'usulan/u1': storedUsulan('diajukan') });
    const db = actors.operator();
    await denied(updateDoc(doc(db, 'usulan/u1'), { status: 'disetujui', updatedAt: serverTimestamp() }));
    await denied(updateDoc(doc(db, 'usulan/u1'), { validation: { ok: true, errors: [], warnings: [] }, updatedAt: serverTimestamp() }));
    await denied(updateDoc(doc(db, 'usulan/u1'), { household: household({ desil: 1 }), updatedAt: serverTimestamp() }));
  });

  it('dinas reads it but decides only through the callable, never by writing', async () => {
    await seed({ 'musyawarah/m1': storedMusyawarah('diajukan'), 'usulan/u1': storedUsulan('diajukan') });
    await allowed(getDoc(doc(actors.dinas(), 'usulan/u1')));
    await denied(updateDoc(doc(actors.dinas(), 'usulan/u1'), { status: 'disetujui', updatedAt: serverTimestamp() }));
    await denied(getDoc(doc(actors.otherDinas(), 'usulan/u1')));
    await denied(getDoc(doc(actors.otherOperator(), 'usulan/u1')));
  });

  it('one that failed validation can be taken back to draft to be corrected', async () => {
    await seed({ 'musyawarah/m1': storedMusyawarah('diajukan'), 'usulan/u1': { ...storedUsulan('tidak_lolos_validasi'), submittedAt: past, validation: { ok: false } } });
    const db = actors.operator();
    await allowed(updateDoc(doc(db, 'usulan/u1'), { status: 'draft', submittedAt: null, validation: null, updatedAt: serverTimestamp() }));
    await allowed(updateDoc(doc(db, 'usulan/u1'), { household: household({ desil: 3 }), updatedAt: serverTimestamp() }));
    await allowed(updateDoc(doc(db, 'usulan/u1'), { status: 'diajukan', submittedAt: serverTimestamp(), updatedAt: serverTimestamp() }));
  });
});

describe('register and configuration: read by whom it concerns, written by functions only', () => {
  const householdDoc = { ...wilayah, status: 'aktif', headName: 'Sutrisno' };
  const memberDoc = { ...wilayah, name: 'Sutrisno', nik: '1702061203840001', nikMasked: '1702••••••••0001' };

  beforeEach(async () => {
    await seed({
      'households/h1': householdDoc,
      'households/h1/members/a1': memberDoc,
      'nikIndex/abc': { householdId: 'h1', ...wilayah },
      'auditLog/e1': { kabupatenCode: KABUPATEN, desaCode: DESA.derati.desa, action: 'keluarga.ditambahkan' },
      'programs/PKH': { name: 'PKH' },
      [`policies/${KABUPATEN}`]: { staleness: {} },
    });
  });

  it('households and members: operator of the desa and dinas of the kabupaten read', async () => {
    for (const path of ['households/h1', 'households/h1/members/a1']) {
      await allowed(getDoc(doc(actors.operator(), path)));
      await allowed(getDoc(doc(actors.dinas(), path)));
      await denied(getDoc(doc(actors.otherOperator(), path)));
      await denied(getDoc(doc(actors.otherDinas(), path)));
      await denied(getDoc(doc(actors.signedOut(), path)));
    }
  });

  it('no client writes the register, the NIK index, the audit log or the configuration', async () => {
    for (const db of [actors.operator(), actors.dinas()]) {
      await denied(setDoc(doc(db, 'households/h2'), householdDoc));
      await denied(updateDoc(doc(db, 'households/h1'), { status: 'keluar' }));
      await denied(deleteDoc(doc(db, 'households/h1')));
      await denied(setDoc(doc(db, 'households/h1/members/a2'), memberDoc));
      await denied(setDoc(doc(db, 'nikIndex/def'), { householdId: 'h1' }));
      await denied(setDoc(doc(db, 'auditLog/e2'), { kabupatenCode: KABUPATEN }));
      await denied(deleteDoc(doc(db, 'auditLog/e1')));
      await denied(setDoc(doc(db, 'programs/PKH'), { name: 'PKH', desilMax: 10 }));
      await denied(setDoc(doc(db, `policies/${KABUPATEN}`), { staleness: {} }));
    }
  });

  it('the NIK index is unreadable from the client', async () => {
    await denied(getDoc(doc(actors.operator(), 'nikIndex/abc')));
    await denied(getDoc(doc(actors.dinas(), 'nikIndex/abc')));
  });

  it('the audit log is read by the kabupaten’s dinas only', async () => {
    await allowed(getDoc(doc(actors.dinas(), 'auditLog/e1')));
    await denied(getDoc(doc(actors.operator(), 'auditLog/e1')));
    await denied(getDoc(doc(actors.otherDinas(), 'auditLog/e1')));
  });

  it('program bands are readable when signed in; a kabupaten policy by its own people', async () => {
    await allowed(getDoc(doc(actors.operator(), 'programs/PKH')));
    await denied(getDoc(doc(actors.signedOut(), 'programs/PKH')));
    await allowed(getDoc(doc(actors.dinas(), `policies/${KABUPATEN}`)));
    await allowed(getDoc(doc(actors.operator(), `policies/${KABUPATEN}`)));
    await denied(getDoc(doc(actors.otherDinas(), `policies/${KABUPATEN}`)));
  });
});
