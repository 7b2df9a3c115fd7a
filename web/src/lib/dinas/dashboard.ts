import {
  HOUSEHOLD_STATUS_LABELS,
  HOUSEHOLD_STATUSES,
  musyawarahInCycle,
  vervalProgress,
  type HouseholdStatus,
  type StalenessPolicy,
  type StatsCounts,
  type StatsDoc,
} from '$domain/index.js';
import { PALETTE, toChartData, type ChartData } from '../components/charts/chart-data.js';
import { labelText, type Translate } from '../i18n/label-text.js';
import { desaLabel, kecamatanLabel, nameOrCode, wilayahChildren } from './wilayah-names.js';

/**
 * The Dinas Sosial's dashboards, read from the `stats` documents (one per desa, kecamatan and the
 * kabupaten, kept by functions): what each chart and table shows, as plain data. Series and row
 * labels come through the page's `Translate` (`$_`).
 */
export type StatsLike = Pick<StatsDoc<unknown>, 'level' | 'code' | 'counts'> &
  Partial<Pick<StatsDoc<unknown>, 'likelyDuplicates' | 'operators' | 'kecamatanCode'>>;

/** The stats documents of a kabupaten, by level and code. */
export interface StatsIndex {
  kabupaten: StatsLike | null;
  kecamatan: Map<string, StatsLike>;
  desa: Map<string, StatsLike>;
}

export function indexStats(docs: readonly StatsLike[]): StatsIndex {
  const out: StatsIndex = { kabupaten: null, kecamatan: new Map(), desa: new Map() };
  for (const d of docs) {
    if (d.level === 'kabupaten') out.kabupaten = d;
    else if (d.level === 'kecamatan') out.kecamatan.set(d.code, d);
    else out.desa.set(d.code, d);
  }
  return out;
}

/** The document that describes a scope: the kabupaten ('' ) or one kecamatan. */
export function scopeDoc(index: StatsIndex, kecamatan: string): StatsLike | null {
  return kecamatan ? (index.kecamatan.get(kecamatan) ?? null) : index.kabupaten;
}

