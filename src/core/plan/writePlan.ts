import { Fill, ScoreResult, WorkbookSnapshot, WritePlan } from "../model";
/** STUB — being written. The cells a run will mark (their current fills must be read before planWrite). */
export function cellsToMark(result: ScoreResult): { sheet: string; cell: string }[] {
  void result;
  return [];
}
/** STUB — being written. */
export function planWrite(result: ScoreResult, snapshot: WorkbookSnapshot, fillOf: (sheet: string, cell: string) => Fill): WritePlan {
  void result; void snapshot; void fillOf;
  throw new Error("未实现");
}
