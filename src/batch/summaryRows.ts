import { sameScore } from "../core/decimal";
import { FindingKind, Grade, ScoreResult } from "../core/model";
import { KIND_LABEL } from "../core/plan/markColours";
import { checkedText } from "../core/score/checked";

/**
 * What a batch of scored workbooks says as rows: departments ranked by their computed score, every finding of every
 * department, counts by kind and by grade. Pure, so that the command line and the web page build the same summary.
 */

/** A department's workbook that was scored. Paths are relative (to the scanned folder, and to the summary's folder). */
export interface BatchEntry {
  file: string;
  /** Where its scored copy was written; null when none was. */
  output: string | null;
  result: ScoreResult;
  copyLacks: string[];
}

/** A file that could not be scored, and why (the message `ziping score` gives for it). */
export interface BatchFailure {
  file: string;
  message: string;
}

/** Why a file was not scored, without the file's name that the message starts with (shown beside it already). */
export function failureReason({ file, message }: BatchFailure): string {
  const name = `${file.slice(file.lastIndexOf("/") + 1)}：`;
  return message.startsWith(name) ? message.slice(name.length) : message;
}

export const KINDS = Object.keys(KIND_LABEL) as FindingKind[];
export const GRADES: Grade[] = ["优", "良", "中", "差"];

export type KindCounts = Record<FindingKind, number>;

export const unitName = (result: ScoreResult) => result.unit ?? "（未写单位名称）";

export function kindCounts(result: ScoreResult): KindCounts {
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as KindCounts;
  for (const f of result.findings) counts[f.kind]++;
  return counts;
}

export interface DepartmentRow {
  /** Equal computed scores share a rank (1, 2, 2, 4). */
  rank: number;
  entry: BatchEntry;
  unit: string;
  /** 自评 − 核算: positive where the department scored itself higher than its data support. */
  difference: number;
  checked: string;
  counts: KindCounts;
}

/** Highest computed score first; equal scores in the order of their files, so that a run is repeatable. */
export function ranked(entries: BatchEntry[]): BatchEntry[] {
  return [...entries].sort((a, b) => b.result.total.computed - a.result.total.computed || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export function departmentRows(entries: BatchEntry[]): DepartmentRow[] {
  const order = ranked(entries);
  return order.map((entry) => {
    const { total } = entry.result;
    return {
      rank: 1 + order.filter((o) => o.result.total.computed > total.computed && !sameScore(o.result.total.computed, total.computed)).length,
      entry,
      unit: unitName(entry.result),
      difference: total.declared - total.computed,
      checked: checkedText(total),
      counts: kindCounts(entry.result),
    };
  });
}

/** How many departments earn each grade on their computed score. */
export function gradeCounts(entries: BatchEntry[]): { grade: Grade; count: number }[] {
  return GRADES.map((grade) => ({ grade, count: entries.filter((e) => e.result.grade === grade).length }));
}

/** Findings of every department, most frequent kind first (kinds no department has are left out). */
export function kindTotals(entries: BatchEntry[]): { kind: FindingKind; count: number; departments: number }[] {
  return KINDS.map((kind) => ({
    kind,
    count: entries.reduce((n, e) => n + kindCounts(e.result)[kind], 0),
    departments: entries.filter((e) => e.result.findings.some((f) => f.kind === kind)).length,
  }))
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count);
}

export interface FindingRow {
  unit: string;
  entry: BatchEntry;
  /** "管理效率 / 资产管理 / 资产管理规范性"; empty for a finding that belongs to no indicator. */
  indicator: string;
  kind: FindingKind;
  points: number | null;
  message: string;
  sheet: string;
  cell: string;
}

/** Every finding, department by department in ranked order, each in the order the engine gives. */
export function findingRows(entries: BatchEntry[]): FindingRow[] {
  return ranked(entries).flatMap((entry) =>
    entry.result.findings.map((f) => ({
      unit: unitName(entry.result),
      entry,
      indicator: (f.indicatorPath ?? []).join(" / "),
      kind: f.kind,
      points: f.points,
      message: f.message,
      sheet: f.sheet,
      cell: f.cell,
    })),
  );
}

/** Score bands of the histogram: below 60 (差), then five points wide up to 100; above 100 is its own band. */
export const SCORE_BANDS: { label: string; from: number; to: number }[] = [
  { label: "60 以下", from: -Infinity, to: 60 },
  ...[60, 65, 70, 75, 80, 85, 90, 95].map((from) => ({ label: `${from}–${from + 5}`, from, to: from + 5 })),
];

/** Departments by band of computed score; 100 itself falls in the top band, anything above it in a band of its own. */
export function scoreBands(entries: BatchEntry[]): { label: string; count: number }[] {
  const scores = entries.map((e) => e.result.total.computed);
  const bands = SCORE_BANDS.map((b, i) => ({
    label: b.label,
    count: scores.filter((s) => s >= b.from && (s < b.to || (i === SCORE_BANDS.length - 1 && s <= b.to))).length,
  }));
  const above = scores.filter((s) => s > 100).length;
  return above > 0 ? [...bands, { label: "100 以上", count: above }] : bands;
}
