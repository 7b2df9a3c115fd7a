import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compare, indexFor, requirementOf, serves, type Comparison, type IndexFile } from '../support/index-rules.js';
import {
  analyseQueries,
  describeShape,
  grepQueryLines,
  projectSources,
  type FoundQuery,
  type QueryAnalysis,
  type QueryShape,
  type SourceSet,
} from '../support/query-shapes.js';

/**
 * firestore.indexes.json must hold every index the code's queries need, and nothing else. The
 * emulator runs any query without an index, so only production would notice a missing one (the
 * query fails) or a stale one (every write pays for it). This test finds the queries statically
 * (test/support/query-shapes.ts) and applies Firestore's index rules (test/support/index-rules.ts).
 */
const root = join(import.meta.dirname, '../..');
const indexFile = JSON.parse(readFileSync(join(root, 'firestore.indexes.json'), 'utf8')) as IndexFile;

const json = (value: unknown) => JSON.stringify(value, null, 2);
const sites = (q: FoundQuery) => `built at ${q.builtAt.join(', ') || '(a bare collection)'}; runs at ${q.runAt}`;

describe('firestore.indexes.json and the queries in the code', () => {
  const sources = projectSources(root);
  let analysis: QueryAnalysis;
  let comparison: Comparison;

  beforeAll(() => {
    analysis = analyseQueries(sources);
    comparison = compare(analysis.queries, indexFile);
  }, 60_000);

  it('analyses every query in the code (literal-typed field names, constructs it can follow)', () => {
    const report = analysis.problems.map((p) => `${p.at}: ${p.message}`);
    expect(report.length, `queries the index check cannot see:\n${report.join('\n')}\n`).toBe(0);
  });

  it('serves every query shape in the code with an index from firestore.indexes.json', () => {
    expect(analysis.queries.length).toBeGreaterThan(0);
    const report = comparison.missing.map((m) => {
      const [section, entry] = Object.entries(m.add)[0]!;
      const where =
        section === 'fieldOverrides'
          ? `add to "fieldOverrides" (or, if the field already has an entry there, add the index to it: an override replaces the field's automatic indexes, so keep its COLLECTION ones)`
          : `add to "indexes"`;
      return `${where}:\n${json(entry)}\nfor ${describeShape(m.shape)}, ${m.queries.map(sites).join('; and ')}`;
    });
    expect(report.length, `indexes missing from firestore.indexes.json:\n\n${report.join('\n\n')}\n`).toBe(0);
  });

  it('keeps no index in firestore.indexes.json that no query uses (stale indexes cost writes)', () => {
    const report = [
      ...comparison.staleIndexes.map((s) => `${s.why}:\n${json(s.index)}`),
      ...comparison.staleOverrides.map(
        (s) => `collection-group index on ${s.collectionGroup}.${s.fieldPath} (${json(s.entry)}) serves no collection-group query`,
      ),
    ];
    const caveat =
      analysis.problems.length > 0
        ? `\n(the analysis reported ${analysis.problems.length} problems, see the first test: a query it could not read may use these)`
        : '';
    expect(report.length, `remove from firestore.indexes.json:\n\n${report.join('\n\n')}${caveat}\n`).toBe(0);
  });

  it('finds at least every where(/orderBy( that a plain text grep finds', () => {
    const grep = grepQueryLines(sources);
    const missed = [...grep].filter((line) => !analysis.constraintLines.has(line));
    expect(grep.size).toBeGreaterThan(20);
    expect(missed.length, `lines with where(/orderBy( that the analysis did not take into a query:\n${missed.join('\n')}\n`).toBe(0);
    expect(analysis.constraintLines.size).toBeGreaterThanOrEqual(grep.size);
  });
});

// -------------------------------------------------------------------------------------------------
// The analysis itself, on small programs held in memory.

const snippetDir = join(root, 'test/__snippets__');

