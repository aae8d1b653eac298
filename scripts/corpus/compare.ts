/**
 * How an engine result measures against a corpus expectation: the pairs of expected and found indicators, and the
 * counts the lead quotes (checkable indicators computed right, false mismatches, unit/year). Shared by the corpus test
 * and `npm run corpus:report`.
 */
import { IndicatorResult, ScoreResult } from "../../src/core/model";
import { CorpusExpectation, ExpectedIndicator } from "./types";

/** Tolerance on a computed score: the expectations keep three decimals where the rule leaves more. */
export const SCORE_TOLERANCE = 0.005;

/** Leaf names compare with all whitespace removed (一级\n指标, 产 出). */
export function leafKey(name: string): string {
  return name.replace(/\s+/g, "");
}

export function leafOf(indicator: IndicatorResult): string {
  return leafKey(indicator.path[indicator.path.length - 1] ?? "");
}

export interface Pair {
  expected: ExpectedIndicator;
  /** The engine's indicator of the same leaf name; undefined when it found none. */
  found: IndicatorResult | undefined;
}

/** Expected indicators paired with found ones by leaf name, in order for repeated names; and what is left over. */
export function pairIndicators(expectation: CorpusExpectation, result: ScoreResult): { pairs: Pair[]; unexpected: IndicatorResult[] } {
  const left = [...result.indicators];
  const pairs = expectation.indicators.map((expected) => {
    const i = left.findIndex((f) => leafOf(f) === leafKey(expected.name));
    return { expected, found: i < 0 ? undefined : left.splice(i, 1)[0] };
  });
  return { pairs, unexpected: left };
}

export function computedRight(pair: Pair): boolean {
  const want = pair.expected.computed;
  const got = pair.found?.computed;
  if (got === undefined) return false;
  if (want === null) return got === null;
  return got !== null && Math.abs(got - want) <= SCORE_TOLERANCE + 1e-9;
}

export function mismatchCells(result: ScoreResult): string[] {
  return [...new Set(result.findings.filter((f) => f.kind === "mismatch").map((f) => `${f.sheet}!${f.cell}`))].sort();
}

/** The `checked` total a correct engine reports: indicators with a computed score, out of all, and their 分值. */
export function expectedChecked(expectation: CorpusExpectation): { indicators: number; of: number; points: number } {
  const checkable = expectation.indicators.filter((i) => i.computed !== null);
  const points = checkable.reduce((s, i) => s + i.max, 0);
  return { indicators: checkable.length, of: expectation.indicators.length, points };
}

export interface Verdict {
  file: string;
  family: string;
  /** Null when the engine found tables; else why it did not (its error message). */
  error: string | null;
  tablesFound: boolean;
  unitRight: boolean;
  yearRight: boolean;
  /** Indicators with an expected number, and how many the engine computed within the tolerance. */
  checkable: number;
  checkableRight: number;
  /** Indicators expected as 需人工确认, and how many the engine left uncomputed. */
  manual: number;
  manualRight: number;
  /** Expected indicators the engine did not find by name. */
  missing: number;
  falseMismatches: string[];
  missedMismatches: string[];
}

export function judge(expectation: CorpusExpectation, outcome: ScoreResult | Error): Verdict {
  const base = { file: expectation.file, family: expectation.family };
  const checkable = expectation.indicators.filter((i) => i.computed !== null).length;
  const manual = expectation.indicators.length - checkable;
  if (outcome instanceof Error) {
    return { ...base, error: outcome.message, tablesFound: false, unitRight: false, yearRight: false, checkable, checkableRight: 0, manual, manualRight: 0, missing: expectation.indicators.length, falseMismatches: [], missedMismatches: [...expectation.mismatches] };
  }
  const { pairs } = pairIndicators(expectation, outcome);
  const right = pairs.filter(computedRight);
  const found = mismatchCells(outcome);
  return {
    ...base,
    error: null,
    tablesFound: outcome.indicators.length > 0,
    unitRight: outcome.unit === expectation.unit,
    yearRight: outcome.year === expectation.year,
    checkable,
    checkableRight: right.filter((p) => p.expected.computed !== null).length,
    manual,
    manualRight: right.filter((p) => p.expected.computed === null).length,
    missing: pairs.filter((p) => !p.found).length,
    falseMismatches: found.filter((c) => !expectation.mismatches.includes(c)),
    missedMismatches: expectation.mismatches.filter((c) => !found.includes(c)),
  };
}
