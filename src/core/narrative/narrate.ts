import { Evaluation } from "../engine";
/** Draft report text — being written (issue 4). */
export function narrate(evaluation: Evaluation): string {
  void evaluation;
  return "";
}