const SNIPPETS: Record<string, string> = {
  'admin/lib.ts': `
import { FieldPath, getFirestore, type CollectionReference, type DocumentData, type Query } from 'firebase-admin/firestore';

export const db = getFirestore();
export const COLLECTIONS = { households: 'households', members: 'members' } as const;

function collection<T extends DocumentData>(path: string): CollectionReference<T> {
  return db.collection(path) as CollectionReference<T>;
}

export const collections = {
  households: () => collection<{ desaCode: string }>(COLLECTIONS.households),
  members: (householdId: string) => collection(\`\${COLLECTIONS.households}/\${householdId}/\${COLLECTIONS.members}\`),
  allMembers: () => db.collectionGroup(COLLECTIONS.members),
};

export async function forEachPage<T>(query: Query<T>, pageSize: number): Promise<void> {
  let page = query.orderBy(FieldPath.documentId()).limit(pageSize);
  if (pageSize > 1) page = page.startAfter('x');
  await page.get(); // forEachPage runs
}
`,
  'admin/chains.ts': `
import { collections, db } from './lib';

export async function chains(desa: string) {
  await collections.households().where('desaCode', '==', desa).where('status', 'in', ['aktif']).orderBy('updatedAt', 'desc').limit(10).get();
  await collections.members('h1').where('status', '==', 'aktif').get();
  await db.runTransaction(async (tx) => tx.get(collections.households().where('kabupatenCode', '==', desa).orderBy('headName')));
  await collections
    .households()
    .where('desaCode', '==', desa)
    .orderBy('headName')
    .get();
}
`,
  'admin/variables.ts': `
import { FieldPath } from 'firebase-admin/firestore';
import { collections } from './lib';

export async function variables(kabupaten: string, since: Date | null) {
  const base = collections.households().where('kabupatenCode', '==', kabupaten);
  await base.where('status', '==', 'aktif').get();
  let query = base.where('status', '==', 'beku');
  if (since) query = query.where('updatedAt', '>=', since);
  query = query.orderBy('updatedAt', 'desc');
  await query.get();
  let page = base.orderBy(FieldPath.documentId());
  page = page.limit(10);
  await page.get();
}
`,
  'admin/parameters.ts': `
import { collections, forEachPage } from './lib';

export async function parameters(code: string) {
  await forEachPage(collections.households().where('desaCode', '==', code), 100);
  await forEachPage(collections.allMembers().where('kabupatenCode', '==', code), 100);
}
`,
  'admin/fields.ts': `
import { collections } from './lib';

type Scope = { level: 'desa' | 'kabupaten'; code: string };
const scopeField = (scope: Scope) => (scope.level === 'desa' ? 'desaCode' : 'kabupatenCode');

export async function fields(scope: Scope) {
  await collections.households().where(scopeField(scope), '==', scope.code).orderBy('headName').get();
}
`,
  'web/lib.ts': `
import { collection, getFirestore, onSnapshot, type Query } from 'firebase/firestore';

export const db = getFirestore();
export const collections = { usulan: () => collection(db, 'usulan'), households: () => collection(db, 'households') };

export function live<T>(make: () => Query<T> | null): void {
  const q = make();
  if (q) onSnapshot(q, () => undefined); // live runs
}
`,
  'web/client.ts': `
import { getDocs, limit, orderBy, query, where } from 'firebase/firestore';
import { collections, live } from './lib';

export async function client(desa: string | null, kecamatan: string) {
  await getDocs(query(collections.usulan(), where('desaCode', '==', desa), ...(kecamatan ? [where('kecamatanCode', '==', kecamatan)] : []), orderBy('updatedAt', 'desc'), limit(5)));
  live(() => (desa ? query(collections.households(), where('desaCode', '==', desa), orderBy('headName')) : null));
}

export async function dynamic(id: string) {
  const [{ getDocs: get, query: build, where: filter }] = await Promise.all([import('firebase/firestore')]);
  await get(build(collections.usulan(), filter('musyawarahId', '==', id)));
}
`,
  'web/Dasbor.svelte': `
<script lang="ts">
  import { getCountFromServer, orderBy, query, where, type QueryConstraint } from 'firebase/firestore';
  import { collections, live } from './lib';

  let { kabupaten, kecamatan }: { kabupaten: string | null; kecamatan: string } = $props();
  const near = $derived<QueryConstraint[] | null>(
    kabupaten ? [where('kabupatenCode', '==', kabupaten), ...(kecamatan ? [where('kecamatanCode', '==', kecamatan)] : [])] : null,
  );
  live(() => (near ? query(collections.households(), ...near, orderBy('staleness.freezesAt')) : null));
  const warned = $derived.by(() => [where('staleness.level', '==', 'peringatan')]);
  $effect(() => {
    void getCountFromServer(query(collections.households(), ...warned));
  });
</script>

<p>{kabupaten}</p>
`,
  'bad/non-literal.ts': `
import { collections } from '../admin/lib';

export async function nonLiteral(field: string, scope: { field: string; value: string }) {
  await collections.households().where(field, '==', 1).get();
  await collections.households().where(scope.field, '==', scope.value).get();
}
`,
  'bad/unanalysable.ts': `
import { collections } from '../admin/lib';

export async function unanalysable(code: string) {
  const holder = { query: collections.households().where('desaCode', '==', code) };
  await holder.query.get();
}
`,
  'bad/loop.ts': `
import { collections } from '../admin/lib';

export async function loop(fields: ('a' | 'b')[]) {
  let query = collections.households().where('desaCode', '==', 'x');
  for (const f of fields) query = query.where(f, '==', 1);
  await query.get();
}
`,
  'bad/filter.ts': `
import { Filter } from 'firebase-admin/firestore';
import { collections } from '../admin/lib';

export async function filter() {
  await collections.households().where(Filter.or(Filter.where('a', '==', 1), Filter.where('b', '==', 2))).get();
}
`,
  'bad/callback.ts': `
import type { Query } from 'firebase-admin/firestore';
import { collections } from '../admin/lib';

async function runAll(query: Query) {
  await query.orderBy('headName').get();
}
export const runner = runAll;

export async function callback() {
  await runAll(collections.households().where('desaCode', '==', 'x'));
}
`,
};

