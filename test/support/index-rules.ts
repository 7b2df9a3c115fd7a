import type { Direction, FoundQuery, QueryScope, QueryShape } from './query-shapes.js';

/**
 * Which Firestore index serves a query shape, and whether firestore.indexes.json has it.
 *
 * The rules, from Firestore's documentation:
 * - Index types (https://firebase.google.com/docs/firestore/query-data/index-overview): every field
 *   gets single-field indexes (ascending, descending, array-contains) with COLLECTION scope
 *   automatically; single-field indexes with COLLECTION_GROUP scope are *not* maintained by
 *   default and must be declared as field overrides; a field override replaces the automatic
 *   indexes of that field (and of its map subfields). Index merging lets a query with only
 *   equality filters run on single-field indexes; a query that also orders, or filters a range,
 *   on another field needs a composite index.
 * - Ordering (Firestore API, StructuredQuery.order_by in google/firestore/v1/query.proto,
 *   https://cloud.google.com/firestore/docs/reference/rest/v1/StructuredQuery): a query is
 *   ordered by its orderBy clauses, then by the fields of its inequality filters not already
 *   ordered (in lexicographic order of field path), then by `__name__`, each appended with the
 *   direction of the last explicit order (ASCENDING when there is none).
 * - Index fields (Firestore Admin API, Index.fields,
 *   https://cloud.google.com/dotnet/docs/reference/Google.Cloud.Firestore.Admin.V1/latest/Google.Cloud.Firestore.Admin.V1.Index):
 *   a composite index always ends with `__name__`; when the definition does not name it last, it
 *   is added with the direction of the last field (ASCENDING after an array-contains field).
 * - Inequalities on several fields (https://firebase.google.com/docs/firestore/query-data/multiple-range-fields):
 *   allowed; each inequality field must be in the index, in the query's order.
 *
 * So a composite index serves a query when it starts with the query's equality fields (`==`, `in`,
 * `array-contains`, `array-contains-any`; any order among them, any direction, `arrayConfig:
 * CONTAINS` for the array ones), followed by exactly the query's effective order (explicit orders,
 * implicit inequality orders, then `__name__`) with the same directions. A trailing `__name__` may
 * be left out of the JSON when the query's `__name__` order has the direction of the field before
 * it, because Firestore adds exactly that.
 *
 * No composite index is needed, and single-field indexes serve the query, when
 * (a) it has only `==`/`in` filters and is ordered by `__name__` ascending alone (explicitly or by
 *     default): index merging;
 * (b) one field alone is filtered and/or ordered, and `__name__` follows in that field's direction
 *     (ascending if it is not ordered).
 * Deliberately conservative, since the documentation does not promise more: array-contains merged
 * with other equality filters, and `__name__` descending after equality filters, are treated as
 * needing a composite index; an index is never scanned in reverse; a composite index serves only
 * its own query scope; and Firestore's merging of several composite indexes that share an order
 * (zig-zag merge join) is not modelled, so each query that needs a composite index needs its own.
 */

export interface IndexField {
  fieldPath: string;
  order?: Direction;
  arrayConfig?: 'CONTAINS';
}

export interface CompositeIndex {
  collectionGroup: string;
  queryScope: QueryScope;
  fields: IndexField[];
}

export interface FieldOverride {
  collectionGroup: string;
  fieldPath: string;
  ttl?: boolean;
  indexes?: { order?: Direction; arrayConfig?: 'CONTAINS'; queryScope: QueryScope }[];
}

export interface IndexFile {
  indexes: CompositeIndex[];
  fieldOverrides?: FieldOverride[];
}

/** A single-field index a query needs; `ANY` for an equality filter, which either direction serves. */
export interface SingleFieldNeed {
  collectionGroup: string;
  queryScope: QueryScope;
  fieldPath: string;
  mode: Direction | 'ANY' | 'CONTAINS';
}

export type Requirement =
  | { kind: 'single-field'; needs: SingleFieldNeed[] }
  | {
      kind: 'composite';
      collectionGroup: string;
      queryScope: QueryScope;
      equality: { field: string; arrayContains: boolean }[];
      order: { field: string; direction: Direction }[];
    };

const EQUALITY_OPS = new Set(['==', 'in', 'array-contains', 'array-contains-any']);
const ARRAY_OPS = new Set(['array-contains', 'array-contains-any']);
const NAME = '__name__';

