import { BackupRecord, CellMark, Fill, Finding, ScoreResult, SUMMARY_SHEET, WorkbookSnapshot, WritePlan } from "../model";
import { ownSheetNames, previousBackup } from "./backup";
import { KIND_LABEL, KIND_SEVERITY, MARK_FILL } from "./markColours";
import { summarySheetRows } from "./summarySheet";

/** Notes we write start with this, so that an officer sees whose note it is. */
export const NOTE_PREFIX = "【绩效自评助手】";

const key = (sheet: string, cell: string) => `${sheet}\u0001${cell}`;

/** The cells a run will mark, one entry per cell: read their current fills before calling planWrite. */
export function cellsToMark(result: ScoreResult): { sheet: string; cell: string }[] {
  const seen = new Map<string, { sheet: string; cell: string }>();
  for (const f of result.findings) if (!seen.has(key(f.sheet, f.cell))) seen.set(key(f.sheet, f.cell), { sheet: f.sheet, cell: f.cell });
  return [...seen.values()];
}

/** The earlier run to undo: the backup record, or a summary we wrote whose backup sheet was deleted. */
function runToUndo(snapshot: WorkbookSnapshot): BackupRecord | null {
  const previous = previousBackup(snapshot);
  if (previous) return previous;
  const summary = [...ownSheetNames(snapshot)][0];
  return summary ? { version: 1, summarySheet: summary, fills: [], notes: [] } : null;
}

/** 评分汇总, or 评分汇总(2)… when a sheet of the officer's already has the name. */
function summaryName(snapshot: WorkbookSnapshot, previous: BackupRecord | null): string {
  if (previous?.summarySheet) return previous.summarySheet;
  const taken = new Set(snapshot.sheets.map((s) => s.name));
  let name = SUMMARY_SHEET;
  for (let n = 2; taken.has(name); n++) name = `${SUMMARY_SHEET}(${n})`;
  return name;
}

function markFor(findings: Finding[]): Omit<CellMark, "sheet" | "cell"> {
  const kind = KIND_SEVERITY.find((k) => findings.some((f) => f.kind === k))!;
  const lines = findings.map((f) => `[${KIND_LABEL[f.kind]}] ${f.message}`);
  return { kind, fill: MARK_FILL[kind], note: `${NOTE_PREFIX}\n${lines.join("\n")}` };
}

/**
 * Decides every write of a scoring run. `fillOf` gives a cell's fill as it is now; a cell an earlier run marked has its
 * original fill in that run's backup, which is carried over so that 清除标注 always restores the officer's own fill.
 */
export function planWrite(result: ScoreResult, snapshot: WorkbookSnapshot, fillOf: (sheet: string, cell: string) => Fill): WritePlan {
  const previous = runToUndo(snapshot);
  const protectedSheets = new Set(snapshot.sheets.filter((s) => s.protected).map((s) => s.name));
  const originalFills = new Map((previous?.fills ?? []).map((f) => [key(f.sheet, f.cell), f.fill]));

  const byCell = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (protectedSheets.has(f.sheet)) continue;
    const k = key(f.sheet, f.cell);
    byCell.set(k, [...(byCell.get(k) ?? []), f]);
  }
  const marks: CellMark[] = [...byCell.values()].map((findings) => ({ sheet: findings[0].sheet, cell: findings[0].cell, ...markFor(findings) }));
  const name = summaryName(snapshot, previous);
  const skippedProtectedSheets = [...new Set(result.findings.filter((f) => protectedSheets.has(f.sheet)).map((f) => f.sheet))];
  return {
    clearPrevious: previous,
    marks,
    summary: { name, ...summarySheetRows(result, skippedProtectedSheets) },
    backup: {
      version: 1,
      summarySheet: name,
      fills: marks.map((m) => {
        const k = key(m.sheet, m.cell);
        return { sheet: m.sheet, cell: m.cell, fill: originalFills.has(k) ? originalFills.get(k)! : fillOf(m.sheet, m.cell) };
      }),
      notes: marks.map((m) => ({ sheet: m.sheet, cell: m.cell })),
    },
    skippedProtectedSheets,
  };
}