const snippets: SourceSet = {
  root: snippetDir,
  analysed: Object.keys(SNIPPETS).map((f) => join(snippetDir, f)),
  memory: new Map(Object.entries(SNIPPETS).map(([f, text]) => [join(snippetDir, f), text.slice(1)])),
};

/** `file:line` of the first line of a snippet containing `text`. */
function lineOf(file: string, text: string): string {
  const lines = SNIPPETS[file]!.slice(1).split('\n');
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`${text} not in ${file}`);
  return `${file}:${i + 1}`;
}

describe('the query analysis', () => {
  let found: QueryAnalysis;
  beforeAll(() => {
    found = analyseQueries(snippets);
  }, 60_000);

  /** The shapes of the queries built in one file, described one per line. */
  const shapesBuiltIn = (file: string) =>
    new Set(found.queries.filter((q) => q.builtAt.some((at) => at.startsWith(`${file}:`))).map((q) => describeShape(q.shape)));
  const problemsIn = (dir: string) => found.problems.filter((p) => p.at.startsWith(dir));

  it('follows admin method chains, subcollections and transactions', () => {
    expect(shapesBuiltIn('admin/chains.ts')).toEqual(
      new Set([
        'households where desaCode ==, status in order by updatedAt desc',
        'households where desaCode == order by headName',
        'households where kabupatenCode == order by headName',
        'members where status ==',
      ]),
    );
    const tx = found.queries.find((q) => q.shape.filters[0]?.field === 'kabupatenCode' && q.builtAt.some((at) => at.startsWith('admin/chains.ts')));
    expect(tx?.runAt).toBe(lineOf('admin/chains.ts', 'runTransaction'));
    // A chain over several lines is placed line by line, as a grep places it.
    expect(found.constraintLines).toContain(lineOf('admin/chains.ts', "    .where('desaCode'"));
    expect(found.constraintLines).toContain(lineOf('admin/chains.ts', "    .orderBy('headName')"));
  });

  it('takes every combination a reassigned let can hold, and a const reused', () => {
    expect(shapesBuiltIn('admin/variables.ts')).toEqual(
      new Set([
        'households where kabupatenCode ==, status ==',
        'households where kabupatenCode ==, status ==, updatedAt >= order by updatedAt desc',
        'households where kabupatenCode ==, status == order by updatedAt desc',
        'households where kabupatenCode == order by __name__',
      ]),
    );
  });

  it('follows a query parameter to every call site and adds what the function adds', () => {
    expect(shapesBuiltIn('admin/parameters.ts')).toEqual(
      new Set(['households where desaCode == order by __name__', 'members (collection group) where kabupatenCode == order by __name__']),
    );
    const runs = found.queries.filter((q) => q.builtAt.some((at) => at.startsWith('admin/parameters.ts'))).map((q) => q.runAt);
    expect(new Set(runs)).toEqual(new Set([lineOf('admin/lib.ts', 'forEachPage runs')]));
  });

  it('takes each member of a string-literal union as a field name', () => {
    expect(shapesBuiltIn('admin/fields.ts')).toEqual(
      new Set(['households where desaCode == order by headName', 'households where kabupatenCode == order by headName']),
    );
  });

  it('follows the client SDK: query() with spread and conditional constraints, a conditional query through a helper, a dynamic import', () => {
    expect(shapesBuiltIn('web/client.ts')).toEqual(
      new Set([
        'households where desaCode == order by headName',
        'usulan where desaCode ==, kecamatanCode == order by updatedAt desc',
        'usulan where desaCode == order by updatedAt desc',
        'usulan where musyawarahId ==',
      ]),
    );
  });

  it('reads the script of a .svelte component, unwrapping $derived and $derived.by, and reports its lines', () => {
    expect(shapesBuiltIn('web/Dasbor.svelte')).toEqual(
      new Set([
        'households where kabupatenCode ==, kecamatanCode == order by staleness.freezesAt',
        'households where kabupatenCode == order by staleness.freezesAt',
        'households where staleness.level ==',
      ]),
    );
    expect(found.constraintLines).toContain(lineOf('web/Dasbor.svelte', "where('staleness.level'"));
  });

  it('accepts all the good snippets without a problem', () => {
    expect(problemsIn('admin/')).toEqual([]);
    expect(problemsIn('web/')).toEqual([]);
  });

  it('fails on a field name that is not typed as string literals, naming the file and line', () => {
    const problems = problemsIn('bad/non-literal.ts');
    expect(problems.map((p) => p.at)).toEqual([lineOf('bad/non-literal.ts', 'where(field'), lineOf('bad/non-literal.ts', 'where(scope.field')]);
    for (const p of problems) expect(p.message).toMatch(/has type `string`.*string-literal union/);
  });

  it('fails on a construct it cannot follow instead of skipping it', () => {
    expect(problemsIn('bad/unanalysable.ts')).toEqual([
      { at: lineOf('bad/unanalysable.ts', 'const holder'), message: expect.stringMatching(/not part of any query the analysis saw run/) },
      { at: lineOf('bad/unanalysable.ts', 'holder.query.get'), message: expect.stringMatching(/cannot follow a PropertyAccessExpression/) },
    ]);
    expect(problemsIn('bad/loop.ts')).toContainEqual({
      at: lineOf('bad/loop.ts', 'for (const f'),
      message: expect.stringMatching(/reassigned inside .*ForOfStatement/),
    });
    expect(problemsIn('bad/filter.ts')).toContainEqual({ at: lineOf('bad/filter.ts', 'Filter.or'), message: expect.stringMatching(/Filter object/) });
    expect(problemsIn('bad/callback.ts')).toContainEqual({
      at: lineOf('bad/callback.ts', 'runner = runAll'),
      message: expect.stringMatching(/`runAll` is used as a value/),
    });
  });

  it('is checked against a plain grep: the bad snippets leave grep lines the analysis could not take', () => {
    const missed = [...grepQueryLines(snippets)].filter((line) => !found.constraintLines.has(line) || found.problems.some((p) => p.at === line));
    expect(missed.every((line) => line.startsWith('bad/'))).toBe(true);
    expect(missed).toContain(lineOf('bad/non-literal.ts', 'where(field'));
  });
});

