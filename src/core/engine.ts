import { ScoreResult, WorkbookSnapshot } from "./model";
import { Profile } from "./rules/profile";

/** A workbook that cannot be scored; the message is Chinese and names what is missing. */
export class ScoringError extends Error {}

/** STUB — being written: parse → score → findings. */
export function scoreWorkbook(snapshot: WorkbookSnapshot, profile: Profile): ScoreResult {
  void snapshot;
  void profile;
  throw new ScoringError("未实现");
}