export interface Summary {
  households: Record<HouseholdStatus, number>;
  /** People in households still in the register (every status but keluar). */
  people: number;
  recipientHouseholds: number;
  stickerInstalled: number;
  musyawarahThisCycle: number;
  verval: { verified: number; active: number; percent: number };
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

export function summaryOf(doc: StatsLike | null, policy: Pick<StalenessPolicy, 'cutoffDay'>, now: Date): Summary {
  const c: StatsCounts = doc?.counts ?? {};
  const households = Object.fromEntries(HOUSEHOLD_STATUSES.map((s) => [s, c.households?.[s] ?? 0])) as Record<HouseholdStatus, number>;
  const people = HOUSEHOLD_STATUSES.filter((s) => s !== 'keluar').reduce((n, s) => n + (c.people?.[s] ?? 0), 0);
  const v = vervalProgress(c, policy, now);
  return {
    households,
    people,
    recipientHouseholds: c.recipientHouseholds ?? 0,
    stickerInstalled: c.stickerInstalled ?? 0,
    musyawarahThisCycle: musyawarahInCycle(c, policy, now),
    verval: { verified: v.verified, active: v.active, percent: percent(v.verified, v.active) },
  };
}

export interface VervalRow {
  code: string;
  name: string;
  verified: number;
  active: number;
  percent: number;
}

/**
 * Verval progress this cycle per kecamatan of the kabupaten (`kecamatan` = '') or per desa of one
 * kecamatan. Every kecamatan is listed (a kecamatan without households shows 0 of 0); for desa,
 * only those with households in the register.
 */
export function vervalRows(index: StatsIndex, kabupatenCode: string, kecamatan: string, policy: Pick<StalenessPolicy, 'cutoffDay'>, now: Date): VervalRow[] {
  const row = (code: string, name: string, doc: StatsLike | undefined): VervalRow => {
    const v = vervalProgress(doc?.counts ?? {}, policy, now);
    return { code, name, verified: v.verified, active: v.active, percent: percent(v.verified, v.active) };
  };
  if (!kecamatan) return wilayahChildren(kabupatenCode).map((k) => row(k.code, kecamatanLabel(k.code), index.kecamatan.get(k.code)));
  return [...index.desa.values()]
    .filter((d) => d.code.startsWith(`${kecamatan}.`))
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((d) => row(d.code, desaLabel(d.code), d));
}

export function vervalChart(rows: readonly VervalRow[], t: Translate): ChartData {
  return toChartData(rows, (r) => r.name.replace(/^Kec\. /, ''), [
    { label: t('dinas.dashboard.series.verified'), value: (r) => r.verified, color: PALETTE[0] },
    { label: t('dinas.dashboard.series.notVerified'), value: (r) => Math.max(0, r.active - r.verified), color: PALETTE[1] },
  ]);
}

export interface OperatorCoverage {
  withOperator: number;
  total: number;
  rows: { code: string; name: string; withOperator: number; total: number }[];
  without: { code: string; name: string; kecamatan: string }[];
}

/** Desa/kelurahan with and without an active operator (seed 001: 60 of 156), per kecamatan. */
export function operatorCoverage(kabupaten: StatsLike | null, kabupatenCode: string): OperatorCoverage {
  const active = new Set(kabupaten?.operators?.activeDesaCodes ?? []);
  const rows = wilayahChildren(kabupatenCode).map((k) => {
    const desa = wilayahChildren(k.code);
    return { code: k.code, name: kecamatanLabel(k.code), withOperator: desa.filter((d) => active.has(d.code)).length, total: desa.length };
  });
  const without = wilayahChildren(kabupatenCode).flatMap((k) =>
    wilayahChildren(k.code)
      .filter((d) => !active.has(d.code))
      .map((d) => ({ code: d.code, name: desaLabel(d.code), kecamatan: nameOrCode(k.code) })),
  );
  const total = kabupaten?.operators?.desaTotal ?? rows.reduce((n, r) => n + r.total, 0);
  return { withOperator: active.size, total, rows, without };
}

export function operatorChart(coverage: OperatorCoverage, t: Translate): ChartData {
  return toChartData(coverage.rows, (r) => r.name.replace(/^Kec\. /, ''), [
    { label: t('dinas.dashboard.series.withOperator'), value: (r) => r.withOperator, color: PALETTE[0] },
    { label: t('dinas.dashboard.series.withoutOperator'), value: (r) => r.total - r.withOperator, color: PALETTE[3] },
  ]);
}

export interface ProgramRow {
  id: string;
  name: string;
  count: number;
}

/** Households eligible per program; programs in the configuration come first, in its order, then any other counted. */
export function recipientRows(doc: StatsLike | null, programs: readonly { id: string; name: string }[]): ProgramRow[] {
  const counts = doc?.counts.recipients ?? {};
  const known = programs.map((p) => ({ id: p.id, name: p.name, count: counts[p.id] ?? 0 }));
  const others = Object.keys(counts)
    .filter((id) => !programs.some((p) => p.id === id))
    .sort()
    .map((id) => ({ id, name: id, count: counts[id] ?? 0 }));
  return [...known, ...others];
}

export function recipientChart(rows: readonly ProgramRow[], t: Translate): ChartData {
  return toChartData(rows, (r) => r.id, [{ label: t('dinas.dashboard.series.eligible'), value: (r) => r.count }]);
}

export interface DesilRow {
  /** 1–10, or null for households without a desil. */
  desil: number | null;
  count: number;
}

/** Households still in the register by desil 1–10, then those without one. */
export function desilRows(doc: StatsLike | null): DesilRow[] {
  const desil = doc?.counts.desil ?? {};
  const rows = Array.from({ length: 10 }, (_, i) => ({ desil: i + 1, count: desil[String(i + 1)] ?? 0 }));
  return [...rows, { desil: null, count: desil.tanpa ?? 0 }];
}

/** One bar per desil, named by its number ("Tanpa desil" for the rest). */
export function desilChart(rows: readonly DesilRow[], t: Translate): ChartData {
  return toChartData(rows, (r) => (r.desil === null ? t('dinas.dashboard.noDesil') : String(r.desil)), [
    { label: t('dinas.dashboard.series.households'), value: (r) => r.count },
  ]);
}

export interface QualityRow {
  code: string;
  name: string;
  nikMissing: number;
  nikInvalid: number;
  likelyDuplicates: number;
}

function qualityOf(code: string, name: string, doc: StatsLike | undefined | null): QualityRow {
  return { code, name, nikMissing: doc?.counts.nikMissing ?? 0, nikInvalid: doc?.counts.nikInvalid ?? 0, likelyDuplicates: doc?.likelyDuplicates ?? 0 };
}

/** Data quality per kecamatan of the kabupaten, or per desa of one kecamatan (only wilayah with something to report). */
export function qualityRows(index: StatsIndex, kabupatenCode: string, kecamatan: string): QualityRow[] {
  const rows = kecamatan
    ? [...index.desa.values()].filter((d) => d.code.startsWith(`${kecamatan}.`)).map((d) => qualityOf(d.code, desaLabel(d.code), d))
    : wilayahChildren(kabupatenCode).map((k) => qualityOf(k.code, kecamatanLabel(k.code), index.kecamatan.get(k.code)));
  return rows.filter((r) => r.nikMissing + r.nikInvalid + r.likelyDuplicates > 0).sort((a, b) => (a.code < b.code ? -1 : 1));
}

export function qualityTotals(doc: StatsLike | null): Omit<QualityRow, 'code' | 'name'> {
  const { nikMissing, nikInvalid, likelyDuplicates } = qualityOf('', '', doc);
  return { nikMissing, nikInvalid, likelyDuplicates };
}

export function qualityChart(rows: readonly QualityRow[], t: Translate): ChartData {
  return toChartData(rows, (r) => r.name.replace(/^Kec\. /, ''), [
    { label: t('dinas.dashboard.series.nikMissing'), value: (r) => r.nikMissing },
    { label: t('dinas.dashboard.series.nikInvalid'), value: (r) => r.nikInvalid },
    { label: t('dinas.dashboard.series.likelyDuplicates'), value: (r) => r.likelyDuplicates },
  ]);
}

export function statusChart(summary: Summary, t: Translate): ChartData {
  const statuses = HOUSEHOLD_STATUSES.filter((s) => s !== 'keluar');
  return toChartData(statuses, (s) => labelText(t, 'householdStatus', s, HOUSEHOLD_STATUS_LABELS), [
    { label: t('dinas.dashboard.series.households'), value: (s) => summary.households[s] },
  ]);
}

export interface NearBekuInput {
  id: string;
  headName: string;
  desaCode: string;
  missed: number;
  freezesAt: Date | null;
}

export interface NearBekuRow extends NearBekuInput {
  desaName: string;
  /** Whole days until the household is frozen (0 when it is due today or overdue), null when unknown. */
  daysLeft: number | null;
}

/** Households warned of the freeze ("peringatan"), the soonest to freeze first. */
export function nearBekuRows(items: readonly NearBekuInput[], now: Date): NearBekuRow[] {
  return items
    .map((h) => ({
      ...h,
      desaName: desaLabel(h.desaCode),
      daysLeft: h.freezesAt ? Math.max(0, Math.ceil((h.freezesAt.getTime() - now.getTime()) / 86_400_000)) : null,
    }))
    .sort((a, b) => (a.freezesAt?.getTime() ?? Infinity) - (b.freezesAt?.getTime() ?? Infinity) || a.headName.localeCompare(b.headName, 'id'));
}
