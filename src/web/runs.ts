/** The files of one run as the page lists them: waiting, being scored, scored, or not scorable. */
import type { FailedUpload, ScoredUpload } from "./jobs";

export type Row =
  | { file: string; state: "waiting" | "scoring" }
  | { file: string; state: "scored"; upload: ScoredUpload }
  | { file: string; state: "failed"; upload: FailedUpload };

export function replaceRow(rows: readonly Row[], index: number, row: Row): Row[] {
  return rows.map((r, i) => (i === index ? row : r));
}

export function scoredOf(rows: readonly Row[]): ScoredUpload[] {
  return rows.flatMap((r) => (r.state === "scored" ? [r.upload] : []));
}

export function failedOf(rows: readonly Row[]): FailedUpload[] {
  return rows.flatMap((r) => (r.state === "failed" ? [r.upload] : []));
}

/** Rows whose file name holds the text typed in the filter (all of them for an empty filter). */
export function matching(rows: readonly Row[], filter: string): { row: Row; index: number }[] {
  const text = filter.trim().toLowerCase();
  return rows.map((row, index) => ({ row, index })).filter(({ row }) => row.file.toLowerCase().includes(text));
}
