import type { ActorRole, MusyawarahStatus, MusyawarahSummary } from '$domain/index.js';
import { actionableStatuses } from './decisions.js';
import { desaLabel, kecamatanLabel } from './wilayah-names.js';

/**
 * The Dinas Sosial's queue of submitted musyawarah, grouped by kecamatan and then desa/kelurahan,
 * with how many usulan in each wait for the person looking at it.
 */
export interface QueueItem {
  id: string;
  desaCode: string;
  kecamatanCode: string;
  status: MusyawarahStatus;
  /** Meeting date, `YYYY-MM-DD`. */
  meetingDate: string;
  /** Submission time in ms, null while unknown. */
  submittedMs: number | null;
  summary?: MusyawarahSummary;
}

export interface QueueFilter {
  /** Kecamatan code, or '' for all. */
  kecamatan: string;
  /** Desa code, or '' for all. */
  desa: string;
  /** Only musyawarah with usulan waiting for this actor. */
  onlyWaiting: boolean;
}

export interface DesaGroup {
  code: string;
  name: string;
  waiting: number;
  items: (QueueItem & { waiting: number })[];
}

export interface KecamatanGroup {
  code: string;
  name: string;
  waiting: number;
  musyawarah: number;
  desa: DesaGroup[];
}

/** Usulan of a musyawarah that wait for this actor's decision (0 until the summary is written). */
export function waitingFor(actor: ActorRole, summary: MusyawarahSummary | undefined): number {
  if (!summary) return 0;
  return actionableStatuses(actor).reduce((n, s) => n + (summary[s] ?? 0), 0);
}

/** Usulan of a musyawarah that are final (applied or refused). */
export function finishedOf(summary: MusyawarahSummary | undefined): number {
  return summary ? (summary.diterapkan ?? 0) + (summary.ditolak ?? 0) : 0;
}

export function groupQueue(items: readonly QueueItem[], actor: ActorRole, filter: QueueFilter): KecamatanGroup[] {
  const byKecamatan = new Map<string, KecamatanGroup>();
  for (const item of items) {
    if (filter.kecamatan && item.kecamatanCode !== filter.kecamatan) continue;
    if (filter.desa && item.desaCode !== filter.desa) continue;
    const waiting = waitingFor(actor, item.summary);
    if (filter.onlyWaiting && waiting === 0) continue;
    const kec = byKecamatan.get(item.kecamatanCode) ?? {
      code: item.kecamatanCode,
      name: kecamatanLabel(item.kecamatanCode),
      waiting: 0,
      musyawarah: 0,
      desa: [],
    };
    byKecamatan.set(item.kecamatanCode, kec);
    let desa = kec.desa.find((d) => d.code === item.desaCode);
    if (!desa) {
      desa = { code: item.desaCode, name: desaLabel(item.desaCode), waiting: 0, items: [] };
      kec.desa.push(desa);
    }
    desa.items.push({ ...item, waiting });
    desa.waiting += waiting;
    kec.waiting += waiting;
    kec.musyawarah += 1;
  }
  const groups = [...byKecamatan.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  for (const kec of groups) {
    kec.desa.sort((a, b) => (a.code < b.code ? -1 : 1));
    // Oldest submission first: it has waited longest.
    for (const d of kec.desa) d.items.sort((a, b) => (a.submittedMs ?? Infinity) - (b.submittedMs ?? Infinity) || (a.id < b.id ? -1 : 1));
  }
  return groups;
}

/** The kecamatan and desa that appear in the queue, for the filter's choices. */
export function queueWilayah(items: readonly QueueItem[]): { kecamatan: string[]; desaByKecamatan: Map<string, string[]> } {
  const desaByKecamatan = new Map<string, string[]>();
  for (const item of items) {
    const list = desaByKecamatan.get(item.kecamatanCode) ?? [];
    if (!list.includes(item.desaCode)) list.push(item.desaCode);
    desaByKecamatan.set(item.kecamatanCode, list);
  }
  for (const list of desaByKecamatan.values()) list.sort();
  return { kecamatan: [...desaByKecamatan.keys()].sort(), desaByKecamatan };
}
