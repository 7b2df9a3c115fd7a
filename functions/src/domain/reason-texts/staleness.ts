import type { ReasonParam } from '../reason.js';
import { str, type ReasonEntry } from './format.js';

const months = (n: ReasonParam | undefined) => `${str(n)} ${n === 1 ? 'month' : 'months'}`;

/** Staleness (staleness.ts): the warning before a household's data is frozen. `household.beku` is with the household statuses (eligibility.ts). */
export const STALENESS_TEXTS: Record<string, ReasonEntry> = {
  'household.verval_due': {
    id: (p) =>
      `Belum ada verval selama ${str(p.missed)} bulan; lakukan verval paling lambat ${str(p.deadline)} agar data tidak beku (${str(p.remaining)} bulan lagi)`,
    en: (p) => `No verval for ${months(p.missed)}; verify by ${str(p.deadline)} so the data is not frozen (${months(p.remaining)} left)`,
  },
};
