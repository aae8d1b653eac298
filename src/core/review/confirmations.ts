import { fromA1 } from "../grid/address";
import { CellValue, Confirmation, Finding, LapsedConfirmation, WorkbookSnapshot } from "../model";

/**
 * 已核对: the officer's word that a finding was checked. Written once here and used by every host: the pane adds or
 * withdraws one and re-scores, the ribbon and the CLI re-score, and each run applies the stored ones to its findings.
 */

/** Which finding a confirmation speaks of. */
export type FindingKey = Pick<Finding, "sheet" | "cell" | "kind">;

const sameFinding = (a: FindingKey, b: FindingKey) => a.sheet === b.sheet && a.cell === b.cell && a.kind === b.kind;

/** A cell's value as a confirmation records it: text that reads the same from every host (dates arrive as ISO text). */
export function valueText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** What a cell holds in a snapshot, as valueText; "" for an empty cell or a sheet that is not there. */
export function cellValueText(snapshot: WorkbookSnapshot, sheet: string, cell: string): string {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!s) return "";
  const { row, col } = fromA1(cell);
  return valueText(s.values[row - s.top]?.[col - s.left] ?? null);
}

/** The confirmations with `finding` confirmed now, against the value its cell holds in `snapshot` (an earlier one replaced). */
export function confirm(confirmations: Confirmation[], finding: FindingKey, note: string, at: Date, snapshot: WorkbookSnapshot): Confirmation[] {
  const { sheet, cell, kind } = finding;
  const added: Confirmation = { sheet, cell, kind, value: cellValueText(snapshot, sheet, cell), note: note.trim(), at: at.toISOString() };
  return [...withdraw(confirmations, finding), added];
}

/** The confirmations without the one of `finding` (撤销核对). */
export function withdraw(confirmations: Confirmation[], finding: FindingKey): Confirmation[] {
  return confirmations.filter((c) => !sameFinding(c, finding));
}

export interface Review {
  /** The findings, those still confirmed carrying `confirmed`. */
  findings: Finding[];
  /** What the backup sheet keeps from this run on. */
  standing: Confirmation[];
  /** Confirmations whose finding shows again because its cell's value changed. */
  lapsed: LapsedConfirmation[];
}

/**
 * Applies stored confirmations to a run's findings. One stands while its cell holds the value confirmed, also when
 * this run has no such finding (scoring with other rules must not lose it). One whose cell changed lapses: its finding
 * is shown and marked again, and the lapse reported; when the finding is gone too (the officer fixed it) nothing is said.
 */
export function reviewFindings(findings: Finding[], confirmations: Confirmation[], snapshot: WorkbookSnapshot): Review {
  const standing: Confirmation[] = [];
  const lapsed: LapsedConfirmation[] = [];
  for (const c of confirmations) {
    const valueNow = cellValueText(snapshot, c.sheet, c.cell);
    if (valueNow === c.value) standing.push(c);
    else if (findings.some((f) => sameFinding(f, c))) lapsed.push({ ...c, valueNow });
  }
  const reviewed = findings.map((f) => {
    const c = standing.find((s) => sameFinding(s, f));
    return c ? { ...f, confirmed: { note: c.note, at: c.at } } : f;
  });
  return { findings: reviewed, standing, lapsed };
}

/** The standing confirmation of a finding, for the value it was confirmed against. */
export function confirmationOf(confirmations: readonly Confirmation[], finding: FindingKey): Confirmation | undefined {
  return confirmations.find((c) => sameFinding(c, finding));
}