/** The order Firestore gives the query's results: explicit orders, unordered inequality fields, then `__name__`. */
export function effectiveOrder(shape: QueryShape): { field: string; direction: Direction }[] {
  const order: { field: string; direction: Direction }[] = [];
  for (const o of shape.orderBy) if (!order.some((x) => x.field === o.field)) order.push(o);
  const last: Direction = shape.orderBy.at(-1)?.direction ?? 'ASCENDING';
  const inequalities = [...new Set(shape.filters.filter((f) => !EQUALITY_OPS.has(f.op)).map((f) => f.field))].sort();
  for (const field of inequalities) if (!order.some((x) => x.field === field)) order.push({ field, direction: last });
  if (!order.some((x) => x.field === NAME)) order.push({ field: NAME, direction: last });
  return order;
}

export function requirementOf(shape: QueryShape): Requirement {
  const { collectionGroup, queryScope } = shape;
  const order = effectiveOrder(shape);
  const ordered = new Set(order.map((o) => o.field));
  const equality: { field: string; arrayContains: boolean }[] = [];
  for (const f of shape.filters) {
    if (!EQUALITY_OPS.has(f.op) || ordered.has(f.field) || equality.some((e) => e.field === f.field)) continue;
    equality.push({ field: f.field, arrayContains: ARRAY_OPS.has(f.op) });
  }
  const need = (fieldPath: string, mode: SingleFieldNeed['mode']): SingleFieldNeed => ({ collectionGroup, queryScope, fieldPath, mode });
  const fields = new Set([...shape.filters.map((f) => f.field), ...order.map((o) => o.field)].filter((f) => f !== NAME));
  const nameDirection = order.find((o) => o.field === NAME)!.direction;
  const orderedFields = order.filter((o) => o.field !== NAME);
  const anyArray = equality.some((e) => e.arrayContains);

  if (fields.size === 0) return { kind: 'single-field', needs: [] };
  // (a) equality filters only, ordered by __name__ ascending: index merging.
  if (orderedFields.length === 0 && nameDirection === 'ASCENDING' && !anyArray) {
    return { kind: 'single-field', needs: equality.map((e) => need(e.field, 'ANY')) };
  }
  // (b) one field, and __name__ after it in its direction.
  if (fields.size === 1) {
    const field = [...fields][0]!;
    const own = orderedFields[0];
    if (own && nameDirection === own.direction && !anyArray) return { kind: 'single-field', needs: [need(field, own.direction)] };
    if (!own && nameDirection === 'ASCENDING') return { kind: 'single-field', needs: [need(field, anyArray ? 'CONTAINS' : 'ANY')] };
  }
  return { kind: 'composite', collectionGroup, queryScope, equality, order };
}

/** Index fields as Firestore stores them: always ending with `__name__`. */
export function normalizedFields(index: CompositeIndex): IndexField[] {
  const last = index.fields.at(-1);
  if (!last || last.fieldPath === NAME) return index.fields;
  return [...index.fields, { fieldPath: NAME, order: last.order ?? 'ASCENDING' }];
}

export function serves(index: CompositeIndex, req: Extract<Requirement, { kind: 'composite' }>): boolean {
  if (index.collectionGroup !== req.collectionGroup || index.queryScope !== req.queryScope) return false;
  const fields = normalizedFields(index);
  const prefix = fields.slice(0, req.equality.length);
  const suffix = fields.slice(req.equality.length);
  const prefixOk =
    prefix.length === req.equality.length &&
    req.equality.every((e) => prefix.some((f) => f.fieldPath === e.field && (e.arrayContains ? f.arrayConfig === 'CONTAINS' : f.order !== undefined)));
  const suffixOk = suffix.length === req.order.length && req.order.every((o, i) => suffix[i]?.fieldPath === o.field && suffix[i]?.order === o.direction);
  return prefixOk && suffixOk;
}

/** The index to add for a requirement, in firestore.indexes.json's form, with an implied trailing `__name__` left out. */
export function indexFor(req: Extract<Requirement, { kind: 'composite' }>): CompositeIndex {
  const fields: IndexField[] = [
    ...req.equality.map((e): IndexField => (e.arrayContains ? { fieldPath: e.field, arrayConfig: 'CONTAINS' } : { fieldPath: e.field, order: 'ASCENDING' })),
    ...req.order.map((o): IndexField => ({ fieldPath: o.field, order: o.direction })),
  ];
  const last = fields.at(-1)!;
  const before = fields.at(-2);
  if (last.fieldPath === NAME && before && last.order === (before.order ?? 'ASCENDING')) fields.pop();
  return { collectionGroup: req.collectionGroup, queryScope: req.queryScope, fields };
}

/** The override that governs a field: its own, or its nearest parent map's. */
function overrideOf(file: IndexFile, collectionGroup: string, fieldPath: string): FieldOverride | undefined {
  const parts = fieldPath.split('.');
  for (let n = parts.length; n > 0; n--) {
    const path = parts.slice(0, n).join('.');
    const found = file.fieldOverrides?.find((o) => o.collectionGroup === collectionGroup && o.fieldPath === path && o.indexes !== undefined);
    if (found) return found;
  }
  return undefined;
}

