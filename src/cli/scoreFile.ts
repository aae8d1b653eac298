import { promises as fs } from "fs";
import path from "path";
import { scoreWorkbook, ScoringError } from "../core/engine";
import { ScoreResult, WorkbookSnapshot } from "../core/model";
import { ownSheetNames } from "../core/plan/backup";
import { planWrite } from "../core/plan/writePlan";
import { Profile } from "../core/rules/profile";
import { applyPlan, snapshotOf } from "../workbook/exceljs";
import { copyBytes, OpenedXlsx, openXlsx } from "../workbook/xlsxFile";
import { copyLosses } from "../workbook/copyLosses";
import { NamedPath, OutputPath, planOutputs } from "./paths";
import { notAnXlsx, readFailure, unreadablePackage } from "./readErrors";
import { writeOutputs } from "./writeOutputs";

/** A file that cannot be scored; the message is Chinese and names the file. Exit code 1. */
export class FileError extends Error {}

export interface ScoredFile {
  result: ScoreResult;
  output: string | null;
  /** What the input holds that the scored copy does not ("图表 2 个"); the input itself keeps it. */
  copyLacks: string[];
}

export interface ScoreOptions {
  /** Where the draft report text goes: written together with the scored copy (or alone without one). */
  narrative?: string | null;
  /** The profile file the rules came from: read, so never overwritten. */
  profileFile?: string | null;
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
  const bytes = await fs.readFile(input).catch((e: unknown) => {
    throw new FileError(readFailure(input, e));
  });
  const wrong = notAnXlsx(bytes);
  if (wrong) throw new FileError(`${shown}：${wrong}`);
  try {
    return await openXlsx(bytes);
  } catch (e) {
    throw new FileError(`${shown}：${e instanceof ScoringError ? e.message : unreadablePackage(e)}`);
  }
}

/** The workbook as the engine reads it; a model ExcelJS built from an irregular package may not hold together. */
function snapshotOfLoaded({ workbook, prepared }: OpenedXlsx, shown: string): WorkbookSnapshot {
  try {
    return snapshotOf(workbook, prepared.merges);
  } catch (e) {
    if (e instanceof ScoringError) throw e;
    throw new FileError(`${shown}：${unreadablePackage(e)}`);
  }
}

/** The files a run reads and writes, as paths.ts compares them. */
function pathsOf(input: string, output: string | null, options: ScoreOptions): { inputs: NamedPath[]; outputs: OutputPath[] } {
  const inputs: NamedPath[] = [{ path: input, label: "输入文件", because: "评分结果总是写入新文件，原表保持不变" }];
  if (options.profileFile) inputs.push({ path: options.profileFile, label: "评分规则文件", because: "评分规则文件只读不写" });
  const outputs: OutputPath[] = [];
  if (output) outputs.push({ path: output, label: "输出文件", because: "标注后的工作簿与报告草稿要写入两个不同的文件", makeFolders: true });
  if (options.narrative) outputs.push({ path: options.narrative, label: "报告草稿文件", because: "两者要写入不同的文件", makeFolders: false });
  return { inputs, outputs };
}

/**
 * Scores one .xlsx: check the paths, read once, evaluate purely, and when `output` (or a narrative file) is given write
 * the marked copy and the draft text, all or nothing; the input is never written. Throws PathError for paths that
 * must not be combined (before anything is read), FileError for what cannot be scored, WriteError when writing fails.
 */
export async function scoreFile(input: string, profile: Profile, output: string | null, options: ScoreOptions = {}): Promise<ScoredFile> {
  const { inputs, outputs } = pathsOf(input, output, options);
  const targets = await planOutputs(inputs, outputs);
  const shown = path.basename(input);
  const opened = await load(input);
  let result: ScoreResult;
  let copy: Buffer | null = null;
  let copyLacks: string[] = [];
  try {
    const snapshot = snapshotOfLoaded(opened, shown);
    result = scoreWorkbook(snapshot, profile);
    if (output) {
      applyPlan(opened.workbook, planWrite(result, snapshot, opened.prepared.lacks));
      copy = await copyBytes(opened, ownSheetNames(snapshot));
      copyLacks = await copyLosses(opened.prepared.source, copy);
    }
  } catch (e) {
    if (e instanceof ScoringError) throw new FileError(`${shown}：${e.message}`);
    throw e;
  }
  const contents = [...(copy ? [copy] : []), ...(options.narrative ? [result.narrative ?? ""] : [])];
  await writeOutputs(targets.map((target, i) => ({ target, write: (file: string) => fs.writeFile(file, contents[i]) })));
  return { result, output, copyLacks };
}
