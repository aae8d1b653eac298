import { promises as fs } from "fs";
import path from "path";
import { copyPath } from "../batch/copyPath";
import { BatchEntry, BatchFailure, failureReason } from "../batch/summaryRows";
import { SUMMARY_PAGE, batchSummaryHtml } from "../batch/summaryPage";
import { SUMMARY_WORKBOOK, batchSummaryWorkbook } from "../batch/summaryWorkbook";
import { fmt } from "../core/decimal";
import { Profile } from "../core/rules/profile";
import { FileError, nameProblem, scoreXlsx } from "../workbook/scoreXlsx";
import { FoundFile, spreadsheetsUnder } from "./folderWalk";
import { NamedPath, OutputPath, OutputTarget, PathError, planOutputs } from "./paths";
import { Progress } from "./progress";
import { readFailure } from "./readErrors";
import { writeOutputs, WriteError } from "./writeOutputs";

/**
 * `ziping batch <folder>`: every workbook under a folder scored into an output folder, each copy under its own
 * relative path and written as `ziping score` writes it, then 评分汇总表.xlsx and 评分汇总.html beside them. One file
 * that cannot be scored never stops the others: it is listed with the reason.
 */

export interface BatchOptions {
  output?: string;
  profile: Profile;
  /** The profile file the rules came from: read, so never overwritten. */
  profileFile: string | null;
  /** Files scored at the same time. */
  jobs: number;
  progress: (total: number) => Progress;
}

export interface BatchRun {
  entries: BatchEntry[];
  failures: BatchFailure[];
  outputFolder: string;
  summary: string;
  page: string;
}

/** A folder with nothing to score: said in Chinese, exit 1, nothing written. */
export class EmptyFolderError extends Error {}

/** Where the results go when no -o is given: a folder beside the scanned one, named after it. */
export function defaultBatchOutput(folder: string): string {
  const absolute = path.resolve(folder);
  return path.join(path.dirname(absolute), `${path.basename(absolute)}-评分`);
}


async function checkFolders(folder: string, output: string): Promise<void> {
  const stats = await fs.stat(folder, { bigint: true }).catch(() => null);
  if (!stats) throw new PathError(`找不到文件夹 ${folder}`);
  if (!stats.isDirectory()) throw new PathError(`${folder} 不是文件夹：ziping batch 给一个文件夹中的全部工作簿评分，单个文件请用 ziping score`);
  const out = await fs.stat(output, { bigint: true }).catch(() => null);
  if (out && !out.isDirectory()) throw new PathError(`输出文件夹 ${output} 是一个文件，请换一个文件夹`);
  if (out && out.dev === stats.dev && out.ino === stats.ino) throw new PathError(`输出文件夹不能是要评分的文件夹（${output}）：评分结果总是写入新文件，原表保持不变`);
}

/** Every output checked against every input by identity before anything is read: copies, summary and page. */
async function planAll(files: FoundFile[], output: string, profileFile: string | null) {
  const scorable = files.filter((f) => !nameProblem(path.basename(f.relative)));
  const inputs: NamedPath[] = files.map((f) => ({ path: f.path, label: "输入文件", because: "评分结果总是写入新文件，原表保持不变" }));
  if (profileFile) inputs.push({ path: profileFile, label: "评分规则文件", because: "评分规则文件只读不写" });
  const because = "每个输出文件只能写一次";
  const outputs: OutputPath[] = [
    { path: path.join(output, SUMMARY_WORKBOOK), label: "评分汇总表", because, makeFolders: true },
    { path: path.join(output, SUMMARY_PAGE), label: "评分汇总页", because, makeFolders: true },
    ...scorable.map((f) => ({ path: path.join(output, ...copyPath(f.relative).split("/")), label: "输出文件", because, makeFolders: true })),
  ];
  const [summary, page, ...copies] = await planOutputs(inputs, outputs);
  return { summary, page, copyOf: new Map(scorable.map((f, i) => [f.relative, copies[i]])) };
}

/** Runs `work` on each item, at most `jobs` at a time. */
async function inPool<T>(items: T[], jobs: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
}

/** Scores one file and writes its copy; a file that cannot be scored or written becomes a failure with the reason. */
async function scoreOne(file: FoundFile, target: OutputTarget | undefined, profile: Profile): Promise<BatchEntry | BatchFailure> {
  const shown = path.basename(file.relative);
  // Only files with a workbook's name have a target (planAll); the others are told what to do.
  if (!target) return { file: file.relative, message: nameProblem(shown)! };
  try {
    const bytes = await fs.readFile(file.path).catch((e: unknown) => {
      throw new FileError(readFailure(file.relative, e));
    });
    const { result, copy, copyLacks } = await scoreXlsx(bytes, shown, profile, true);
    await writeOutputs([{ target, write: (temporary) => fs.writeFile(temporary, copy!) }]);
    return { file: file.relative, output: copyPath(file.relative), result, copyLacks };
  } catch (e) {
    if (e instanceof FileError || e instanceof WriteError) return { file: file.relative, message: e.message };
    return { file: file.relative, message: `${shown}：评分时出现意外错误：${(e as Error).message}` };
  }
}

export async function scoreFolder(folder: string, options: BatchOptions): Promise<BatchRun> {
  const outputFolder = options.output ?? defaultBatchOutput(folder);
  await checkFolders(folder, outputFolder);
  const walked = await spreadsheetsUnder(folder, outputFolder);
  if (walked.files.length === 0) {
    throw new EmptyFolderError(walked.unreadable[0]?.message ?? `${folder} 中没有找到 .xlsx 工作簿（隐藏文件和 Excel 的临时文件 ~$*.xlsx 不计）`);
  }
  const { summary, page, copyOf } = await planAll(walked.files, outputFolder, options.profileFile);
  const progress = options.progress(walked.files.length);
  const outcomes = new Map<string, BatchEntry | BatchFailure>();
  await inPool(walked.files, options.jobs, async (file) => {
    progress.start(file.relative);
    const outcome = await scoreOne(file, copyOf.get(file.relative), options.profile);
    outcomes.set(file.relative, outcome);
    progress.finish(file.relative, "result" in outcome ? `核算 ${fmt(outcome.result.total.computed)} 分（${outcome.result.grade}）` : `未能评分：${failureReason(outcome)}`);
  });
  progress.end();
  // In the order of the files, whatever order they finished in.
  const ordered = walked.files.map((f) => outcomes.get(f.relative)!);
  const entries = ordered.filter((o): o is BatchEntry => "result" in o);
  const failures = [
    ...walked.unreadable.map((u) => ({ file: u.relative || ".", message: u.message })),
    ...ordered.filter((o): o is BatchFailure => !("result" in o)),
  ];
  const [workbook, html] = [await batchSummaryWorkbook(entries, failures), batchSummaryHtml(entries, failures)];
  await writeOutputs([
    { target: summary, write: (temporary) => fs.writeFile(temporary, workbook) },
    { target: page, write: (temporary) => fs.writeFile(temporary, html) },
  ]);
  return { entries, failures, outputFolder, summary: summary.shown, page: page.shown };
}
