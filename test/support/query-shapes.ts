import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Finds every Firestore query the code runs, statically, with the TypeScript compiler API, and
 * reduces each to its shape (collection, filters, orders) so `firestore-indexes.test.ts` can compare
 * the shapes with firestore.indexes.json.
 *
 * The analysis starts where a query is *run* (admin `.get()`, `.stream()`, `.count()`,
 * `.onSnapshot()`, `tx.get(query)`; client `getDocs`, `onSnapshot`, `getCountFromServer`, ...) and
 * evaluates the query expression backwards into every shape it can have:
 * - admin method chains (`where`, `orderBy`; `limit`, cursors, `select`, `withConverter` pass through);
 * - client `query(ref, ...constraints)`, with spreads of arrays, conditionals and `$derived(...)`;
 * - conditionals (`c ? q1 : q2`, `c ? q : null`), `const`s, and `let`s reassigned in straight-line
 *   code and `if`s (each conditional reassignment is taken and not taken);
 * - calls of project functions (their `return`s, with the call's arguments bound to the
 *   parameters) and parameters of project functions (followed to every call site), which covers
 *   `forEachPage(query, ...)`, `liveQuery(() => query(...))` and the typed `collections.x()`;
 * - collection references from `db.collection(path)`, `db.collectionGroup(id)`,
 *   `collection(db, path)`, `collectionGroup(db, id)`, the path resolved through types and bound
 *   parameters (`${COLLECTIONS.households}/${id}/${COLLECTIONS.members}` is the `members`
 *   collection).
 * Field names, operators and directions come from the type checker: a string-literal type (or a
 * union of them, each taken) is what the analysis can see; anything else is a problem reported
 * with its file and line, and so is every construct the analysis cannot follow. Nothing is
 * skipped silently: a `where`/`orderBy` that no run query reached is a problem too.
 *
 * Limits (each errs towards asking for an index or reporting a problem, never towards a pass):
 * - a parameter the evaluation did not bind is the union of what every call site passes, and a
 *   reassignment under `if` counts as possibly done even when that branch returns early, so a
 *   combination the code never runs can show up;
 * - reassignments in loops, `switch` or `try`, queries kept in object properties, arrays or class
 *   fields, `and()`/`or()`/`Filter` filters, recursion, and parameters of inline callbacks are
 *   reported, not followed;
 * - only `<script>` blocks of `.svelte` files are read; a query written in the markup is caught by
 *   the grep check in the test, not analysed;
 * - every file under node_modules but the Firestore SDKs, zod, svelte's rune declarations and the
 *   ES libraries is read as empty, so types from elsewhere are `any` (reported where it matters).
 */

export type FilterOp = '==' | 'in' | 'array-contains' | 'array-contains-any' | '<' | '<=' | '>' | '>=' | '!=' | 'not-in';
export type Direction = 'ASCENDING' | 'DESCENDING';
export type QueryScope = 'COLLECTION' | 'COLLECTION_GROUP';

export interface QueryShape {
  collectionGroup: string;
  queryScope: QueryScope;
  filters: { field: string; op: FilterOp }[];
  orderBy: { field: string; direction: Direction }[];
}

export interface FoundQuery {
  shape: QueryShape;
  /** `file:line` of each call that shaped the query (`where`, `orderBy`, the client's `query(...)`); empty for a bare collection. */
  builtAt: string[];
  /** `file:line` where it runs. */
  runAt: string;
}

export interface Problem {
  at: string;
  message: string;
}

export interface QueryAnalysis {
  queries: FoundQuery[];
  problems: Problem[];
  /** `file:line` of every `where(`/`orderBy(` call the analysis took into a run query. */
  constraintLines: Set<string>;
}

const FILTER_OPS = new Set<string>(['==', 'in', 'array-contains', 'array-contains-any', '<', '<=', '>', '>=', '!=', 'not-in']);
/** Admin query methods that return a query served by the same index (`where` and `orderBy` are handled apart). */
const ADMIN_PASS_THROUGH = new Set(['limit', 'limitToLast', 'offset', 'startAt', 'startAfter', 'endAt', 'endBefore', 'select', 'withConverter']);
/** Admin query methods that run it. `get` with an argument is `Transaction.get(query)`. */
const ADMIN_RUNNERS = new Set(['get', 'stream', 'onSnapshot', 'count', 'aggregate', 'explain', 'explainStream']);
/** Client SDK (firebase/firestore) functions that run a query passed as their first argument. */
const CLIENT_RUNNERS = new Set([
  'getDocs',
  'getDocsFromCache',
  'getDocsFromServer',
  'onSnapshot',
  'getCountFromServer',
  'getAggregateFromServer',
  'getCount',
  'getAggregate',
]);
const CLIENT_PASS_THROUGH = new Set(['limit', 'limitToLast', 'startAt', 'startAfter', 'endAt', 'endBefore']);
/** Every SDK function or method name the analysis looks at; other callees are never type-checked. */
const SDK_NAMES = new Set([
  ...ADMIN_RUNNERS,
  ...CLIENT_RUNNERS,
  ...CLIENT_PASS_THROUGH,
  ...ADMIN_PASS_THROUGH,
  'query',
  'where',
  'orderBy',
  'collection',
  'collectionGroup',
  'documentId',
  'and',
  'or',
]);
const CLIENT_DECLARATIONS = /\/node_modules\/@firebase\/firestore\//;
const ADMIN_DECLARATIONS = /\/node_modules\/@google-cloud\/firestore\//;
/** The SDKs' query classes, recognised by name and by the declaration file they come from. */
const QUERY_TYPE_NAMES = new Set(['Query', 'CollectionReference', 'CollectionGroup']);
const SDK_DECLARATIONS = /node_modules\/(@google-cloud\/firestore|@firebase\/firestore|firebase-admin|firebase)\//;
/** More alternatives than this for one expression means the code combines conditions the test cannot enumerate usefully. */
const MAX_ALTERNATIVES = 256;

// ---------------------------------------------------------------------------------------------
// Sources and program

export interface SourceSet {
  /** Absolute directory that `file:line` locations are relative to (the repository root). */
  root: string;
  /** Absolute names of the files whose queries are analysed (`.svelte` files by their real name). */
  analysed: string[];
  /** In-memory file contents by absolute name; the rest is read from disk. */
  memory?: Map<string, string>;
  /** `$lib/*`-style aliases: alias prefix → absolute directory. */
  aliases?: Record<string, string>;
}

