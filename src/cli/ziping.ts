import { readFileSync, statSync } from "fs";
import path from "path";
import { Command, CommanderError } from "commander";
import { CHINESE_HELP, usageErrorText } from "./commanderChinese";
import { FileError, defaultOutput, scoreFile } from "./scoreFile";
import { BatchRun, EmptyFolderError, scoreFolder } from "./batch";
import { batchJson } from "../batch/batchJson";
import { failureReason } from "../batch/summaryRows";
import { Progress } from "./progress";
import { isProfileFile, loadProfile } from "./loadProfile";
import { PathError } from "./paths";
import { WriteError } from "./writeOutputs";
import { ScoreResult } from "../core/model";
import { KIND_LABEL } from "../core/plan/markColours";
import { lapsedTexts } from "../core/plan/summarySheet";
import { fmt } from "../core/decimal";
import { computedTotalText } from "../core/score/checked";
import { draftNotice } from "../core/narrative/narrate";

/** Exit codes: 0 scored (findings are not errors), 1 the file cannot be scored, 2 usage errors. */
const EXIT_UNSCORABLE = 1;
const EXIT_USAGE = 2;

const USAGE = [
  "用法：ziping score <input.xlsx> [-o <output.xlsx>] [--profile <id|file.json>] [--json] [--narrative <file.txt>]",
  "      ziping batch <文件夹> [-o <输出文件夹>] [--profile <id|file.json>] [--jobs <个数>] [--json]",
].join("\n");

/**
 * Files a batch scores at once. Scoring is CPU work on one thread: on a 2-core machine two at a time (or two worker
 * threads) took as long as one (npm run bench), so one is the default; more overlap slow reads and writes (a file server).
 */
const DEFAULT_JOBS = 1;
const MAX_JOBS = 8;

class UsageError extends Error {}

/** The JSON contract of `ziping score --json`. */
function toJson(result: ScoreResult, output: string | null) {
  return {
    unit: result.unit,
    year: result.year,
    total: result.total,
    grade: result.grade,
    declaredGrade: result.declaredGrade,
    profile: result.profile,
    output,
    indicators: result.indicators.map((i) => ({ path: i.path, max: i.max, declared: i.declared, computed: i.computed, sheet: i.sheet, scoreCell: i.scoreCell })),
    findings: result.findings.map((f) => ({
      kind: f.kind,
      sheet: f.sheet,
      cell: f.cell,
      points: f.points,
      message: f.message,
      ...(f.related ? { related: f.related } : {}),
      ...(f.confirmed ? { confirmed: f.confirmed } : {}),
    })),
    lapsedConfirmations: result.lapsedConfirmations ?? [],
    narrative: result.narrative ?? null,
    narrativeBlocks: result.narrativeBlocks ?? [],
    narrativeSources: result.narrativeSources ?? [],
  };
}

function batchReport(run: BatchRun): string {
  const lines = [`已评分 ${run.entries.length} 个文件${run.failures.length > 0 ? `，未能评分 ${run.failures.length} 个：` : ""}`];
  for (const f of run.failures) lines.push(`  ${f.file}：${failureReason(f)}`);
  lines.push(`评分后的副本已写入 ${run.outputFolder}（原文件未改动）`, `评分汇总表：${run.summary}`, `评分汇总页：${run.page}`);
  return lines.join("\n");
}

/** --jobs as a whole number from 1 to MAX_JOBS. */
function jobsOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_JOBS;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_JOBS) throw new UsageError(`--jobs 应为 1 到 ${MAX_JOBS} 之间的整数（同时评分的文件数），而不是 ${text}`);
  return n;
}

async function profileOption(idOrFile: string | undefined) {
  const profile = await loadProfile(idOrFile ?? "default").catch((e: Error) => {
    throw new UsageError(e.message);
  });
  return { profile, profileFile: idOrFile && isProfileFile(idOrFile) ? idOrFile : null };
}

