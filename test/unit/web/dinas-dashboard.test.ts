import { describe, expect, it } from 'vitest';
import { isoDateOn, type StatsCounts } from '../../../functions/src/domain/index.js';
import { chartConfig, describeChart, tableRows, toChartData, totalOf } from '../../../web/src/lib/components/charts/chart-data.js';
import {
  desilChart,
  desilRows,
  indexStats,
  nearBekuRows,
  operatorChart,
  operatorCoverage,
  percent,
  qualityChart,
  qualityRows,
  qualityTotals,
  recipientRows,
  scopeDoc,
  statusChart,
  summaryOf,
  vervalChart,
  vervalRows,
  type StatsLike,
} from '../../../web/src/lib/dinas/dashboard.js';
import { desaOfKabupaten, wilayahChildren } from '../../../web/src/lib/dinas/wilayah-names.js';
import { translator } from './messages.js';

const t = translator('id');
const en = translator('en');
const idNumber = (n: number) => new Intl.NumberFormat('id').format(n);
const enNumber = (n: number) => new Intl.NumberFormat('en').format(n);

const NOW = new Date('2026-11-22T05:00:00Z'); // 12:00 in Jakarta
const today = isoDateOn(NOW);
const lastMonth = '2026-10-15';
const policy = { cutoffDay: null };

const AIR_MUNDU = '17.02.10.2001';
const BERMANI_ULU = '17.02.10';
const KOTA_PAGU = '17.02.16.2013';
const CURUP_UTARA = '17.02.16';

function counts(c: StatsCounts): StatsCounts {
  return c;
}

const airMunduCounts = counts({
  households: { aktif: 3, beku: 1 },
  people: { aktif: 9, beku: 2, keluar: 4 },
  desil: { '1': 1, '2': 1, '3': 1, '6': 1 },
  recipients: { PKH: 1, SEMBAKO: 2, 'BANSOS-RL': 1 },
  recipientHouseholds: 2,
  vervalByDay: { [today]: 2, [lastMonth]: 1 },
  nikMissing: 2,
  nikInvalid: 1,
  musyawarahByDay: { [today]: 1, [lastMonth]: 4 },
});
const docs: StatsLike[] = [
  {
    level: 'kabupaten',
    code: '17.02',
    counts: airMunduCounts,
    likelyDuplicates: 1,
    operators: { activeDesa: 2, activeDesaCodes: [KOTA_PAGU, '17.02.06.2001'], desaTotal: 156 },
  },
  { level: 'kecamatan', code: BERMANI_ULU, counts: airMunduCounts, likelyDuplicates: 1 },
  { level: 'desa', code: AIR_MUNDU, counts: airMunduCounts, likelyDuplicates: 1 },
  { level: 'kecamatan', code: CURUP_UTARA, counts: { households: { aktif: 2 }, vervalByDay: { [today]: 1 } } },
  { level: 'desa', code: KOTA_PAGU, counts: { households: { aktif: 2 }, vervalByDay: { [today]: 1 } } },
];
const index = indexStats(docs);