/** The code of a `.svelte` file's `<script>` blocks, at their original offsets (everything else blanked, newlines kept). */
export function svelteScript(text: string): string {
  let out = text.replace(/[^\n]/g, ' ');
  for (const m of text.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/g)) {
    const start = (m.index ?? 0) + (m[1] ?? '').length;
    const code = m[2] ?? '';
    out = out.slice(0, start) + code + out.slice(start + code.length);
  }
  return out;
}

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, keep) : keep(path) ? [path] : [];
  });
}

/** Tepat's query code: the functions (without the pure domain module) and the portal (`.ts` and `.svelte`). */
export function projectSources(root: string): SourceSet {
  const functionsSrc = join(root, 'functions/src');
  const domain = join(functionsSrc, 'domain');
  const functions = filesUnder(functionsSrc, (p) => p.endsWith('.ts') && !p.startsWith(domain + '/') && !p.endsWith('.test.ts'));
  const web = filesUnder(join(root, 'web/src'), (p) => (p.endsWith('.ts') || p.endsWith('.svelte')) && !p.endsWith('.test.ts'));
  return {
    root,
    analysed: [...functions, ...web].sort(),
    aliases: { '$lib/': join(root, 'web/src/lib/'), '$domain/': join(root, 'functions/src/domain/') },
  };
}

/**
 * Declaration files whose text matters to the analysis; every other file under node_modules is
 * read as empty, which keeps the program small (its types become `any`, and an `any` field name
 * or an unrecognised query is a reported problem, never a silent pass).
 */
const PARSED_PACKAGES = [
  /node_modules\/typescript\/lib\/lib\.(?!dom|webworker|scripthost)[\w.]+\.d\.ts$/,
  /node_modules\/@google-cloud\/firestore\/types\/firestore\.d\.ts$/,
  /node_modules\/firebase-admin\/lib\/firestore\//,
  /node_modules\/firebase-admin\/lib\/app\//,
  /node_modules\/firebase\/firestore\//,
  /node_modules\/@firebase\/firestore\/dist\/(index|lite\/index)\.d\.ts$/,
  /node_modules\/@firebase\/app\/dist\/app-public\.d\.ts$/,
  /node_modules\/firebase\/app\//,
  /node_modules\/zod\//,
  /node_modules\/svelte\/types\/index\.d\.ts$/,
];

/** Parsed declaration files, shared by every program this process builds (they never change). */
const libraryCache = new Map<string, ts.SourceFile>();

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowJs: false,
  lib: ['lib.es2023.d.ts'],
  types: [],
};

/** The in-memory name of a `.svelte` file's script: `X.svelte.ts`, which `import './X.svelte'` also resolves to. */
const scriptName = (file: string) => (file.endsWith('.svelte') ? `${file}.ts` : file);

export function buildProgram(sources: SourceSet): ts.Program {
  const memory = new Map(sources.memory ?? []);
  for (const file of sources.analysed) {
    if (!file.endsWith('.svelte')) continue;
    const text = memory.get(file) ?? readFileSync(file, 'utf8');
    const name = scriptName(file);
    if (memory.has(name) || safeExists(name)) throw new Error(`${name} exists next to ${file}; the analysis names a component's script that way`);
    memory.set(name, svelteScript(text));
  }
  const options: ts.CompilerOptions = {
    ...COMPILER_OPTIONS,
    paths: Object.fromEntries(Object.entries(sources.aliases ?? {}).map(([alias, dir]) => [`${alias}*`, [`${dir}*`]])),
  };
  const host = ts.createCompilerHost(options, true);
  const disk = { fileExists: host.fileExists.bind(host), readFile: host.readFile.bind(host), getSourceFile: host.getSourceFile.bind(host) };
  const memoryDirs = new Set(
    [...memory.keys()].flatMap((f) =>
      f
        .split('/')
        .slice(1, -1)
        .map((_, i, parts) => `/${parts.slice(0, i + 1).join('/')}`),
    ),
  );
  host.fileExists = (f) => memory.has(f) || disk.fileExists(f);
  host.directoryExists = (d) => memoryDirs.has(d.replace(/\/$/, '')) || ts.sys.directoryExists(d);
  host.readFile = (f) => memory.get(f) ?? disk.readFile(f);
  host.getSourceFile = (f, languageVersion, onError) => {
    const text = memory.get(f);
    if (text !== undefined) return ts.createSourceFile(f, text, languageVersion, true, ts.ScriptKind.TS);
    if (!f.includes('/node_modules/')) return disk.getSourceFile(f, languageVersion, onError);
    let cached = libraryCache.get(f);
    if (!cached) {
      const parsed = PARSED_PACKAGES.some((p) => p.test(f));
      cached = ts.createSourceFile(f, parsed ? (disk.readFile(f) ?? '') : '', languageVersion, true);
      libraryCache.set(f, cached);
    }
    return cached;
  };
  const rootNames = [...sources.analysed.map(scriptName), ...[...memory.keys()].filter((f) => !sources.analysed.includes(f) && f.endsWith('.ts'))];
  const svelteTypes = ts.sys.resolvePath(join(sources.root, 'node_modules/svelte/types/index.d.ts'));
  if (sources.analysed.some((f) => f.endsWith('.svelte') || f.endsWith('.svelte.ts'))) rootNames.push(svelteTypes);
  return ts.createProgram({ rootNames: [...new Set(rootNames)], options, host });
}

function safeExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Values the evaluation works with

type Constraint =
  | { kind: 'where'; field: string; op: FilterOp; at: string }
  | { kind: 'orderBy'; field: string; direction: Direction; at: string }
  | { kind: 'other'; at: string };

type FunctionNode = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

type Value =
  | { kind: 'query'; collectionGroup: string; queryScope: QueryScope; constraints: Constraint[]; builtAt: string[] }
  | { kind: 'constraint'; constraint: Constraint }
  | { kind: 'constraints'; list: Constraint[] }
  | { kind: 'function'; node: FunctionNode; env: Env };

type QueryValue = Extract<Value, { kind: 'query' }>;

interface Binding {
  expr: ts.Expression | undefined;
  env: Env;
}

