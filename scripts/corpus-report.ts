/**
 * How the engine does on the held-out corpus, per workbook and overall: `npm run corpus:report`.
 * Reads the written files (run `npm run corpus` first), scores each with the default profile, and prints the numbers
 * the lead quotes: tables found, checkable indicators computed right, 需人工确认 left uncomputed, false and missed
 * mismatches, unit and year.
 */
import ExcelJS from "exceljs";
import { scoreWorkbook } from "../src/core/engine";
import { ScoreResult } from "../src/core/model";
import { getBuiltInProfile } from "../src/core/rules/profiles";
import { snapshotOf } from "../src/workbook/exceljs";
import { CORPUS, corpusFile } from "./corpus";
import { judge, Verdict } from "./corpus/compare";

async function scoreFile(file: string): Promise<ScoreResult | Error> {
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return scoreWorkbook(snapshotOf(wb), getBuiltInProfile("default"));
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

const yes = (b: boolean) => (b ? "是" : "否");
const ratio = (n: number, m: number) => `${n}/${m}`;
const percent = (n: number, m: number) => (m === 0 ? "—" : `${((n / m) * 100).toFixed(1)}%`);

function line(v: Verdict): string {
  const cells = [
    v.file,
    v.family,
    yes(v.tablesFound),
    ratio(v.checkableRight, v.checkable),
    ratio(v.manualRight, v.manual),
    String(v.falseMismatches.length),
    String(v.missedMismatches.length),
    `${yes(v.unitRight)}/${yes(v.yearRight)}`,
  ];
  const notes = [
    v.error ? `错误：${v.error}` : "",
    v.missing > 0 ? `未找到 ${v.missing} 个指标` : "",
    v.falseMismatches.length > 0 ? `误报 ${v.falseMismatches.join(" ")}` : "",
    v.missedMismatches.length > 0 ? `漏报 ${v.missedMismatches.join(" ")}` : "",
  ].filter(Boolean);
  return [...cells, notes.join("；")].join(" | ");
}

async function main(): Promise<void> {
  const verdicts: Verdict[] = [];
  for (const entry of CORPUS) verdicts.push(judge(entry.expectation, await scoreFile(corpusFile(entry))));
  console.log("工作簿 | 版式 | 找到表 | 可核算指标算对 | 需人工确认未计算 | 误报不一致 | 漏报不一致 | 单位/年度正确 | 说明");
  for (const v of verdicts) console.log(line(v));
  const sum = (f: (v: Verdict) => number) => verdicts.reduce((s, v) => s + f(v), 0);
  const checkable = sum((v) => v.checkable);
  const right = sum((v) => v.checkableRight);
  console.log("");
  console.log(`合计：${verdicts.length} 个工作簿，找到表 ${sum((v) => Number(v.tablesFound))} 个`);
  console.log(`可核算指标算对 ${ratio(right, checkable)}（${percent(right, checkable)}）`);
  console.log(`需人工确认的指标未计算 ${ratio(sum((v) => v.manualRight), sum((v) => v.manual))}`);
  console.log(`误报不一致 ${sum((v) => v.falseMismatches.length)} 处，漏报不一致 ${sum((v) => v.missedMismatches.length)} 处（共 ${CORPUS.reduce((s, e) => s + e.expectation.mismatches.length, 0)} 处预设错误）`);
  console.log(`单位正确 ${sum((v) => Number(v.unitRight))}/${verdicts.length}，年度正确 ${sum((v) => Number(v.yearRight))}/${verdicts.length}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
