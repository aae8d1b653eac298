import { promises as fs } from "fs";
import { scoredCopyName } from "../batch/copyPath";
import path from "path";
import { Profile } from "../core/rules/profile";
import { ScoreResult } from "../core/model";
import { FileError, nameProblem, scoreXlsx } from "../workbook/scoreXlsx";
import { NamedPath, OutputPath, planOutputs } from "./paths";
import { readFailure } from "./readErrors";
import { writeOutputs } from "./writeOutputs";

export { FileError };

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
  return path.join(path.dirname(input), scoredCopyName(path.basename(input)));
}

/** The file's bytes, once its name says it may be a workbook (an old .xls is told as such even when missing). */
async function read(input: string): Promise<Buffer> {
  const wrongName = nameProblem(path.basename(input));
  if (wrongName) throw new FileError(wrongName);
  return fs.readFile(input).catch((e: unknown) => {
    throw new FileError(readFailure(input, e));
  });
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
  const { result, copy, copyLacks } = await scoreXlsx(await read(input), path.basename(input), profile, output !== null);
  const contents = [...(copy ? [copy] : []), ...(options.narrative ? [result.narrative ?? ""] : [])];
  await writeOutputs(targets.map((target, i) => ({ target, write: (file: string) => fs.writeFile(file, contents[i]) })));
  return { result, output, copyLacks };
}
