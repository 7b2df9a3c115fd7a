import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emulatorHost, RULES_FILE, RULES_PROJECT_ID } from './support.js';

/** The emulator's rule-coverage report: the rules it evaluated and a tree of their expressions. */
interface CoverageReport {
  rules: { files: { content: string }[] };
  report: ExpressionNode[];
}

interface ExpressionNode {
  /** 1-based line and column; offsets into the rules text, `endOffset` inclusive. */
  sourcePosition: { line: number; column: number; currentOffset: number; endOffset: number };
  /** Each value the expression took and how often; absent when it was never evaluated. */
  values?: { count: number }[];
  children?: ExpressionNode[];
}

export interface CoverageSummary {
  total: number;
  evaluated: number;
  /** Outermost expressions never evaluated (their sub-expressions are not listed again), as `line:column  source`. */
  unevaluated: string[];
}

/** Counts every expression of the report; an expression counts as evaluated once it took any value. */
export function summarize(report: CoverageReport): CoverageSummary {
  const lines = report.rules.files[0]?.content.split('\n') ?? [];
  const summary: CoverageSummary = { total: 0, evaluated: 0, unevaluated: [] };
  const walk = (node: ExpressionNode, parentEvaluated: boolean): void => {
    const evaluated = (node.values ?? []).some((v) => v.count > 0);
    summary.total += 1;
    if (evaluated) summary.evaluated += 1;
    if (!evaluated && parentEvaluated) {
      const { line, column, currentOffset, endOffset } = node.sourcePosition;
      // The expression's first line (the emulator's end offsets fall short on calls, so the line
      // is shown up to its statement end), marked when the expression goes on below.
      const rest = (lines[line - 1] ?? '').slice(column - 1);
      const first = rest.replace(/;?\s*}?\s*$/, '');
      const more = first.length > 90 || endOffset - currentOffset >= rest.length;
      summary.unevaluated.push(`${line}:${column}  ${first.slice(0, 90)}${more ? ' …' : ''}`);
    }
    for (const child of node.children ?? []) walk(child, evaluated);
  };
  for (const node of report.report) walk(node, true);
  return summary;
}

/**
 * Registered last by the entry file, so it runs after every other rules test of the run. Loading
 * the rules (the entry file's beforeAll) reset the coverage, so the figure is this run's alone.
 */
export function ruleCoverage(): void {
  describe('rule coverage', () => {
    it('every expression of firestore.rules was evaluated by this run', async () => {
      const url = `http://${emulatorHost()}/emulator/v1/projects/${RULES_PROJECT_ID}:ruleCoverage`;
      const res = await fetch(url);
      expect(res.ok, `GET ${url}: ${res.status}`).toBe(true);
      const report = (await res.json()) as CoverageReport;
      expect(report.rules.files[0]?.content, 'the emulator holds the rules of this run').toBe(readFileSync(RULES_FILE, 'utf8'));

      const { total, evaluated, unevaluated } = summarize(report);
      const percent = total === 0 ? 0 : (100 * evaluated) / total;
      console.log(
        [
          `firestore.rules coverage (${RULES_PROJECT_ID}): ${evaluated}/${total} expressions evaluated (${percent.toFixed(1)}%)`,
          unevaluated.length ? `never evaluated:\n${unevaluated.map((u) => `  ${u}`).join('\n')}` : 'never evaluated: none',
          `details: ${url}.html`,
        ].join('\n'),
      );

      expect(total, 'the report lists the rules’ expressions').toBeGreaterThan(0);
      expect(unevaluated, 'rule expressions no test evaluated').toEqual([]);
    });
  });
}