/** Parameter bindings of one function invocation and `let` values at one point, chained to the enclosing scope. */
class Env {
  constructor(
    readonly parent: Env | undefined,
    readonly params = new Map<ts.Symbol, Binding>(),
    readonly locals = new Map<ts.Symbol, Value[]>(),
  ) {}

  param(symbol: ts.Symbol): Binding | undefined {
    return this.params.get(symbol) ?? this.parent?.param(symbol);
  }

  local(symbol: ts.Symbol): Value[] | undefined {
    return this.locals.get(symbol) ?? this.parent?.local(symbol);
  }

  withLocal(symbol: ts.Symbol, values: Value[]): Env {
    return new Env(this, new Map(), new Map([[symbol, values]]));
  }
}

const keyOf = (v: Value): string => {
  switch (v.kind) {
    case 'query':
      return JSON.stringify([v.collectionGroup, v.queryScope, v.constraints, v.builtAt]);
    case 'constraint':
      return JSON.stringify(v.constraint);
    case 'constraints':
      return JSON.stringify(v.list);
    case 'function':
      return `fn@${v.node.getSourceFile().fileName}:${v.node.pos}:${envId(v.env)}`;
  }
};

const envIds = new WeakMap<Env, number>();
let nextEnvId = 0;
function envId(env: Env): number {
  let id = envIds.get(env);
  if (id === undefined) envIds.set(env, (id = nextEnvId++));
  return id;
}

function unique<T extends Value>(values: T[]): T[] {
  const seen = new Map<string, T>();
  for (const v of values) seen.set(keyOf(v), v);
  return [...seen.values()];
}

class Unanalysable extends Error {}

// ---------------------------------------------------------------------------------------------
// The analysis

export function analyseQueries(sources: SourceSet, program = buildProgram(sources)): QueryAnalysis {
  return new Analyser(sources, program).run();
}

class Analyser {
  private readonly checker: ts.TypeChecker;
  private readonly problems = new Map<string, Problem>();
  private readonly consumed = new Set<string>();
  private readonly analysedFiles: ts.SourceFile[];
  private readonly projectFiles: ts.SourceFile[];
  private readonly names = new Map<ts.SourceFile, Map<string, ts.Identifier[]>>();
  private readonly invoking: FunctionNode[] = [];
  private readonly resolvingParams = new Set<ts.Symbol>();