describe('the register in numbers', () => {
  it('indexes the stats documents by level and picks the scope', () => {
    expect(index.kabupaten?.code).toBe('17.02');
    expect([...index.kecamatan.keys()]).toEqual([BERMANI_ULU, CURUP_UTARA]);
    expect(scopeDoc(index, '')).toBe(index.kabupaten);
    expect(scopeDoc(index, CURUP_UTARA)?.code).toBe(CURUP_UTARA);
    expect(scopeDoc(index, '17.02.24')).toBeNull();
  });

  it('sums up a scope: households by status, people in the register, verval this cycle, musyawarah this cycle', () => {
    const s = summaryOf(index.kabupaten, policy, NOW);
    expect(s.households).toEqual({ aktif: 3, beku: 1, ditangguhkan: 0, keluar: 0 });
    expect(s.people).toBe(11);
    expect(s.recipientHouseholds).toBe(2);
    expect(s.verval).toEqual({ verified: 2, active: 3, percent: 67 });
    expect(s.musyawarahThisCycle).toBe(1);
    expect(summaryOf(null, policy, NOW).verval).toEqual({ verified: 0, active: 0, percent: 0 });
    expect(percent(1, 0)).toBe(0);
    expect(statusChart(s, t).labels).toEqual(['Aktif', 'Data beku', 'Ditangguhkan']);
    expect(statusChart(s, en).labels).toEqual(['Active', 'Frozen', 'Suspended']);
  });

  it('verval progress per kecamatan lists every kecamatan; per desa, those with households', () => {
    const rows = vervalRows(index, '17.02', '', policy, NOW);
    expect(rows).toHaveLength(15);
    expect(rows.find((r) => r.code === BERMANI_ULU)).toEqual({ code: BERMANI_ULU, name: 'Kec. Bermani Ulu', verified: 2, active: 3, percent: 67 });
    expect(rows.find((r) => r.code === '17.02.24')).toMatchObject({ verified: 0, active: 0, percent: 0 });
    expect(vervalRows(index, '17.02', CURUP_UTARA, policy, NOW)).toEqual([{ code: KOTA_PAGU, name: 'Desa Kota Pagu', verified: 1, active: 2, percent: 50 }]);
    const chart = vervalChart(
      rows.filter((r) => r.active > 0),
      t,
    );
    expect(chart.labels).toEqual(['Bermani Ulu', 'Curup Utara']);
    expect(chart.series.map((s) => s.values)).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });

  it('a cut-off day moves late-month verval into the next cycle', () => {
    const afterCutoff = new Date('2026-11-20T05:00:00Z');
    const doc: StatsLike = { level: 'desa', code: AIR_MUNDU, counts: { households: { aktif: 2 }, vervalByDay: { '2026-11-19': 1, '2026-11-10': 1 } } };
    expect(summaryOf(doc, { cutoffDay: 17 }, afterCutoff).verval.verified).toBe(1);
    expect(summaryOf(doc, { cutoffDay: null }, afterCutoff).verval.verified).toBe(2);
  });

  it('desa with and without an operator, per kecamatan, against every desa in force (156 in Rejang Lebong)', () => {
    expect(desaOfKabupaten('17.02')).toHaveLength(156);
    expect(wilayahChildren('17.02')).toHaveLength(15);
    const c = operatorCoverage(index.kabupaten, '17.02');
    expect(c.withOperator).toBe(2);
    expect(c.total).toBe(156);
    expect(c.rows.find((r) => r.code === CURUP_UTARA)).toEqual({ code: CURUP_UTARA, name: 'Kec. Curup Utara', withOperator: 1, total: 14 });
    expect(c.without).toHaveLength(154);
    expect(c.without.some((d) => d.code === KOTA_PAGU)).toBe(false);
    expect(c.without[0]).toEqual({ code: '17.02.06.1004', name: 'Kelurahan Kota Padang', kecamatan: 'Kota Padang' });
    expect(operatorChart(c, t).series.map((s) => s.label)).toEqual(['Ada operator aktif', 'Belum ada operator']);
    expect(operatorChart(c, en).series.map((s) => s.label)).toEqual(['Has an active operator', 'No operator yet']);
    // Before the first operator is counted, the total still comes from the wilayah table.
    expect(operatorCoverage(null, '17.02')).toMatchObject({ withOperator: 0, total: 156 });
  });

  it('recipients per program: configured programs in order, then any other counted', () => {
    const rows = recipientRows(index.kabupaten, [
      { id: 'PKH', name: 'Program Keluarga Harapan' },
      { id: 'PBI-JK', name: 'PBI JK' },
      { id: 'SEMBAKO', name: 'Sembako' },
    ]);
    expect(rows).toEqual([
      { id: 'PKH', name: 'Program Keluarga Harapan', count: 1 },
      { id: 'PBI-JK', name: 'PBI JK', count: 0 },
      { id: 'SEMBAKO', name: 'Sembako', count: 2 },
      { id: 'BANSOS-RL', name: 'BANSOS-RL', count: 1 },
    ]);
  });

  it('desil distribution 1–10 and without desil', () => {
    const rows = desilRows(index.kabupaten);
    expect(rows).toHaveLength(11);
    expect(rows.map((r) => r.count)).toEqual([1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(desilChart(rows, t).labels).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'Tanpa desil']);
    expect(desilChart(rows, en).labels.at(-1)).toBe('No decile');
    expect(desilRows(null).every((r) => r.count === 0)).toBe(true);
  });

  it('data quality: only wilayah with findings, and the totals of the scope', () => {
    expect(qualityRows(index, '17.02', '')).toEqual([{ code: BERMANI_ULU, name: 'Kec. Bermani Ulu', nikMissing: 2, nikInvalid: 1, likelyDuplicates: 1 }]);
    expect(qualityRows(index, '17.02', BERMANI_ULU).map((r) => r.name)).toEqual(['Desa Air Mundu']);
    expect(qualityRows(index, '17.02', CURUP_UTARA)).toEqual([]);
    expect(qualityTotals(index.kabupaten)).toEqual({ nikMissing: 2, nikInvalid: 1, likelyDuplicates: 1 });
    expect(qualityChart(qualityRows(index, '17.02', ''), t).series.map((s) => s.values)).toEqual([[2], [1], [1]]);
    expect(qualityChart(qualityRows(index, '17.02', ''), en).series.map((s) => s.label)).toEqual(['Without NIK', 'Invalid NIK', 'Likely duplicates']);
  });

  it('households close to beku: soonest first, days left', () => {
    const rows = nearBekuRows(
      [
        { id: 'b', headName: 'Budi', desaCode: AIR_MUNDU, missed: 1, freezesAt: new Date('2027-01-01T00:00:00+07:00') },
        { id: 'a', headName: 'Ani', desaCode: KOTA_PAGU, missed: 2, freezesAt: new Date('2026-12-01T00:00:00+07:00') },
        { id: 'c', headName: 'Citra', desaCode: AIR_MUNDU, missed: 2, freezesAt: null },
      ],
      NOW,
    );
    expect(rows.map((r) => [r.id, r.desaName, r.daysLeft])).toEqual([
      ['a', 'Desa Kota Pagu', 9],
      ['b', 'Desa Air Mundu', 40],
      ['c', 'Desa Air Mundu', null],
    ]);
  });
});

