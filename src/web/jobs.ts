/**
 * What the web page asks of the scoring worker and what it answers. Messages are structured-cloned, so they carry
 * plain data only: results, bytes, Chinese messages.
 */
import type { ScoreResult } from "../core/model";
import type { Profile } from "../core/rules/profile";

/** One workbook scored: the result, its marked copy, and what the copy could not keep. */
export interface ScoredUpload {
  /** The file as the officer chose it: its name, or its path inside a chosen folder. */
  file: string;
  /** The scored copy's path in the zip, as `ziping batch` lays out its output folder. */
  output: string;
  result: ScoreResult;
  copy: Uint8Array;
  copyLacks: string[];
  /** Cells marked in the copy and its summary sheet, for the score card to say. */
  marking: { marked: number; summarySheet: string } | null;
}

export interface FailedUpload {
  file: string;
  /** The Chinese message `ziping score` prints for this file. */
  message: string;
}

export type Job =
  /** `profile`, a rules file chosen on the page, when given, instead of the built-in `profileId`. */
  | { kind: "score"; file: string; bytes: Uint8Array; profileId: string; profile?: Profile }
  /** One zip of the scored copies with the summary workbook and page of `ziping batch`. */
  | { kind: "bundle"; scored: ScoredUpload[]; failed: FailedUpload[] };

export type Answer =
  | { kind: "scored"; upload: ScoredUpload }
  | { kind: "failed"; upload: FailedUpload }
  | { kind: "bundle"; zip: Uint8Array };