  constructor(
    private readonly sources: SourceSet,
    program: ts.Program,
  ) {
    this.checker = program.getTypeChecker();
    this.analysedFiles = sources.analysed.map((f) => {
      const sf = program.getSourceFile(scriptName(f));
      if (!sf) throw new Error(`not in the program: ${f}`);
      return sf;
    });
    this.projectFiles = program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && !sf.fileName.includes('/node_modules/'));
  }

  run(): QueryAnalysis {
    const queries = new Map<string, FoundQuery>();
    for (const sf of this.analysedFiles) {
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node)) {
          const runs = this.runQueryExpression(node);
          if (runs) {
            for (const q of this.queriesOf(runs, node)) {
              const found: FoundQuery = { shape: shapeOf(q), builtAt: [...new Set(q.builtAt)].sort(compareLocations), runAt: this.at(node) };
              queries.set(JSON.stringify(found), found);
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    this.reportUnreachedConstraints();
    return {
      queries: [...queries.values()],
      problems: [...this.problems.values()].sort((a, b) => compareLocations(a.at, b.at)),
      constraintLines: this.consumed,
    };
  }

  /** The query expression a call runs, if it runs one. */
  private runQueryExpression(call: ts.CallExpression): ts.Expression | undefined {
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee) && ADMIN_RUNNERS.has(callee.name.text)) {
      const [first] = call.arguments;
      if (callee.name.text === 'get' && first) return this.isQueryTyped(first) ? first : undefined;
      return this.isQueryTyped(callee.expression) ? callee.expression : undefined;
    }
    const client = this.clientFunction(callee);
    if (client && CLIENT_RUNNERS.has(client)) {
      const [first] = call.arguments;
      return first && this.isQueryTyped(first) ? first : undefined;
    }
    return undefined;
  }

  private queriesOf(expr: ts.Expression, runAt: ts.Node): QueryValue[] {
    const values = this.evaluate(expr, new Env(undefined));
    const queries: QueryValue[] = [];
    for (const v of values) {
      if (v.kind === 'query') queries.push(v);
      else this.problem(runAt, `this runs something the analysis evaluated to a ${v.kind}, not a query`);
    }
    return queries;
  }

  /**
   * Every `where`/`orderBy` call in the analysed files must have been taken into a run query; one
   * whose query or function type is unknown (`any`: an import that did not resolve) is reported too.
   */
  private reportUnreachedConstraints(): void {
    for (const sf of this.analysedFiles) {
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && this.isConstraintCall(node) && !this.consumed.has(this.at(node))) {
          this.problem(
            node,
            `\`${brief(node.expression)}(...)\` is not part of any query the analysis saw run (get/stream/count/onSnapshot/tx.get, getDocs/onSnapshot/getCountFromServer); follow it to where it runs or teach the analysis this pattern`,
          );
        } else if (ts.isCallExpression(node) && this.isUntypedConstraintCall(node)) {
          this.problem(
            node,
            `\`${brief(node.expression)}(...)\` has type \`any\` here, so the analysis cannot tell whether it builds a Firestore query (an import that does not resolve?)`,
          );
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }

  private isUntypedConstraintCall(call: ts.CallExpression): boolean {
    const callee = skipOuter(call.expression);
    const name = this.calleeName(callee);
    if (name !== 'where' && name !== 'orderBy') return false;
    const typed = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
    return (this.checker.getTypeAtLocation(typed).flags & ts.TypeFlags.Any) !== 0;
  }

  private isConstraintCall(call: ts.CallExpression): boolean {
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee)) return (callee.name.text === 'where' || callee.name.text === 'orderBy') && this.isQueryTyped(callee.expression);
    const client = this.clientFunction(callee);
    return client === 'where' || client === 'orderBy';
  }

  // -- evaluation ------------------------------------------------------------------------------

  private evaluate(expr: ts.Expression, env: Env): Value[] {
    try {
      const values = unique(this.evaluateInner(skipOuter(expr), env));
      if (values.length > MAX_ALTERNATIVES)
        throw this.unanalysable(expr, `more than ${MAX_ALTERNATIVES} alternative queries; simplify the conditions that build it`);
      return values;
    } catch (e) {
      if (e instanceof Unanalysable) return [];
      throw e;
    }
  }

  private evaluateInner(expr: ts.Expression, env: Env): Value[] {
    if (expr.kind === ts.SyntaxKind.NullKeyword || ts.isVoidExpression(expr) || (ts.isIdentifier(expr) && expr.text === 'undefined')) return [];
    if (ts.isConditionalExpression(expr)) return [...this.evaluate(expr.whenTrue, env), ...this.evaluate(expr.whenFalse, env)];
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.CommaToken) return this.evaluate(expr.right, env);
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken)
        return [...this.evaluate(expr.left, env), ...this.evaluate(expr.right, env)];
    }
    if (ts.isArrayLiteralExpression(expr)) return this.evaluateArray(expr, env);
    if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) return [{ kind: 'function', node: expr, env }];
    if (ts.isCallExpression(expr)) return this.evaluateCall(expr, env);
    if (ts.isIdentifier(expr)) return this.evaluateIdentifier(expr, env);
    throw this.unanalysable(expr, `cannot follow a ${ts.SyntaxKind[expr.kind]} to a Firestore query or constraint`);
  }

  private evaluateArray(array: ts.ArrayLiteralExpression, env: Env): Value[] {
    let lists: Constraint[][] = [[]];
    for (const element of array.elements) {
      if (ts.isOmittedExpression(element)) continue;
      const alternatives: Constraint[][] = [];
      if (ts.isSpreadElement(element)) {
        for (const v of this.evaluate(element.expression, env)) {
          if (v.kind !== 'constraints') throw this.unanalysable(element, `spreads a ${v.kind} where a list of query constraints was expected`);
          alternatives.push(v.list);
        }
      } else {
        for (const v of this.evaluate(element, env)) {
          if (v.kind !== 'constraint') throw this.unanalysable(element, `is a ${v.kind} where a query constraint was expected`);
          alternatives.push([v.constraint]);
        }
      }
      lists = lists.flatMap((l) => alternatives.map((a) => [...l, ...a]));
    }
    return lists.map((list) => ({ kind: 'constraints', list }));
  }

  private evaluateCall(call: ts.CallExpression, env: Env): Value[] {
    const callee = skipOuter(call.expression);
    const client = this.clientFunction(callee);
    if (client) return this.evaluateClientCall(client, call, env);
    if (ts.isIdentifier(callee) && callee.text === '$derived') return this.evaluate(argument(call, 0), env);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (ts.isIdentifier(callee.expression) && callee.expression.text === '$derived' && method === 'by')
        return this.invokeAll(this.evaluate(argument(call, 0), env), call, [], env);
      if ((method === 'where' || method === 'orderBy' || ADMIN_PASS_THROUGH.has(method)) && this.isQueryTyped(callee.expression)) {
        const constraints =
          method === 'where'
            ? this.whereConstraints(call, call.arguments, env)
            : method === 'orderBy'
              ? this.orderConstraints(call, call.arguments, env)
              : [{ kind: 'other', at: this.at(call) } as Constraint];
        return this.evaluate(callee.expression, env).flatMap((q) => {
          if (q.kind !== 'query') throw this.unanalysable(callee.expression, `is a ${q.kind}, not a query`);
          return constraints.map((c) => appendConstraints(q, [c], this.at(call)));
        });
      }
      if ((method === 'collection' || method === 'collectionGroup') && this.isAdminFirestoreOrDocument(callee.expression)) {
        return [this.collectionRoot(call, method === 'collectionGroup' ? 'COLLECTION_GROUP' : 'COLLECTION', [argument(call, 0)], env)];
      }
    }
    return this.invokeAll(this.functionsOf(callee, env), call, [...call.arguments], env);
  }

  private evaluateClientCall(name: string, call: ts.CallExpression, env: Env): Value[] {
    switch (name) {
      case 'query': {
        const [base, ...rest] = call.arguments;
        if (!base) throw this.unanalysable(call, 'query() without a collection');
        let lists: Constraint[][] = [[]];
        for (const arg of rest) {
          const alternatives: Constraint[][] = [];
          const spread = ts.isSpreadElement(arg);
          for (const v of this.evaluate(spread ? arg.expression : arg, env)) {
            if (spread && v.kind === 'constraints') alternatives.push(v.list);
            else if (!spread && v.kind === 'constraint') alternatives.push([v.constraint]);
            else throw this.unanalysable(arg, `is a ${v.kind} where ${spread ? 'a list of query constraints' : 'a query constraint'} was expected`);
          }
          lists = lists.flatMap((l) => alternatives.map((a) => [...l, ...a]));
        }
        return this.evaluate(base, env).flatMap((q) => {
          if (q.kind !== 'query') throw this.unanalysable(base, `is a ${q.kind}, not a collection or query`);
          return lists.map((list) => appendConstraints(q, list, this.at(call)));
        });
      }
      case 'where':
        return this.whereConstraints(call, call.arguments, env).map((constraint) => ({ kind: 'constraint', constraint }));
      case 'orderBy':
        return this.orderConstraints(call, call.arguments, env).map((constraint) => ({ kind: 'constraint', constraint }));
      case 'collection':
        return [this.collectionRoot(call, 'COLLECTION', call.arguments.slice(1), env)];
      case 'collectionGroup':
        return [this.collectionRoot(call, 'COLLECTION_GROUP', call.arguments.slice(1), env)];
      default:
        if (CLIENT_PASS_THROUGH.has(name)) return [{ kind: 'constraint', constraint: { kind: 'other', at: this.at(call) } }];
        throw this.unanalysable(
          call,
          `firebase/firestore \`${name}()\` is not something the analysis knows how to take into a query (and()/or() filters are not supported)`,
        );
    }
  }

  private collectionRoot(call: ts.CallExpression, queryScope: QueryScope, pathArgs: readonly ts.Expression[], env: Env): QueryValue {
    const segments: string[] = [];
    for (const arg of pathArgs) {
      const texts = this.strings(arg, env);
      if (!texts || texts.length !== 1) throw this.unanalysable(arg, 'the collection path must be a literal, a literal-typed constant or a template of them');
      segments.push(...texts[0]!.split('/'));
    }
    const id = segments.at(-1);
    if (!id || id.includes('\u0000')) throw this.unanalysable(call, 'cannot tell the collection id from this path');
    if (queryScope === 'COLLECTION' && segments.length % 2 === 0)
      throw this.unanalysable(call, `\`${segments.join('/')}\` is a document path, not a collection`);
    return { kind: 'query', collectionGroup: id, queryScope, constraints: [], builtAt: [] };
  }

  /** The string values an expression can have (a placeholder for unknown parts of a template), or undefined. */
  private strings(expr: ts.Expression, env: Env): string[] | undefined {
    const e = skipOuter(expr);
    if (ts.isIdentifier(e)) {
      const symbol = this.symbol(e);
      const binding = symbol && env.param(symbol);
      if (binding) return binding.expr ? this.strings(binding.expr, binding.env) : undefined;
    }
    if (ts.isTemplateExpression(e)) {
      let texts = [e.head.text];
      for (const span of e.templateSpans) {
        const parts = this.strings(span.expression, env) ?? ['\u0000'];
        texts = texts.flatMap((t) => parts.map((p) => t + p + span.literal.text));
      }
      return texts;
    }
    return this.literalStrings(e);
  }

  private literalStrings(expr: ts.Expression): string[] | undefined {
    const type = this.checker.getTypeAtLocation(expr);
    const parts = type.isUnion() ? type.types : [type];
    const texts = parts.map((t) => (t.isStringLiteral() ? t.value : undefined));
    return texts.every((t) => t !== undefined) ? texts : undefined;
  }

  private whereConstraints(call: ts.CallExpression, args: readonly ts.Expression[], env: Env): Constraint[] {
    this.consumed.add(this.at(call));
    if (args.length !== 3) throw this.unanalysable(call, 'where() with a Filter object (or/and) is not supported; use where(field, op, value)');
    const fields = this.fieldNames(args[0]!, env);
    const ops = this.literalStrings(skipOuter(args[1]!));
    if (!ops || !ops.every((o) => FILTER_OPS.has(o)))
      throw this.unanalysable(args[1]!, `the operator has type \`${this.typeText(args[1]!)}\`; type it as a literal operator (or a union of them)`);
    return fields.flatMap((field) => ops.map((op): Constraint => ({ kind: 'where', field, op: op as FilterOp, at: this.at(call) })));
  }

  private orderConstraints(call: ts.CallExpression, args: readonly ts.Expression[], env: Env): Constraint[] {
    this.consumed.add(this.at(call));
    const fields = this.fieldNames(argument(call, 0), env);
    let directions: Direction[] = ['ASCENDING'];
    if (args[1]) {
      const texts = this.literalStrings(skipOuter(args[1]));
      if (!texts || !texts.every((t) => t === 'asc' || t === 'desc'))
        throw this.unanalysable(args[1], `the direction has type \`${this.typeText(args[1])}\`; type it as 'asc' | 'desc'`);
      directions = texts.map((t) => (t === 'desc' ? 'DESCENDING' : 'ASCENDING'));
    }
    return fields.flatMap((field) => directions.map((direction): Constraint => ({ kind: 'orderBy', field, direction, at: this.at(call) })));
  }

  /** A field argument's possible names: `documentId()` is `__name__`; otherwise its string-literal type, each member of a union. */
  private fieldNames(arg: ts.Expression, env: Env): string[] {
    const e = skipOuter(arg);
    if (ts.isCallExpression(e) && this.isDocumentIdCall(e)) return ['__name__'];
    if (ts.isIdentifier(e)) {
      const symbol = this.symbol(e);
      const binding = symbol && env.param(symbol);
      if (binding?.expr) return this.fieldNames(binding.expr, binding.env);
    }
    const texts = this.literalStrings(e);
    if (texts && texts.length > 0) return texts;
    throw this.unanalysable(
      arg,
      `the field name \`${brief(arg)}\` has type \`${this.typeText(arg)}\`, so the test cannot tell which index the query needs; type it as a string-literal union of the fields it can be (e.g. 'desaCode' | 'kabupatenCode')`,
    );
  }

  /** Client `documentId()` or admin `FieldPath.documentId()`. */
  private isDocumentIdCall(call: ts.CallExpression): boolean {
    const callee = skipOuter(call.expression);
    return this.clientFunction(callee) === 'documentId' || this.sdkFunction(callee, ADMIN_DECLARATIONS, ts.isMethodDeclaration) === 'documentId';
  }

  private evaluateIdentifier(id: ts.Identifier, env: Env): Value[] {
    const symbol = this.symbol(id);
    if (!symbol) throw this.unanalysable(id, `\`${id.text}\` does not resolve to a declaration`);
    const local = env.local(symbol);
    if (local) return local;
    const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (!decl) throw this.unanalysable(id, `\`${id.text}\` has no declaration the analysis can read`);
    if (ts.isParameter(decl)) return this.evaluateParameter(decl, symbol, id, env);
    if (ts.isFunctionDeclaration(decl)) {
      // The implementation of an overloaded function is its declaration with a body; a declared (library) function has none.
      const implementation = symbol.declarations?.find(
        (d): d is ts.FunctionDeclaration => ts.isFunctionDeclaration(d) && !!d.body && !d.getSourceFile().isDeclarationFile,
      );
      return implementation ? [{ kind: 'function', node: implementation, env: new Env(undefined) }] : [];
    }
    if (ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name)) {
      const isConst = (ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) !== 0;
      if (isConst) {
        if (!decl.initializer) throw this.unanalysable(id, `\`${id.text}\` has no initializer`);
        return this.evaluate(decl.initializer, env);
      }
      return this.letValuesAt(id, symbol, decl, env);
    }
    throw this.unanalysable(id, `\`${id.text}\` is a ${ts.SyntaxKind[decl.kind]}; the analysis follows parameters, const and let variables and functions`);
  }

  private evaluateParameter(param: ts.ParameterDeclaration, symbol: ts.Symbol, at: ts.Node, env: Env): Value[] {
    const binding = env.param(symbol);
    if (binding) {
      if (binding.expr) return this.evaluate(binding.expr, binding.env);
      return param.initializer ? this.evaluate(param.initializer, binding.env) : [];
    }
    // Not bound: the evaluation started inside this function, so the value is whatever its callers pass.
    if (this.resolvingParams.has(symbol))
      throw this.unanalysable(at, `\`${symbol.name}\` is passed back into its own function (recursion); the analysis cannot enumerate that`);
    const fn = param.parent;
    if (param.dotDotDotToken || !ts.isIdentifier(param.name))
      throw this.unanalysable(param, 'rest and destructured parameters holding queries are not followed');
    const index = fn.parameters.indexOf(param);
    this.resolvingParams.add(symbol);
    try {
      return this.callSites(fn as FunctionNode, at).flatMap(({ args }) => {
        const arg = args[index];
        if (arg && ts.isSpreadElement(arg)) throw this.unanalysable(arg, 'spread arguments are not followed');
        if (arg) return this.evaluate(arg, new Env(undefined));
        return param.initializer ? this.evaluate(param.initializer, new Env(undefined)) : [];
      });
    } finally {
      this.resolvingParams.delete(symbol);
    }
  }

  /** The calls of a function, found through its name in every project file. */
  private callSites(fn: FunctionNode, at: ts.Node): { call: ts.CallExpression; args: readonly ts.Expression[] }[] {
    const nameNode = functionName(fn);
    if (!nameNode)
      throw this.unanalysable(at, 'this is a parameter of an inline callback; the analysis follows parameters of named functions to their call sites');
    const target = this.declarationOf(nameNode);
    const sites: { call: ts.CallExpression; args: readonly ts.Expression[] }[] = [];
    for (const ref of this.references(nameNode.text, target)) {
      if (ref === nameNode) continue;
      const parent = ref.parent;
      if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent) || inTypeQuery(ref)) continue;
      if (ts.isCallExpression(parent) && parent.expression === ref) sites.push({ call: parent, args: parent.arguments });
      else if (ts.isPropertyAccessExpression(parent) && parent.name === ref && ts.isCallExpression(parent.parent) && parent.parent.expression === parent)
        sites.push({ call: parent.parent, args: parent.parent.arguments });
      else throw this.unanalysable(ref, `\`${nameNode.text}\` is used as a value here, so the analysis cannot see every query passed to it`);
    }
    return sites;
  }

  /** Identifiers in project files that refer to the declaration `target` (renamed imports included). */
  private references(name: string, target: ts.Node | undefined): ts.Identifier[] {
    if (!target) return [];
    const found: ts.Identifier[] = [];
    for (const sf of this.projectFiles) {
      const index = this.nameIndex(sf);
      const names = new Set([name]);
      for (const id of index.get(name) ?? []) {
        if (ts.isImportSpecifier(id.parent) && id.parent.propertyName === id) names.add(id.parent.name.text);
      }
      for (const n of names) for (const id of index.get(n) ?? []) if (this.declarationOf(id) === target) found.push(id);
    }
    return found;
  }

  private nameIndex(sf: ts.SourceFile): Map<string, ts.Identifier[]> {
    let index = this.names.get(sf);
    if (!index) {
      const map = new Map<string, ts.Identifier[]>();
      const visit = (node: ts.Node): void => {
        if (ts.isIdentifier(node)) map.set(node.text, [...(map.get(node.text) ?? []), node]);
        ts.forEachChild(node, visit);
      };
      visit(sf);
      this.names.set(sf, (index = map));
    }
    return index;
  }

  /**
   * The values of a `let` at one read: its initializer, then every reassignment between the
   * declaration and the read, in straight-line code and `if`/`else` (a reassignment under `if` is
   * both taken and not taken). Reassignments in loops, `switch`, `try`, or in closures are reported.
   */
  private letValuesAt(read: ts.Identifier, symbol: ts.Symbol, decl: ts.VariableDeclaration, env: Env): Value[] {
    const writes = this.assignmentsTo(symbol, decl);
    if (writes.length === 0) return decl.initializer ? this.evaluate(decl.initializer, env) : [];
    const statement = decl.parent.parent;
    if (!ts.isVariableStatement(statement) || !isStatementContainer(statement.parent))
      throw this.unanalysable(decl, 'a reassigned query variable must be declared in a block');
    const scope = enclosingFunction(decl);
    if (enclosingFunction(read) !== scope)
      throw this.unanalysable(read, `\`${symbol.name}\` is reassigned and read inside a closure; the analysis cannot order those`);
    for (const w of writes) if (enclosingFunction(w) !== scope) throw this.unanalysable(w, `\`${symbol.name}\` is reassigned inside a closure`);
    const statements = statement.parent.statements;
    const state = decl.initializer ? this.evaluate(decl.initializer, env) : [];
    return this.flowTo(statements.slice(statements.indexOf(statement) + 1), read, symbol, writes, state, env);
  }

  private flowTo(statements: readonly ts.Statement[], read: ts.Node, symbol: ts.Symbol, writes: ts.BinaryExpression[], state: Value[], env: Env): Value[] {
    for (const s of statements) {
      if (contains(s, read)) return this.atStatement(s, read, symbol, writes, state, env);
      state = this.effectOf(s, symbol, writes, state, env);
    }
    throw this.unanalysable(read, `\`${symbol.name}\` is read before or outside its declaration's block`);
  }

  private atStatement(s: ts.Statement, read: ts.Node, symbol: ts.Symbol, writes: ts.BinaryExpression[], state: Value[], env: Env): Value[] {
    const writesIn = (n: ts.Node) => writes.filter((w) => contains(n, w));
    if (ts.isBlock(s)) return this.flowTo(s.statements, read, symbol, writes, state, env);
    if (ts.isIfStatement(s)) {
      if (writesIn(s.expression).length > 0) throw this.unanalysable(s.expression, `\`${symbol.name}\` is reassigned inside a condition`);
      if (contains(s.expression, read)) return state;
      const branch = contains(s.thenStatement, read) ? s.thenStatement : s.elseStatement!;
      return this.atStatement(branch, read, symbol, writes, state, env);
    }
    const inside = writesIn(s);
    if (inside.length === 0) return state;
    // `q = q.where(...)`: the read is evaluated before the write.
    if (inside.length === 1 && ts.isExpressionStatement(s) && s.expression === inside[0] && contains(inside[0].right, read)) return state;
    throw this.unanalysable(
      s,
      `\`${symbol.name}\` is reassigned inside this ${ts.SyntaxKind[s.kind]}, which also reads it; the analysis follows reassignments in straight-line code and if/else`,
    );
  }

  private effectOf(s: ts.Statement, symbol: ts.Symbol, writes: ts.BinaryExpression[], state: Value[], env: Env): Value[] {
    const inside = writes.filter((w) => contains(s, w));
    if (inside.length === 0) return state;
    if (ts.isExpressionStatement(s) && inside.length === 1 && s.expression === inside[0]) return this.evaluate(inside[0].right, env.withLocal(symbol, state));
    if (ts.isBlock(s)) return s.statements.reduce((st, child) => this.effectOf(child, symbol, writes, st, env), state);
    if (ts.isIfStatement(s)) {
      if (writes.some((w) => contains(s.expression, w))) throw this.unanalysable(s.expression, `\`${symbol.name}\` is reassigned inside a condition`);
      const taken = this.effectOf(s.thenStatement, symbol, writes, state, env);
      const other = s.elseStatement ? this.effectOf(s.elseStatement, symbol, writes, state, env) : state;
      return unique([...taken, ...other]);
    }
    throw this.unanalysable(
      s,
      `\`${symbol.name}\` is reassigned inside a ${ts.SyntaxKind[s.kind]}; the analysis follows reassignments in straight-line code and if/else`,
    );
  }

  private assignmentsTo(symbol: ts.Symbol, decl: ts.VariableDeclaration): ts.BinaryExpression[] {
    const writes: ts.BinaryExpression[] = [];
    const sf = decl.getSourceFile();
    for (const id of this.nameIndex(sf).get(symbol.name) ?? []) {
      if (id === decl.name || this.symbol(id) !== symbol) continue;
      const parent = skipOuterParents(id);
      if (ts.isBinaryExpression(parent) && skipOuter(parent.left) === id && isAssignment(parent.operatorToken.kind)) {
        if (parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken) throw this.unanalysable(parent, `compound assignment to \`${symbol.name}\``);
        writes.push(parent);
      } else if (isDestructuringTarget(id)) {
        throw this.unanalysable(id, `\`${symbol.name}\` is assigned by destructuring`);
      }
    }
    return writes;
  }

  // -- functions -------------------------------------------------------------------------------

  /** The functions a callee can be (project code only). */
  private functionsOf(callee: ts.Expression, env: Env): Value[] {
    if (ts.isIdentifier(callee)) return this.evaluate(callee, env).filter((v) => v.kind === 'function');
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.name)) {
      const decl = this.declarationOf(callee.name);
      if (decl && (ts.isMethodDeclaration(decl) || ts.isFunctionDeclaration(decl)) && decl.body && !decl.getSourceFile().isDeclarationFile)
        return [{ kind: 'function', node: decl, env: new Env(undefined) }];
      if (decl && ts.isPropertyAssignment(decl)) return this.evaluate(decl.initializer, new Env(undefined)).filter((v) => v.kind === 'function');
      if (decl && ts.isShorthandPropertyAssignment(decl)) return this.evaluate(decl.name, new Env(undefined)).filter((v) => v.kind === 'function');
    }
    return [];
  }

  private invokeAll(fns: Value[], call: ts.CallExpression, args: ts.Expression[], env: Env): Value[] {
    const functions = fns.filter((f): f is Extract<Value, { kind: 'function' }> => f.kind === 'function');
    if (functions.length === 0) {
      throw this.unanalysable(
        call,
        `\`${brief(call.expression)}\` is not a function the analysis can read (a project function, a Firestore SDK query call, or $derived)`,
      );
    }
    return functions.flatMap((fn) => this.invoke(fn, call, args, env));
  }

  private invoke(fn: Extract<Value, { kind: 'function' }>, call: ts.CallExpression, args: ts.Expression[], env: Env): Value[] {
    if (this.invoking.includes(fn.node)) throw this.unanalysable(call, 'recursive call; the analysis cannot enumerate the queries it builds');
    const params = new Map<ts.Symbol, Binding>();
    fn.node.parameters.forEach((p, i) => {
      const symbol = ts.isIdentifier(p.name) ? this.symbol(p.name) : undefined;
      const arg = args[i];
      if (symbol) params.set(symbol, { expr: arg && !ts.isSpreadElement(arg) ? arg : undefined, env });
    });
    const inner = new Env(fn.env, params);
    this.invoking.push(fn.node);
    try {
      return returnedExpressions(fn.node).flatMap((e) => this.evaluate(e, inner));
    } finally {
      this.invoking.pop();
    }
  }

  // -- types and symbols -------------------------------------------------------------------------

  private isQueryTyped(expr: ts.Expression): boolean {
    const type = this.checker.getTypeAtLocation(expr);
    const parts = type.isUnion() ? type.types : [type];
    return parts.some((t) => {
      const symbol = t.getSymbol();
      return !!symbol && QUERY_TYPE_NAMES.has(symbol.name) && !!symbol.declarations?.some((d) => SDK_DECLARATIONS.test(d.getSourceFile().fileName));
    });
  }

  private isAdminFirestoreOrDocument(expr: ts.Expression): boolean {
    const symbol = this.checker.getTypeAtLocation(expr).getSymbol();
    return (
      !!symbol &&
      (symbol.name === 'Firestore' || symbol.name === 'DocumentReference') &&
      !!symbol.declarations?.some((d) => ADMIN_DECLARATIONS.test(d.getSourceFile().fileName))
    );
  }

  /**
   * The client SDK function a callee is (`where`, `query`, ...), known by the declaration its type
   * comes from, so named, renamed, namespace and destructured dynamic imports are all recognised.
   * Only callees whose name (or imported name) is one the analysis handles are type-checked: asking
   * the checker about every call in the portal would cost seconds.
   */
  private clientFunction(callee: ts.Expression): string | undefined {
    return this.sdkFunction(callee, CLIENT_DECLARATIONS, ts.isFunctionDeclaration);
  }

  private sdkFunction(callee: ts.Expression, declarations: RegExp, kind: (d: ts.Node) => boolean): string | undefined {
    const name = this.calleeName(callee);
    if (name === undefined || !SDK_NAMES.has(name)) return undefined;
    const symbol = this.checker.getTypeAtLocation(callee).getSymbol();
    const decl = symbol?.declarations?.find(kind);
    return symbol && decl && declarations.test(decl.getSourceFile().fileName) ? symbol.name : undefined;
  }

  /** A callee's name, or for a renamed import or destructured binding, the name it was imported by. */
  private calleeName(callee: ts.Expression): string | undefined {
    if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
    if (!ts.isIdentifier(callee)) return undefined;
    if (SDK_NAMES.has(callee.text)) return callee.text;
    const decl = this.checker.getSymbolAtLocation(callee)?.declarations?.[0];
    if (decl && (ts.isImportSpecifier(decl) || ts.isBindingElement(decl)) && decl.propertyName && ts.isIdentifier(decl.propertyName))
      return decl.propertyName.text;
    return callee.text;
  }

  /** The symbol an identifier refers to, through imports. */
  private symbol(id: ts.Identifier): ts.Symbol | undefined {
    const symbol =
      ts.isShorthandPropertyAssignment(id.parent) && id.parent.name === id
        ? this.checker.getShorthandAssignmentValueSymbol(id.parent)
        : this.checker.getSymbolAtLocation(id);
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
  }

  private declarationOf(id: ts.Identifier): ts.Declaration | undefined {
    const symbol = this.symbol(id);
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  }

  private typeText(expr: ts.Expression): string {
    return this.checker.typeToString(this.checker.getTypeAtLocation(expr));
  }

  // -- reporting -------------------------------------------------------------------------------

  /** `file:line` of a node; a method call is placed at its name (`.where` of a chain spread over lines), as a grep would. */
  at(node: ts.Node): string {
    const sf = node.getSourceFile();
    const anchor = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node;
    const line = sf.getLineAndCharacterOfPosition(anchor.getStart(sf)).line + 1;
    return `${displayName(this.sources, sf.fileName)}:${line}`;
  }

  private problem(node: ts.Node, message: string): void {
    const at = this.at(node);
    this.problems.set(`${at} ${message}`, { at, message });
  }

  private unanalysable(node: ts.Node, message: string): Unanalysable {
    this.problem(node, message);
    return new Unanalysable(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function shapeOf(q: QueryValue): QueryShape {
  const filters: QueryShape['filters'] = [];
  const orderBy: QueryShape['orderBy'] = [];
  for (const c of q.constraints) {
    if (c.kind === 'where') filters.push({ field: c.field, op: c.op });
    else if (c.kind === 'orderBy') orderBy.push({ field: c.field, direction: c.direction });
  }
  return { collectionGroup: q.collectionGroup, queryScope: q.queryScope, filters, orderBy };
}

function appendConstraints(q: QueryValue, list: Constraint[], at: string): QueryValue {
  const sites = list.filter((c) => c.kind !== 'other').map((c) => c.at);
  return { ...q, constraints: [...q.constraints, ...list], builtAt: [...q.builtAt, ...sites, ...(sites.length > 0 ? [at] : [])] };
}

/** A component's script (`X.svelte.ts` in the program) is reported as `X.svelte`, at the same line. */
function displayName(sources: SourceSet, fileName: string): string {
  const shown = sources.analysed.includes(fileName.slice(0, -'.ts'.length)) ? fileName.slice(0, -'.ts'.length) : fileName;
  return relative(sources.root, shown);
}

export function compareLocations(a: string, b: string): number {
  const [fa = '', la = '0'] = a.split(/:(?=\d+$)/);
  const [fb = '', lb = '0'] = b.split(/:(?=\d+$)/);
  return fa === fb ? Number(la) - Number(lb) : fa < fb ? -1 : 1;
}

/** A node's code on one line, shortened to what a message needs. */
function brief(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

function argument(call: ts.CallExpression, i: number): ts.Expression {
  const arg = call.arguments[i];
  if (!arg) throw new Error(`argument ${i} missing`);
  return arg;
}

function skipOuter(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e))
    e = e.expression;
  return e;
}

function skipOuterParents(node: ts.Node): ts.Node {
  let p = node.parent;
  while (ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p) || ts.isAsExpression(p)) p = p.parent;
  return p;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function isDestructuringTarget(id: ts.Identifier): boolean {
  let node: ts.Node = id;
  while (
    ts.isArrayLiteralExpression(node.parent) ||
    ts.isObjectLiteralExpression(node.parent) ||
    ts.isShorthandPropertyAssignment(node.parent) ||
    ts.isPropertyAssignment(node.parent) ||
    ts.isSpreadElement(node.parent)
  ) {
    node = node.parent;
  }
  return node !== id && ts.isBinaryExpression(node.parent) && node.parent.left === node && node.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end && inner.getSourceFile() === outer.getSourceFile();
}

function isStatementContainer(node: ts.Node): node is ts.Block | ts.SourceFile | ts.ModuleBlock | ts.CaseClause | ts.DefaultClause {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node);
}