// -------------------------------------------------------------------------------------------------
// Firestore's index rules, on shapes written by hand.

const shape = (
  collectionGroup: string,
  filters: [string, QueryShape['filters'][number]['op']][],
  orderBy: [string, 'asc' | 'desc'][] = [],
  queryScope: QueryShape['queryScope'] = 'COLLECTION',
): QueryShape => ({
  collectionGroup,
  queryScope,
  filters: filters.map(([field, op]) => ({ field, op })),
  orderBy: orderBy.map(([field, d]) => ({ field, direction: d === 'desc' ? 'DESCENDING' : 'ASCENDING' })),
});
const asc = (fieldPath: string) => ({ fieldPath, order: 'ASCENDING' as const });
const desc = (fieldPath: string) => ({ fieldPath, order: 'DESCENDING' as const });
const composite = (s: QueryShape) => {
  const req = requirementOf(s);
  if (req.kind !== 'composite') throw new Error(`${describeShape(s)} needs no composite index`);
  return req;
};

describe('the index rules', () => {
  it('needs no composite index for equality filters alone, one field alone, or paging by document id', () => {
    expect(
      requirementOf(
        shape('usulan', [
          ['desaCode', '=='],
          ['musyawarahId', '=='],
          ['status', 'in'],
        ]),
      ).kind,
    ).toBe('single-field');
    expect(requirementOf(shape('households', [['lastVervalAt', '<']], [['lastVervalAt', 'desc']])).kind).toBe('single-field');
    expect(requirementOf(shape('households', [['kabupatenCode', '==']], [['__name__', 'asc']])).kind).toBe('single-field');
    expect(requirementOf(shape('households', [['kabupatenCode', '==']], [['__name__', 'desc']])).kind).toBe('composite');
  });

  it('counts in as an equality and != / not-in as inequalities', () => {
    expect(
      requirementOf(
        shape('usulan', [
          ['kabupatenCode', '=='],
          ['status', 'in'],
        ]),
      ).kind,
    ).toBe('single-field');
    expect(
      indexFor(
        composite(
          shape('usulan', [
            ['kabupatenCode', '=='],
            ['status', 'not-in'],
          ]),
        ),
      ).fields,
    ).toEqual([asc('kabupatenCode'), asc('status')]);
    expect(
      indexFor(
        composite(
          shape(
            'usulan',
            [
              ['kabupatenCode', '=='],
              ['status', '!='],
            ],
            [['updatedAt', 'desc']],
          ),
        ),
      ).fields,
    ).toEqual([asc('kabupatenCode'), desc('updatedAt'), desc('status')]);
  });

  it('puts equality fields first in any order, then the orders, an inequality implicitly ordered ascending', () => {
    const req = composite(
      shape('households', [
        ['kabupatenCode', '=='],
        ['status', '=='],
        ['lastVervalAt', '<'],
      ]),
    );
    expect(indexFor(req).fields).toEqual([asc('kabupatenCode'), asc('status'), asc('lastVervalAt')]);
    const index = (fields: { fieldPath: string; order: 'ASCENDING' | 'DESCENDING' }[]) => ({
      collectionGroup: 'households',
      queryScope: 'COLLECTION' as const,
      fields,
    });
    expect(serves(index([asc('status'), asc('kabupatenCode'), asc('lastVervalAt')]), req)).toBe(true);
    expect(serves(index([asc('kabupatenCode'), asc('status'), asc('lastVervalAt'), asc('__name__')]), req)).toBe(true);
    expect(serves(index([asc('kabupatenCode'), asc('lastVervalAt'), asc('status')]), req)).toBe(false);
    expect(serves(index([asc('kabupatenCode'), asc('status'), desc('lastVervalAt')]), req)).toBe(false);
    expect(serves({ ...index([asc('kabupatenCode'), asc('status'), asc('lastVervalAt')]), queryScope: 'COLLECTION_GROUP' }, req)).toBe(false);
  });

  it('leaves out a trailing __name__ only when Firestore would add the same one', () => {
    const same = composite(shape('usulan', [['kabupatenCode', '==']], [['updatedAt', 'desc']]));
    expect(indexFor(same).fields).toEqual([asc('kabupatenCode'), desc('updatedAt')]);
    const other = composite(
      shape(
        'usulan',
        [['kabupatenCode', '==']],
        [
          ['updatedAt', 'desc'],
          ['__name__', 'asc'],
        ],
      ),
    );
    expect(indexFor(other).fields).toEqual([asc('kabupatenCode'), desc('updatedAt'), asc('__name__')]);
    expect(serves(indexFor(same), other)).toBe(false);
  });

  it('needs a declared collection-group single-field index for a collection-group query, and calls unused indexes stale', () => {
    const groupQuery: FoundQuery = {
      shape: shape('members', [['desaCode', '==']], [['__name__', 'asc']], 'COLLECTION_GROUP'),
      builtAt: ['a.ts:1'],
      runAt: 'a.ts:2',
    };
    const none = compare([groupQuery], { indexes: [] });
    expect(none.missing.map((m) => m.add)).toEqual([
      { fieldOverrides: { collectionGroup: 'members', fieldPath: 'desaCode', indexes: [{ order: 'ASCENDING', queryScope: 'COLLECTION_GROUP' }] } },
    ]);
    const file: IndexFile = {
      indexes: [
        { collectionGroup: 'members', queryScope: 'COLLECTION', fields: [asc('desaCode'), asc('name')] },
        { collectionGroup: 'members', queryScope: 'COLLECTION', fields: [asc('desaCode'), asc('name'), asc('__name__')] },
      ],
      fieldOverrides: [
        {
          collectionGroup: 'members',
          fieldPath: 'desaCode',
          indexes: [
            { order: 'ASCENDING', queryScope: 'COLLECTION' },
            { order: 'ASCENDING', queryScope: 'COLLECTION_GROUP' },
          ],
        },
        { collectionGroup: 'members', fieldPath: 'kabupatenCode', indexes: [{ order: 'ASCENDING', queryScope: 'COLLECTION_GROUP' }] },
        { collectionGroup: 'statsEvents', fieldPath: 'expireAt', ttl: true, indexes: [] },
      ],
    };
    const nameQuery: FoundQuery = { shape: shape('members', [['desaCode', '==']], [['name', 'asc']]), builtAt: ['b.ts:1'], runAt: 'b.ts:1' };
    const result = compare([groupQuery, nameQuery], file);
    expect(result.missing).toEqual([]);
    expect(result.staleIndexes).toEqual([{ index: file.indexes[1], why: 'repeats index #1 of the file' }]);
    expect(result.staleOverrides).toEqual([
      { collectionGroup: 'members', fieldPath: 'kabupatenCode', entry: { order: 'ASCENDING', queryScope: 'COLLECTION_GROUP' } },
    ]);
  });

  it('knows that a field override replaces the automatic indexes of that field', () => {
    const query: FoundQuery = { shape: shape('statsEvents', [['expireAt', '<']]), builtAt: ['c.ts:1'], runAt: 'c.ts:1' };
    const file: IndexFile = { indexes: [], fieldOverrides: [{ collectionGroup: 'statsEvents', fieldPath: 'expireAt', ttl: true, indexes: [] }] };
    expect(compare([query], file).missing).toHaveLength(1);
    expect(compare([query], { indexes: [] }).missing).toEqual([]);
  });
});