function humanReport(result: ScoreResult, output: string | null, narrative: string | null): string {
  const counts = (Object.keys(KIND_LABEL) as (keyof typeof KIND_LABEL)[])
    .map((k) => [KIND_LABEL[k], result.findings.filter((f) => f.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n} 处`);
  const confirmed = result.findings.filter((f) => f.confirmed).length;
  const lines = [
    `${result.unit ?? "（未写单位名称）"} ${result.year ?? ""}`.trim(),
    `自评 ${fmt(result.total.declared)} 分（${result.declaredGrade}），${computedTotalText(result.total, result.grade)}，满分 ${fmt(result.total.max)} 分`,
    counts.length > 0 ? `发现：${counts.join("，")}${confirmed > 0 ? `（其中 ${confirmed} 处已核对）` : ""}` : "未发现问题",
    ...result.findings.map((f) => `  [${KIND_LABEL[f.kind]}${f.confirmed ? "，已核对" : ""}] ${f.sheet}!${f.cell}  ${f.message}`),
    ...lapsedTexts(result),
  ];
  const notice = draftNotice(result);
  if (notice && result.narrative) lines.push(`报告文字草稿：${notice}`);
  if (output) lines.push(`已写入 ${output}（原文件未改动）`);
  if (narrative) lines.push(`报告草稿已写入 ${narrative}`);
  return lines.join("\n");
}

/** The version in package.json, which sits two folders up from both src/cli and build/cli. */
function version(): string {
  return (JSON.parse(readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as { version: string }).version;
}

const EXAMPLES = `
示例：
  评分，写出“自评表-评分.xlsx”（原文件不变）：
    ziping score 自评表.xlsx
  指定输出文件，并把报告文字草稿写入文本文件：
    ziping score 自评表.xlsx -o 已评分.xlsx --narrative 报告草稿.txt
  只评分，在标准输出打印 JSON 结果：
    ziping score 自评表.xlsx --json --no-write
  用本市的评分规则文件：
    ziping score 自评表.xlsx --profile 我市规则.json
  给“收文”文件夹（含子文件夹）中的全部自评表评分，结果与评分汇总表写入“收文-评分”文件夹：
    ziping batch 收文
  指定输出文件夹，同时评分 4 个文件：
    ziping batch 收文 -o 评分结果 --jobs 4
`;

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name("ziping")
    .usage("[选项] [命令]")
    .description("绩效自评助手：给部门整体支出绩效自评表评分，标注扣分与不一致之处")
    .version(version(), "-V, --version", "显示版本号")
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [命令]", "显示某个命令的帮助")
    .configureHelp(CHINESE_HELP)
    .addHelpText("after", EXAMPLES)
    .exitOverride()
    // Usage errors are printed in Chinese below, from the error's code; commander's English text is dropped.
    .configureOutput({ writeErr: () => undefined, writeOut: (s) => process.stdout.write(s) });
  program
    .command("score")
    .usage("<input.xlsx> [选项]")
    .description("评分一个 .xlsx 工作簿，写出标注后的新工作簿")
    .argument("<input.xlsx>", "要评分的自评表工作簿")
    .option("-o, --output <output.xlsx>", "标注后的新工作簿（默认：输入文件名加“-评分”）")
    .option("--profile <id|file.json>", "评分规则：内置编号或规则文件（默认：内置的通用规则）")
    .option("--json", "在标准输出打印一个 JSON 结果（不打印其他内容）")
    .option("--narrative <file.txt>", "把自评报告文字草稿写入文本文件")
    .option("--no-write", "只评分，不写出新工作簿")
    .helpOption("-h, --help", "显示帮助")
    .configureHelp(CHINESE_HELP)
    .addHelpText("after", EXAMPLES)
    .action(async (input: string, opts: { output?: string; profile?: string; json?: boolean; narrative?: string; write: boolean }) => {
      const { profile, profileFile } = await profileOption(opts.profile);
      const output = opts.write ? opts.output ?? defaultOutput(input) : null;
      // The copy is always a macro-free .xlsx: under .xlsm or .xls Excel would refuse to open it.
      // (A folder given as -o is told as such by the path checks.)
      if (output && path.extname(output).toLowerCase() !== ".xlsx" && !statSync(output, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`输出文件 ${output} 的扩展名须是 .xlsx：评分后的副本是不含宏的 .xlsx 工作簿，换成其他扩展名 Excel 会拒绝打开`);
      const { result, copyLacks } = await scoreFile(input, profile, output, { narrative: opts.narrative, profileFile });
      // Never silently: what the copy could not keep is said on stderr (and in the JSON), the input keeps all of it.
      if (copyLacks.length > 0) process.stderr.write(`ziping：注意，已评分的副本未能保留原文件中的${copyLacks.join("、")}；原文件未改动，其中这些内容完好\n`);
      process.stdout.write(opts.json ? `${JSON.stringify({ ...toJson(result, output), copyLacks }, null, 2)}\n` : `${humanReport(result, output, opts.narrative ?? null)}\n`);
    });
  program
    .command("batch")
    .usage("<文件夹> [选项]")
    .description("给文件夹（含子文件夹）中的全部 .xlsx 工作簿评分，写出评分后的副本、评分汇总表.xlsx 和评分汇总.html")
    .argument("<文件夹>", "各单位报来的自评表所在的文件夹")
    .option("-o, --output <输出文件夹>", "评分结果写入的文件夹（默认：该文件夹旁加“-评分”的文件夹）")
    .option("--profile <id|file.json>", "评分规则：内置编号或规则文件（默认：内置的通用规则）")
    .option("--jobs <个数>", `同时评分的文件数，1 到 ${MAX_JOBS}（默认：${DEFAULT_JOBS}）`)
    .option("--json", "在标准输出打印一个 JSON 结果（进度仍在标准错误输出）")
    .helpOption("-h, --help", "显示帮助")
    .configureHelp(CHINESE_HELP)
    .addHelpText("after", EXAMPLES)
    .action(async (folder: string, opts: { output?: string; profile?: string; jobs?: string; json?: boolean }) => {
      const jobs = jobsOf(opts.jobs);
      const { profile, profileFile } = await profileOption(opts.profile);
      const run = await scoreFolder(folder, { output: opts.output, profile, profileFile, jobs, progress: (total) => new Progress(total, process.stderr) });
      const lacking = run.entries.filter((e) => e.copyLacks.length > 0).length;
      if (lacking > 0) process.stderr.write(`ziping：注意，${lacking} 个副本未能保留原文件中的部分内容（见评分汇总表“副本未能保留”一列）；原文件未改动\n`);
      process.stdout.write(opts.json ? `${JSON.stringify(batchJson(run.entries, run.failures), null, 2)}\n` : `${batchReport(run)}\n`);
    });
  if (argv.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0; // --help, help, --version
      process.stderr.write(`ziping：${usageErrorText(e)}\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof UsageError || e instanceof PathError) {
      process.stderr.write(`ziping：${e.message}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof FileError || e instanceof WriteError || e instanceof EmptyFolderError) {
      process.stderr.write(`ziping：${e.message}\n`);
      return EXIT_UNSCORABLE;
    }
    process.stderr.write(`ziping：评分时出现意外错误：${(e as Error).message}\n`);
    return EXIT_UNSCORABLE;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
