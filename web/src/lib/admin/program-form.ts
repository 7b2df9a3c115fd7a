import { reasonMessage } from '../i18n/reasons.js';
import {
  checkProgramConfig,
  dayBefore,
  parseIsoDate,
  programSchema,
  programVersionSchema,
  reasonsFromZod,
  type Program,
  type ProgramVersion,
} from '$domain/index.js';
import type { Translate } from '../i18n/label-text.js';
import type { FieldErrors } from './user-form.js';

/**
 * A new decree changes a program's band: the admin adds a new version with its start date and legal
 * basis, and the version in force is closed the day before. Versions already saved are history and
 * are never edited (the `configureProgram` callable refuses that); this module plans the change the
 * callable will accept, checked with the same schemas, and says what it will close. Its own words
 * come through `t` (`$_`), and so do the configuration check's reasons; the schemas' messages stay
 * in Bahasa Indonesia.
 */
export interface VersionForm {
  effectiveFrom: string;
  desilMin: number | null | undefined;
  desilMax: number | null | undefined;
  legalBasis: string;
  /** Carry over the extra criteria, exclusions, quota and overlaps of the version in force. */
  keepRules: boolean;
}

export type VersionField = 'effectiveFrom' | 'desilMin' | 'desilMax' | 'legalBasis';

export type VersionState = 'berlaku' | 'berakhir' | 'akan_berlaku';

/** The message key of each state's label. */
export const VERSION_STATE_KEYS: Record<VersionState, string> = {
  berlaku: 'admin.programs.state.berlaku',
  berakhir: 'admin.programs.state.berakhir',
  akan_berlaku: 'admin.programs.state.akanBerlaku',
};

export function versionState(v: Pick<ProgramVersion, 'effectiveFrom' | 'effectiveTo'>, today: string): VersionState {
  if (v.effectiveFrom > today) return 'akan_berlaku';
  if (v.effectiveTo !== null && v.effectiveTo < today) return 'berakhir';
  return 'berlaku';
}

/** The version that is open-ended (the latest), if any. */
export function openVersion(program: Program): ProgramVersion | null {
  return [...program.versions].filter((v) => v.effectiveTo === null).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0] ?? null;
}

export function newVersionForm(program: Program, today: string): VersionForm {
  const open = openVersion(program);
  return { effectiveFrom: today, desilMin: open?.desilMin ?? 1, desilMax: open?.desilMax ?? 5, legalBasis: '', keepRules: true };
}

export interface VersionPlan {
  /** The whole program as it will be sent, or null while the form has errors. */
  program: Program | null;
  /** Versions that will be closed, with their new last day. */
  closes: { effectiveFrom: string; effectiveTo: string }[];
  errors: FieldErrors<VersionField>;
  /** Things to know that do not stop the change. */
  notes: string[];
}

const VERSION_FIELDS: readonly string[] = ['effectiveFrom', 'desilMin', 'desilMax', 'legalBasis'];

function desilError(value: number | null | undefined, which: 'min' | 'max', t: Translate): string | null {
  if (value === null || value === undefined || Number.isNaN(value))
    return t(which === 'min' ? 'admin.programs.error.desilMinRequired' : 'admin.programs.error.desilMaxRequired');
  if (!Number.isInteger(value) || value < 1 || value > 10)
    return t(which === 'min' ? 'admin.programs.error.desilMinRange' : 'admin.programs.error.desilMaxRange');
  return null;
}

export function planNewVersion(program: Program, allPrograms: readonly Program[], form: VersionForm, today: string, t: Translate): VersionPlan {
  const errors: FieldErrors<VersionField> = {};
  const add = (field: VersionField, message: string) => (errors[field] ??= []).push(message);
  const notes: string[] = [];

  const minError = desilError(form.desilMin, 'min', t);
  if (minError) add('desilMin', minError);
  const maxError = desilError(form.desilMax, 'max', t);
  if (maxError) add('desilMax', maxError);
  if (!form.legalBasis.trim()) add('legalBasis', t('admin.programs.error.legalBasis'));

  const open = openVersion(program);
  const rules = form.keepRules && open ? { criteria: open.criteria, exclusions: open.exclusions, quota: open.quota, overlapsWith: open.overlapsWith } : {};
  const candidate = {
    effectiveFrom: form.effectiveFrom,
    effectiveTo: null,
    desilMin: form.desilMin ?? undefined,
    desilMax: form.desilMax ?? undefined,
    legalBasis: form.legalBasis,
    ...Object.fromEntries(Object.entries(rules).filter(([, v]) => v !== undefined)),
  };
  const parsed = programVersionSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const r of reasonsFromZod(parsed.error)) {
      const field = (VERSION_FIELDS.includes(r.field ?? '') ? r.field : 'effectiveFrom') as VersionField;
      // The checks above already worded the desil and legal basis problems.
      if (!errors[field]) add(field, reasonMessage(r));
    }
  }

  const latest = [...program.versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  if (parseIsoDate(form.effectiveFrom) && latest && form.effectiveFrom <= latest.effectiveFrom) {
    add('effectiveFrom', t('admin.programs.error.startAfter', { values: { date: latest.effectiveFrom } }));
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { program: null, closes: [], errors, notes };

  const lastDay = dayBefore(parsed.data.effectiveFrom);
  const closes: VersionPlan['closes'] = [];
  const versions = program.versions.map((v) => {
    if (v.effectiveTo === null || v.effectiveTo > lastDay) {
      closes.push({ effectiveFrom: v.effectiveFrom, effectiveTo: lastDay });
      return { ...v, effectiveTo: lastDay };
    }
    return v;
  });
  const next = programSchema.safeParse({ ...program, versions: [...versions, parsed.data] });
  if (!next.success) {
    add('effectiveFrom', next.error.issues[0]?.message ?? t('admin.programs.error.invalid'));
    return { program: null, closes: [], errors, notes };
  }
  const problems = checkProgramConfig([...allPrograms.filter((p) => p.id !== program.id), next.data]);
  if (problems.length > 0) {
    add('effectiveFrom', reasonMessage(problems[0]!, t));
    return { program: null, closes: [], errors, notes };
  }
  if (parsed.data.effectiveFrom < today) notes.push(t('admin.programs.note.past'));
  if (parsed.data.effectiveFrom > today) notes.push(t('admin.programs.note.future', { values: { lastDay, from: parsed.data.effectiveFrom } }));
  return { program: next.data, closes, errors, notes };
}

/** "desil 1–4" */
export function bandLabel(v: Pick<ProgramVersion, 'desilMin' | 'desilMax'>, t: Translate): string {
  return v.desilMin === v.desilMax
    ? t('admin.programs.bandOne', { values: { min: v.desilMin } })
    : t('admin.programs.band', { values: { min: v.desilMin, max: v.desilMax } });
}
