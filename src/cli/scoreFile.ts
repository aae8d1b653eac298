import { promises as fs } from "fs";
import path from "path";
import { scoreWorkbook, ScoringError } from "../core/engine";
import { ScoreResult, WorkbookSnapshot, WritePlan } from "../core/model";
import { planWrite } from "../core/plan/writePlan";
import { Profile } from "../core/rules/profile";
import { ownSheetNames } from "../core/plan/backup";
import { applyPlan, snapshotOf } from "../workbook/exceljs";
import { copyBytes, OpenedXlsx, openXlsx } from "../workbook/xlsxFile";

/** A file that cannot be scored; the message is Chinese and names the file. Exit code 1. */
export class FileError extends Error {}

export interface ScoredFile {
  result: ScoreResult;
  output: string | null;
}

/** Where the scored copy goes when no -o is given: beside the input, never over it. */
export function defaultOutput(input: string): string {
  const { dir, name } = path.parse(input);
  return path.join(dir, `${name}-评分.xlsx`);
}

async function load(input: string): Promise<OpenedXlsx> {
  const shown = path.basename(input);
  const ext = path.extname(input).toLowerCase();
  if (ext === ".xls") throw new FileError(`${shown}：是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再评分`);
  if (ext !== ".xlsx" && ext !== ".xlsm") throw new FileError(`${shown}：不是 .xlsx 文件`);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(input);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileError(code === "ENOENT" ? `找不到文件 ${input}` : `无法读取 ${input}（${code ?? String(e)}）`);
  }
  // An .xlsx is a zip holding xl/workbook.xml; a renamed .docx or text file is not.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new FileError(`${shown}：不是有效的 .xlsx 文件（文件内容不是 Excel 工作簿）`);
  if (!bytes.includes(Buffer.from("xl/workbook.xml"))) throw new FileError(`${shown}：不是 Excel 工作簿（压缩包中没有 xl/workbook.xml，可能是改了扩展名的 Word 或其他文件）`);
  try {
    return await openXlsx(bytes);
  } catch (e) {
    if (e instanceof ScoringError) throw new FileError(`${shown}：${e.message}`);
    throw new FileError(`${shown}：文件已损坏或格式不受支持，无法打开（${(e as Error).message}）`);
  }
}

/**
 * Scores one .xlsx: read once, evaluate purely, and when `output` is given write the marked copy there (a new
 * file; the input is never written). Throws FileError for what cannot be scored.
 */
export async function scoreFile(input: string, profile: Profile, output: string | null): Promise<ScoredFile> {
  if (output && path.resolve(output) === path.resolve(input)) throw new FileError(`输出文件不能与输入文件相同（${input}）：评分结果总是写入新文件，原表保持不变`);
  const opened = await load(input);
  const { workbook } = opened;
  let result: ScoreResult;
  let plan: WritePlan | null;
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = snapshotOf(workbook, opened.prepared.merges);
    result = scoreWorkbook(snapshot, profile);
    plan = output ? planWrite(result, snapshot) : null;
  } catch (e) {
    if (e instanceof ScoringError) throw new FileError(`${path.basename(input)}：${e.message}`);
    throw e;
  }
  if (!output || !plan) return { result, output: null };
  applyPlan(workbook, plan);
  await fs.mkdir(path.dirname(path.resolve(output)), { recursive: true });
  try {
    await fs.writeFile(output, await copyBytes(opened, ownSheetNames(snapshot)));
  } catch (e) {
    throw new FileError(`无法写入 ${output}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  }
  return { result, output };
}
