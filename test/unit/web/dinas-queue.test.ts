import { describe, expect, it } from 'vitest';
import type { MusyawarahSummary } from '../../../functions/src/domain/index.js';
import { finishedOf, groupQueue, queueWilayah, waitingFor, type QueueItem } from '../../../web/src/lib/dinas/queue.js';
import { actionableStatuses, decidingActor } from '../../../web/src/lib/dinas/decisions.js';

function summary(counts: Partial<MusyawarahSummary>): MusyawarahSummary {
  const base = { draft: 0, diajukan: 0, tidak_lolos_validasi: 0, diverifikasi: 0, disetujui: 0, ditolak: 0, diterapkan: 0, total: 0 };
  const s = { ...base, ...counts };
  s.total = counts.total ?? s.diajukan + s.tidak_lolos_validasi + s.diverifikasi + s.disetujui + s.ditolak + s.diterapkan;
  return s;
}

const item = (id: string, desaCode: string, s: Partial<MusyawarahSummary> | undefined, submittedMs: number | null = 1): QueueItem => ({
  id,
  desaCode,
  kecamatanCode: desaCode.slice(0, 8),
  status: 'diajukan',
  meetingDate: '2026-11-20',
  submittedMs,
  summary: s ? summary(s) : undefined,
});

const DERATI = '17.02.06.2001';
const TABA_ANYAR = '17.02.06.2002';
const SAMBIREJO = '17.02.11.2003';
const TALANG_BENIH = '17.02.09.1033';

describe('who decides what', () => {
  it('two-level approval: the verifikator acts on diajukan, the kadis on diverifikasi; single-level: either on both', () => {
    expect(decidingActor('verifikator', undefined)).toBe('verifikator');
    expect(decidingActor('kadis', 'dua_tingkat')).toBe('kadis');
    expect(decidingActor('kadis', 'satu_tingkat')).toBe('dinas');
    expect(actionableStatuses('verifikator')).toEqual(['diajukan']);
    expect(actionableStatuses('kadis')).toEqual(['diverifikasi']);
    expect(actionableStatuses('dinas')).toEqual(['diajukan', 'diverifikasi']);
  });

  it('counts the usulan waiting for each actor from the musyawarah summary', () => {
    const s = summary({ diajukan: 2, diverifikasi: 1, tidak_lolos_validasi: 1, diterapkan: 3 });
    expect(waitingFor('verifikator', s)).toBe(2);
    expect(waitingFor('kadis', s)).toBe(1);
    expect(waitingFor('dinas', s)).toBe(3);
    expect(waitingFor('kadis', undefined)).toBe(0);
    expect(finishedOf(summary({ ditolak: 1, diterapkan: 3 }))).toBe(4);
    expect(finishedOf(undefined)).toBe(0);
  });
});

describe('the queue by kecamatan and desa', () => {
  const items = [
    item('m-sambirejo', SAMBIREJO, { diajukan: 3 }),
    item('m-derati-new', DERATI, { diajukan: 1 }, 300),
    item('m-derati-old', DERATI, { diverifikasi: 2 }, 100),
    item('m-derati-done', DERATI, { diterapkan: 2 }, 50),
    item('m-taba', TABA_ANYAR, { diajukan: 1, diverifikasi: 1 }),
    item('m-talang', TALANG_BENIH, undefined),
  ];

  it('groups by kecamatan then desa, in code order, with names and what waits for the person', () => {
    const groups = groupQueue(items, 'verifikator', { kecamatan: '', desa: '', onlyWaiting: false });
    expect(groups.map((g) => [g.code, g.name, g.waiting, g.musyawarah])).toEqual([
      ['17.02.06', 'Kec. Kota Padang', 2, 4],
      ['17.02.09', 'Kec. Curup', 0, 1],
      ['17.02.11', 'Kec. Selupu Rejang', 3, 1],
    ]);
    const kotaPadang = groups[0]!;
    expect(kotaPadang.desa.map((d) => [d.code, d.name, d.waiting])).toEqual([
      [DERATI, 'Desa Derati', 1],
      [TABA_ANYAR, 'Desa Taba Anyar', 1],
    ]);
    // Oldest submission first.
    expect(kotaPadang.desa[0]!.items.map((i) => [i.id, i.waiting])).toEqual([
      ['m-derati-done', 0],
      ['m-derati-old', 0],
      ['m-derati-new', 1],
    ]);
    expect(groups[1]!.desa[0]!.name).toBe('Kelurahan Talang Benih');
  });

  it('keeps only what waits for this person, and filters by kecamatan and desa', () => {
    const kadis = groupQueue(items, 'kadis', { kecamatan: '', desa: '', onlyWaiting: true });
    expect(kadis.flatMap((g) => g.desa.flatMap((d) => d.items.map((i) => i.id)))).toEqual(['m-derati-old', 'm-taba']);
    expect(groupQueue(items, 'verifikator', { kecamatan: '17.02.11', desa: '', onlyWaiting: false }).map((g) => g.code)).toEqual(['17.02.11']);
    const oneDesa = groupQueue(items, 'dinas', { kecamatan: '17.02.06', desa: TABA_ANYAR, onlyWaiting: true });
    expect(oneDesa).toHaveLength(1);
    expect(oneDesa[0]!.desa.map((d) => [d.code, d.waiting])).toEqual([[TABA_ANYAR, 2]]);
  });

  it('offers the kecamatan and desa that are in the queue as filter choices', () => {
    const w = queueWilayah(items);
    expect(w.kecamatan).toEqual(['17.02.06', '17.02.09', '17.02.11']);
    expect(w.desaByKecamatan.get('17.02.06')).toEqual([DERATI, TABA_ANYAR]);
  });
});
