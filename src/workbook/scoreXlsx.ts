import { scoreWorkbook } from "../core/engine";
import { ScoringError } from "../core/errors";
import { ScoreResult, WorkbookSnapshot } from "../core/model";
import { ownSheetNames } from "../core/plan/backup";
import { planWrite } from "../core/plan/writePlan";
import { Profile } from "../core/rules/profile";
import { copyLosses } from "./copyLosses";
import { applyPlan, snapshotOf } from "./exceljs";
import { notAnXlsx, unreadablePackage } from "./packageProblems";
import { copyBytes, OpenedXlsx, openXlsx } from "./xlsxFile";

/**
 * Scoring one .xlsx from its bytes, wherever they come from (a file on the disk, a folder of them, a page's upload):
 * the one place that turns bytes into a result and a marked copy.
 */

/** A file that cannot be scored; the message is Chinese and names the file. Exit code 1 for `ziping score`. */
export class FileError extends Error {}

export interface ScoredXlsx {
  result: ScoreResult;
  /** The marked copy; null when not asked to write. */
  copy: Uint8Array | null;
  /** What the input holds that the scored copy does not ("图表 2 个"); the input itself keeps it. */
  copyLacks: string[];
  /** In the copy: how many cells are marked, and the summary sheet's name; null when not asked to write. */
  marking: { marked: number; summarySheet: string } | null;
}

/** Why a file of this name is not scored before reading it (an old .xls, another format); null for .xlsx / .xlsm. */
export function nameProblem(fileName: string): string | null {
  const ext = /\.[^./\\]*$/.exec(fileName)?.[0].toLowerCase() ?? "";
  if (ext === ".xls") return `${fileName}：是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再评分`;
  if (ext !== ".xlsx" && ext !== ".xlsm") return `${fileName}：不是 .xlsx 文件`;
  return null;
}

async function open(bytes: Buffer, shown: string): Promise<OpenedXlsx> {
  const wrong = notAnXlsx(bytes);
  if (wrong) throw new FileError(`${shown}：${wrong}`);
  try {
    return await openXlsx(bytes);
  } catch (e) {
    throw new FileError(`${shown}：${e instanceof ScoringError ? e.message : unreadablePackage(e)}`);
  }
}

/** The workbook as the engine reads it; a model ExcelJS built from an irregular package may not hold together. */
function snapshotOfOpened({ workbook, prepared }: OpenedXlsx, shown: string): WorkbookSnapshot {
  try {
    return snapshotOf(workbook, prepared.merges);
  } catch (e) {
    if (e instanceof ScoringError) throw e;
    throw new FileError(`${shown}：${unreadablePackage(e)}`);
  }
}

/**
 * Scores an .xlsx given as bytes, and with `write` makes the marked copy. `fileName` is only for messages
 * ("X.xlsx：…"); throws FileError with the same Chinese message `ziping score` prints.
 */
export async function scoreXlsx(bytes: Uint8Array, fileName: string, profile: Profile, write: boolean): Promise<ScoredXlsx> {
  const wrongName = nameProblem(fileName);
  if (wrongName) throw new FileError(wrongName);
  const opened = await open(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName);
  try {
    const snapshot = snapshotOfOpened(opened, fileName);
    const result = scoreWorkbook(snapshot, profile);
    if (!write) return { result, copy: null, copyLacks: [], marking: null };
    const plan = planWrite(result, snapshot, opened.prepared.lacks);
    applyPlan(opened.workbook, plan);
    const copy = await copyBytes(opened, ownSheetNames(snapshot));
    const marking = plan.summary ? { marked: plan.marks.length, summarySheet: plan.summary.name } : null;
    return { result, copy, copyLacks: await copyLosses(opened.prepared.source, copy), marking };
  } catch (e) {
    if (e instanceof ScoringError) throw new FileError(`${fileName}：${e.message}`);
    throw e;
  }
}
