import { computedTotalText } from "../core/score/checked";
import { promises as fs } from "fs";
import path from "path";
import { Command, CommanderError } from "commander";
import { FileError, defaultOutput, scoreFile } from "./scoreFile";
import { loadProfile } from "./loadProfile";
import { ScoreResult } from "../core/model";
import { KIND_LABEL } from "../core/plan/markColours";
import { fmt } from "../core/decimal";

/** Exit codes: 0 scored (findings are not errors), 1 the file cannot be scored, 2 usage errors. */
const EXIT_UNSCORABLE = 1;
const EXIT_USAGE = 2;

const USAGE = "用法：ziping score <input.xlsx> [-o <output.xlsx>] [--profile <id|file.json>] [--json] [--narrative <file.txt>]";

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
    findings: result.findings.map((f) => ({ kind: f.kind, sheet: f.sheet, cell: f.cell, points: f.points, message: f.message, ...(f.related ? { related: f.related } : {}) })),
    narrative: result.narrative ?? null,
  };
}

function humanReport(result: ScoreResult, output: string | null): string {
  const counts = (Object.keys(KIND_LABEL) as (keyof typeof KIND_LABEL)[])
    .map((k) => [KIND_LABEL[k], result.findings.filter((f) => f.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${n} 处`);
  const lines = [
    `${result.unit ?? "（未写单位名称）"} ${result.year ?? ""}`.trim(),
    `自评 ${fmt(result.total.declared)} 分（${result.declaredGrade}），${computedTotalText(result.total, result.grade)}，满分 ${fmt(result.total.max)} 分`,
    counts.length > 0 ? `发现：${counts.join("，")}` : "未发现问题",
    ...result.findings.map((f) => `  [${KIND_LABEL[f.kind]}] ${f.sheet}!${f.cell}  ${f.message}`),
  ];
  if (output) lines.push(`已写入 ${output}（原文件未改动）`);
  return lines.join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name("ziping")
    .description("绩效自评助手：给部门整体支出绩效自评表评分，标注扣分与不一致之处")
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: (s) => process.stdout.write(s) })
    .helpOption("-h, --help", "显示帮助");
  program
    .command("score")
    .description("评分一个 .xlsx 工作簿，写出标注后的新工作簿")
    .argument("<input.xlsx>", "要评分的自评表工作簿")
    .option("-o, --output <output.xlsx>", "标注后的新工作簿（默认：输入文件名加“-评分”）")
    .option("--profile <id|file.json>", "评分规则：内置编号或规则文件", "default")
    .option("--json", "在标准输出打印一个 JSON 结果（不打印其他内容）")
    .option("--narrative <file.txt>", "把自评报告文字草稿写入文本文件")
    .option("--no-write", "只评分，不写出新工作簿")
    .action(async (input: string, opts: { output?: string; profile: string; json?: boolean; narrative?: string; write: boolean }) => {
      const profile = await loadProfile(opts.profile).catch((e: Error) => {
        throw new UsageError(e.message);
      });
      const output = opts.write ? opts.output ?? defaultOutput(input) : null;
      if (output && path.resolve(output) === path.resolve(input)) throw new UsageError(`输出文件不能与输入文件相同（${input}）：评分结果总是写入新文件，原表保持不变`);
      const { result } = await scoreFile(input, profile, output);
      if (opts.narrative) await fs.writeFile(opts.narrative, result.narrative ?? "", "utf8");
      process.stdout.write(opts.json ? `${JSON.stringify(toJson(result, output), null, 2)}\n` : `${humanReport(result, output)}\n`);
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
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return 0;
      process.stderr.write(`ziping：${translate(e)}\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`ziping：${e.message}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof FileError) {
      process.stderr.write(`ziping：${e.message}\n`);
      return EXIT_UNSCORABLE;
    }
    process.stderr.write(`ziping：评分时出现意外错误：${(e as Error).message}\n`);
    return EXIT_UNSCORABLE;
  }
}

function translate(e: CommanderError): string {
  const arg = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  switch (e.code) {
    case "commander.missingArgument":
      return `缺少参数 ${arg}`;
    case "commander.unknownOption":
      return `不认识的选项 ${arg}`;
    case "commander.unknownCommand":
      return `不认识的命令 ${arg}（可用命令：score）`;
    case "commander.optionMissingArgument":
      return `选项 ${arg} 缺少取值`;
    case "commander.excessArguments":
      return "参数过多：一次评分一个文件";
    default:
      return e.message;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