const modeMatches = (entry: { order?: Direction; arrayConfig?: 'CONTAINS' }, mode: SingleFieldNeed['mode']) =>
  mode === 'CONTAINS' ? entry.arrayConfig === 'CONTAINS' : mode === 'ANY' ? entry.order !== undefined : entry.order === mode;

/** The override entry that serves a single-field need, `automatic` for a COLLECTION-scope field nobody overrode, or undefined. */
export function singleFieldServer(file: IndexFile, need: SingleFieldNeed): { override: FieldOverride; entry: number } | 'automatic' | undefined {
  const override = overrideOf(file, need.collectionGroup, need.fieldPath);
  if (!override) return need.queryScope === 'COLLECTION' ? 'automatic' : undefined;
  const entry = override.indexes!.findIndex((e) => e.queryScope === need.queryScope && modeMatches(e, need.mode));
  return entry >= 0 ? { override, entry } : undefined;
}

export interface Missing {
  /** What to add to firestore.indexes.json: an entry of `indexes`, or of `fieldOverrides`. */
  add: { indexes: CompositeIndex } | { fieldOverrides: FieldOverride };
  shape: QueryShape;
  queries: FoundQuery[];
}

export interface Comparison {
  shapes: number;
  missing: Missing[];
  /** Composite indexes that serve no query, or repeat an earlier one. */
  staleIndexes: { index: CompositeIndex; why: string }[];
  /** COLLECTION_GROUP single-field indexes that no collection-group query needs. */
  staleOverrides: { collectionGroup: string; fieldPath: string; entry: NonNullable<FieldOverride['indexes']>[number] }[];
}

export const shapeKey = (s: QueryShape) => JSON.stringify(s);

export function compare(queries: FoundQuery[], file: IndexFile): Comparison {
  const byShape = new Map<string, FoundQuery[]>();
  for (const q of queries) byShape.set(shapeKey(q.shape), [...(byShape.get(shapeKey(q.shape)) ?? []), q]);
  const missing = new Map<string, Missing>();
  const usedIndexes = new Set<number>();
  const usedEntries = new Set<string>();
  const addMissing = (add: Missing['add'], shape: QueryShape, found: FoundQuery[]) => {
    const key = JSON.stringify(add);
    const m = missing.get(key) ?? { add, shape, queries: [] };
    m.queries.push(...found);
    missing.set(key, m);
  };

  for (const found of byShape.values()) {
    const shape = found[0]!.shape;
    const req = requirementOf(shape);
    if (req.kind === 'composite') {
      const servers = file.indexes.flatMap((index, i) => (serves(index, req) ? [i] : []));
      if (servers.length === 0) addMissing({ indexes: indexFor(req) }, shape, found);
      for (const i of servers) usedIndexes.add(i);
      continue;
    }
    for (const need of req.needs) {
      const server = singleFieldServer(file, need);
      if (server === undefined) {
        const entry =
          need.mode === 'CONTAINS'
            ? { arrayConfig: 'CONTAINS' as const, queryScope: need.queryScope }
            : { order: need.mode === 'ANY' ? ('ASCENDING' as const) : need.mode, queryScope: need.queryScope };
        addMissing({ fieldOverrides: { collectionGroup: need.collectionGroup, fieldPath: need.fieldPath, indexes: [entry] } }, shape, found);
      } else if (server !== 'automatic') {
        usedEntries.add(`${server.override.collectionGroup}/${server.override.fieldPath}/${server.entry}`);
      }
    }
  }

  const staleIndexes: Comparison['staleIndexes'] = [];
  const seen = new Map<string, number>();
  file.indexes.forEach((index, i) => {
    const key = JSON.stringify([index.collectionGroup, index.queryScope, normalizedFields(index)]);
    const first = seen.get(key);
    if (first !== undefined) staleIndexes.push({ index, why: `repeats index #${first + 1} of the file` });
    else if (!usedIndexes.has(i)) staleIndexes.push({ index, why: 'serves no query in the code' });
    if (first === undefined) seen.set(key, i);
  });

  const staleOverrides: Comparison['staleOverrides'] = [];
  for (const o of file.fieldOverrides ?? []) {
    (o.indexes ?? []).forEach((entry, i) => {
      // COLLECTION-scope entries restate the automatic indexes an override would otherwise switch off; not checked.
      if (entry.queryScope === 'COLLECTION_GROUP' && !usedEntries.has(`${o.collectionGroup}/${o.fieldPath}/${i}`)) {
        staleOverrides.push({ collectionGroup: o.collectionGroup, fieldPath: o.fieldPath, entry });
      }
    });
  }
  return { shapes: byShape.size, missing: [...missing.values()], staleIndexes, staleOverrides };
}
