/**
 * What a benchmark module gives back: rows of one table. Each module measures something on its own
 * and returns its rows; `index.ts` runs them in order and prints and saves the table. A figure not
 * measured yet is a row too, saying which issue will measure it, never a guessed number.
 */
export interface BenchRow {
  /** What is measured, and on what (e.g. "Eligibility, 1,018,135 households"). */
  figure: string;
  /** The measured value with its unit, or "not measured yet (issue N)". */
  value: string;
  /** The target named in the issue, or "—" when it names none. */
  target: string;
  /** Whether the value meets the target; null when there is no target or no value. */
  meets: boolean | null;
  /** How it was measured, or what else the run showed. */
  note: string;
}

export interface BenchContext {
  /** Prints progress (to stderr, so stdout stays the table). */
  log(message: string): void;
}

export interface BenchModule {
  name: string;
  run(ctx: BenchContext): Promise<BenchRow[]> | BenchRow[];
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const perSecond = (count: number, ms: number) => fmt(Math.round(count / (ms / 1000)));

export function row(figure: string, value: string, note: string, target = '—', meets: boolean | null = null): BenchRow {
  return { figure, value, target, meets, note };
}
