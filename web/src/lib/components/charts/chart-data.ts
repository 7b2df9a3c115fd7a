import type { Translate } from '../../i18n/label-text.js';

/**
 * The data behind a chart and its table: one source, so what the screen shows as bars and what a
 * screen reader reads as a table are the same numbers. No Chart.js here (it is loaded lazily by
 * `Chart.svelte`); `chartConfig` builds the plain configuration it takes.
 */
export interface ChartSeries {
  label: string;
  values: number[];
  color?: string;
}

export interface ChartData {
  labels: string[];
  series: ChartSeries[];
}

export type ChartKind = 'bar' | 'bar-horizontal' | 'stacked-horizontal' | 'doughnut';

/** Colours with enough contrast on white, matching the portal's palette. */
export const PALETTE = ['#0f5132', '#b45309', '#084298', '#842029', '#6f42c1', '#0e7490', '#5c6670', '#a16207', '#15803d', '#be185d'];

/** Rows for the table alternative: one per label, one number per series. */
export function tableRows(data: ChartData): { label: string; values: number[] }[] {
  return data.labels.map((label, i) => ({ label, values: data.series.map((s) => s.values[i] ?? 0) }));
}

export function totalOf(data: ChartData): number {
  return data.series.reduce((n, s) => n + s.values.reduce((m, v) => m + v, 0), 0);
}

/** Builds chart data from rows: a label per row and a series per value getter. */
export function toChartData<R>(
  rows: readonly R[],
  label: (row: R) => string,
  series: readonly { label: string; value: (row: R) => number; color?: string }[],
): ChartData {
  return {
    labels: rows.map(label),
    series: series.map((s, i) => ({ label: s.label, values: rows.map(s.value), color: s.color ?? PALETTE[i % PALETTE.length]! })),
  };
}

/**
 * A short sentence for the chart's accessible name: the largest value per series, in the page's
 * language (`t` is `$_`, `formatNumber` is `$number`).
 */
export function describeChart(data: ChartData, t: Translate, formatNumber: (n: number) => string): string {
  if (data.labels.length === 0) return t('chart.noDataShort');
  return data.series
    .map((s) => {
      let best = 0;
      s.values.forEach((v, i) => {
        if (v > (s.values[best] ?? 0)) best = i;
      });
      return t('chart.highest', { values: { series: s.label, label: data.labels[best] ?? '', value: formatNumber(s.values[best] ?? 0) } });
    })
    .join('; ');
}

/** The Chart.js configuration for a kind of chart (typed loosely: Chart.js is imported only when drawn). */
export function chartConfig(kind: ChartKind, data: ChartData): { type: 'bar' | 'doughnut'; data: unknown; options: Record<string, unknown> } {
  const datasets = data.series.map((s, i) => {
    const color = s.color ?? PALETTE[i % PALETTE.length]!;
    return kind === 'doughnut'
      ? { label: s.label, data: s.values, backgroundColor: data.labels.map((_, j) => PALETTE[j % PALETTE.length]!) }
      : { label: s.label, data: s.values, backgroundColor: color, borderColor: color, borderWidth: 1 };
  });
  const common = {
    responsive: true,
    maintainAspectRatio: false,
    // No motion: the numbers are read, not watched (and people who ask for reduced motion get none).
    animation: false,
    plugins: { legend: { display: kind === 'doughnut' || data.series.length > 1, position: 'bottom' } },
  };
  if (kind === 'doughnut') return { type: 'doughnut', data: { labels: data.labels, datasets }, options: common };
  const horizontal = kind !== 'bar';
  const stacked = kind === 'stacked-horizontal';
  const valueAxis = { beginAtZero: true, stacked, ticks: { precision: 0 } };
  const categoryAxis = { stacked, ticks: { autoSkip: false } };
  return {
    type: 'bar',
    data: { labels: data.labels, datasets },
    options: { ...common, indexAxis: horizontal ? 'y' : 'x', scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis } },
  };
}