describe('chart data and its table', () => {
  const data = toChartData(
    [
      { k: 'A', x: 3, y: 1 },
      { k: 'B', x: 5, y: 0 },
    ],
    (r) => r.k,
    [
      { label: 'X', value: (r) => r.x },
      { label: 'Y', value: (r) => r.y, color: '#000000' },
    ],
  );

  it('the table holds the same numbers as the chart', () => {
    expect(tableRows(data)).toEqual([
      { label: 'A', values: [3, 1] },
      { label: 'B', values: [5, 0] },
    ]);
    expect(totalOf(data)).toBe(9);
    expect(data.series[1]!.color).toBe('#000000');
    expect(describeChart(data, t, idNumber)).toBe('X: tertinggi B (5); Y: tertinggi A (1)');
    expect(describeChart({ labels: [], series: [] }, t, idNumber)).toBe('Belum ada data.');
    const big = toChartData([{ k: 'A', x: 12345 }], (r) => r.k, [{ label: 'X', value: (r) => r.x }]);
    expect(describeChart(big, t, idNumber)).toBe('X: tertinggi A (12.345)');
    expect(describeChart(big, en, enNumber)).toBe('X: highest A (12,345)');
  });

  it('builds a Chart.js configuration per kind, without animation', () => {
    const stacked = chartConfig('stacked-horizontal', data);
    expect(stacked).toMatchObject({ type: 'bar', options: { indexAxis: 'y', animation: false, scales: { x: { stacked: true }, y: { stacked: true } } } });
    expect(chartConfig('bar', data).options).toMatchObject({ indexAxis: 'x', scales: { y: { beginAtZero: true, stacked: false } } });
    const doughnut = chartConfig('doughnut', { labels: ['Ada', 'Belum'], series: [{ label: 'Desa', values: [60, 96] }] });
    expect(doughnut.type).toBe('doughnut');
    expect((doughnut.data as { datasets: { backgroundColor: string[] }[] }).datasets[0]!.backgroundColor).toHaveLength(2);
  });
});