function enclosingFunction(node: ts.Node): ts.Node {
  let n = node.parent;
  while (n && !ts.isFunctionLike(n) && !ts.isSourceFile(n)) n = n.parent;
  return n;
}

function inTypeQuery(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (ts.isTypeQueryNode(n)) return true;
  return false;
}

function functionName(fn: FunctionNode): ts.Identifier | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) return fn.name;
  const parent = fn.parent;
  if (
    (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) &&
    parent.initializer === fn &&
    ts.isIdentifier(parent.name)
  )
    return parent.name;
  return undefined;
}

function returnedExpressions(fn: FunctionNode): ts.Expression[] {
  if (!fn.body) return [];
  if (!ts.isBlock(fn.body)) return [fn.body];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.body, visit);
  return found;
}

// ---------------------------------------------------------------------------------------------
// The plain-text check the analysis is measured against

/** `file:line` of every line a plain grep for `where(` / `orderBy(` finds, comment lines left out. */
export function grepQueryLines(sources: SourceSet): Set<string> {
  const lines = new Set<string>();
  for (const file of sources.analysed) {
    const text = sources.memory?.get(file) ?? readFileSync(file, 'utf8');
    text.split('\n').forEach((line, i) => {
      const code = line.trim();
      if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
      if (/\b(where|orderBy)\(/.test(line)) lines.add(`${relative(sources.root, file)}:${i + 1}`);
    });
  }
  return lines;
}

/** One line for a shape: `households where desaCode ==, status in order by updatedAt desc`. */
export function describeShape(shape: QueryShape): string {
  const filters = shape.filters.map((f) => `${f.field} ${f.op}`).join(', ');
  const order = shape.orderBy.map((o) => (o.direction === 'DESCENDING' ? `${o.field} desc` : o.field)).join(', ');
  return `${shape.collectionGroup}${shape.queryScope === 'COLLECTION_GROUP' ? ' (collection group)' : ''}${filters ? ` where ${filters}` : ''}${order ? ` order by ${order}` : ''}`;
}
