import { execFile } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import { BACKUP_SHEET, SUMMARY_SHEET } from "../../src/core/model";
import { MARK_FILL } from "../../src/core/plan/markColours";
import { ziping } from "../helpers/cli";
import { fillOfCell } from "../../src/workbook/exceljs";
import { allValues, readBook } from "../helpers/cells";
import { CONTRADICTING_FILE, SEED_FILE } from "../helpers/snapshots";

const run = promisify(execFile);
const BIN = path.resolve(__dirname, "../../bin/ziping.js");
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ziping-cli-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("ziping score on the seed example", () => {
  let output: string;
  let json: Record<string, any>;
  beforeAll(async () => {
    output = path.join(dir, "seed-out.xlsx");
    const r = await ziping("score", SEED_FILE, "-o", output, "--json");
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
  });

  test("--json prints one document with the contract's fields", () => {
    expect(json.unit).toBe("雷州市科工贸和信息化局");
    expect(json.year).toBe(2024);
    expect(json.total).toEqual({ max: 100, declared: 91, computed: 91, checked: { indicators: 9, of: 12, points: 75 } });
    expect(json.grade).toBe("优");
    expect(json.declaredGrade).toBe("优");
    expect(Object.keys(json.indicators[0]).sort()).toEqual(["computed", "declared", "max", "path", "scoreCell", "sheet"]);
    expect(json.findings.filter((f: any) => f.kind === "deduction").map((f: any) => [f.cell, f.points])).toEqual([
      ["I12", 1],
      ["I13", 1],
      ["I14", 2],
      ["I18", 2],
      ["I19", 3],
    ]);
    for (const f of json.findings) expect(typeof f.message).toBe("string");
  });

  test("the output keeps every value of every input sheet, and the input file is untouched", async () => {
    const before = await readBook(SEED_FILE);
    const after = await readBook(output);
    const inputSheets = before.worksheets.map((w) => w.name);
    expect(allValues(after, inputSheets)).toEqual(allValues(before));
    expect(after.worksheets.map((w) => w.name)).toEqual([...inputSheets, BACKUP_SHEET, SUMMARY_SHEET]);
    expect(after.getWorksheet(BACKUP_SHEET)!.state).toBe("veryHidden");
  });

  test("deduction cells are filled with the deduction colour and carry a note with the reason", async () => {
    const ws = (await readBook(output)).getWorksheet("评分表")!;
    const cell = ws.getCell("I13");
    expect(fillOfCell(cell)).toBe(MARK_FILL.deduction);
    expect(String(cell.note)).toContain("扣 1 分");
    expect(String(cell.note)).toContain("年中调剂资金1次");
    expect(fillOfCell(ws.getCell("I11"))).toBeNull();
    // A deduction that also needs a person's check takes the deduction colour (the more pressing of the two).
    expect(fillOfCell(ws.getCell("I19"))).toBe(MARK_FILL.deduction);
  });

  test("评分汇总 lists the indicators, totals and findings with links to the marked cells", async () => {
    const ws = (await readBook(output)).getWorksheet(SUMMARY_SHEET)!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(typeof c.value === "object" && c.value && "text" in c.value ? String(c.value.text) : String(c.value))));
    expect(texts[0]).toContain("绩效自评助手 · 评分汇总：雷州市科工贸和信息化局 2024 年度");
    expect(texts).toContain("管理效率 / 资产管理 / 资产管理规范性");
    let link: ExcelJS.CellHyperlinkValue | undefined;
    ws.eachRow((row) => row.eachCell((c) => {
      if (!link && typeof c.value === "object" && c.value && "hyperlink" in c.value && c.value.text === "I19") link = c.value as ExcelJS.CellHyperlinkValue;
    }));
    expect(link!.hyperlink).toBe("#'评分表'!I19");
  });

  test("scoring our own output gives the same result, and re-marking replaces rather than adds", async () => {
    const again = path.join(dir, "seed-again.xlsx");
    const r = await ziping("score", output, "-o", again, "--json");
    expect(r.code).toBe(0);
    const second = JSON.parse(r.stdout);
    expect({ ...second, output: null }).toEqual({ ...json, output: null });
    const wb = await readBook(again);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["数据表", "评分表", BACKUP_SHEET, SUMMARY_SHEET]);
    // The backup still holds the officer's original format (no fill), not our mark.
    const backup = wb.getWorksheet(BACKUP_SHEET)!;
    let formatCell = "";
    backup.eachRow((row, r) => {
      const [type, , cell] = (row.values as unknown[]).slice(1);
      if (type === "fill" && cell === "I13") formatCell = `D${r}`;
    });
    expect(formatCell).not.toBe("");
    expect(fillOfCell(backup.getCell(formatCell))).toBeNull();
    expect(fillOfCell(wb.getWorksheet("评分表")!.getCell("I13"))).toBe(MARK_FILL.deduction);
  });
});

test("a user's own sheet named 评分汇总 survives; ours takes another name", async () => {
  const wb = await readBook(SEED_FILE);
  const mine = wb.addWorksheet(SUMMARY_SHEET);
  mine.getCell("A1").value = "我自己的汇总";
  const input = path.join(dir, "with-own-summary.xlsx");
  await wb.xlsx.writeFile(input);
  const output = path.join(dir, "with-own-summary-out.xlsx");
  expect((await ziping("score", input, "-o", output)).code).toBe(0);
  const out = await readBook(output);
  expect(out.getWorksheet(SUMMARY_SHEET)!.getCell("A1").value).toBe("我自己的汇总");
  expect(String(out.getWorksheet(`${SUMMARY_SHEET}(2)`)!.getCell("A1").value)).toContain("绩效自评助手");
});

test("the contradicting example: mismatches in JSON and red cells in the workbook", async () => {
  const output = path.join(dir, "contra-out.xlsx");
  const r = await ziping("score", CONTRADICTING_FILE, "-o", output, "--json");
  const json = JSON.parse(r.stdout);
  expect(json.total.computed).toBe(84.6);
  expect(json.findings.filter((f: any) => f.kind === "mismatch").map((f: any) => f.cell)).toEqual(["I11", "I12", "I15", "I17", "I20", "I21"]);
  const ws = (await readBook(output)).getWorksheet("评分表")!;
  expect(fillOfCell(ws.getCell("I20"))).toBe(MARK_FILL.mismatch);
  expect(fillOfCell(ws.getCell("I19"))).toBe(MARK_FILL["missing-reason"]);
});

describe("bad input: a Chinese message naming the file, exit 1, nothing written", () => {
  async function expectUnscorable(file: string, message: RegExp) {
    const output = path.join(dir, `never-${path.basename(file)}.xlsx`);
    const r = await ziping("score", file, "-o", output);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    await expect(fs.access(output)).rejects.toThrow();
  }

  test("a workbook whose only sheet is empty", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    const file = path.join(dir, "empty.xlsx");
    await wb.xlsx.writeFile(file);
    await expectUnscorable(file, /empty\.xlsx：工作簿中没有含数据的工作表/);
  });

  test("a .docx renamed .xlsx", async () => {
    const JSZip = require("jszip");
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("word/document.xml", "<w:document/>");
    const file = path.join(dir, "report.xlsx");
    await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
    await expectUnscorable(file, /report\.xlsx：不是 Excel 工作簿/);
  });

  test("a text file renamed .xlsx", async () => {
    const file = path.join(dir, "notes.xlsx");
    await fs.writeFile(file, "单位名称,得分\n");
    await expectUnscorable(file, /notes\.xlsx：不是有效的 \.xlsx 文件/);
  });

  test("a sheet with no recognisable header", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("预算").addRows([["项目", "金额"], ["办公费", 12]]);
    const file = path.join(dir, "no-header.xlsx");
    await wb.xlsx.writeFile(file);
    await expectUnscorable(file, /no-header\.xlsx：在 1 个工作表中都没有找到评分表/);
  });

  test("a missing file and a non-.xlsx name", async () => {
    await expectUnscorable(path.join(dir, "nope.xlsx"), /找不到文件/);
    await expectUnscorable(path.join(dir, "old.xls"), /旧版 \.xls 文件/);
  });
});

test("non-numeric scores become invalid findings, not crashes", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("自评表").addRows([["一级指标", "二级指标", "分值", "自评得分"], ["投入", "预算编制", 50, "五十"], ["产出", "数量", 50, "#REF!"]]);
  const file = path.join(dir, "words.xlsx");
  await wb.xlsx.writeFile(file);
  const r = await ziping("score", file, "--no-write", "--json");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(json.findings.filter((f: any) => f.kind === "invalid").map((f: any) => f.cell)).toEqual(["D2", "D3"]);
  expect(json.indicators.map((i: any) => i.declared)).toEqual([null, null]);
});

describe("usage errors exit 2", () => {
  test.each([
    [[], /用法/],
    [["score"], /缺少参数 input\.xlsx/],
    [["score", "a.xlsx", "--colour"], /不认识的选项 --colour/],
    [["grade", "a.xlsx"], /不认识的命令/],
    [["score", "a.xlsx", "-o", "a.xlsx"], /输出文件不能与输入文件相同/],
    [["score", "a.xlsx", "--profile", "shanghai"], /没有名为“shanghai”的内置评分规则/],
  ])("%p", async (args, message) => {
    const r = await ziping(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  test("a profile file that does not hold together names every problem", async () => {
    const file = path.join(dir, "bad-profile.json");
    await fs.writeFile(file, JSON.stringify({ id: "x", name: "x", version: 1, amountUnit: "万元", dataFields: {}, metrics: {}, checks: [], indicators: [{ name: "a", path: [], weight: -1, rule: { shape: "stairs" } }] }));
    const r = await ziping("score", SEED_FILE, "--profile", file, "--no-write");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("indicators[0].weight：应为 0.01 分到 10 亿分之间的分值");
    expect(r.stderr).toContain("indicators[0].rule.shape：应为 threshold");
  });
});

test("a profile nested 100,000 levels deep is a usage error in Chinese, not a stack overflow", async () => {
  const file = path.join(dir, "deep-profile.json");
  const deep = `${'{"firstOf":['.repeat(100000)}{"field":"x"}${"]}".repeat(100000)}`;
  await fs.writeFile(file, `{"id":"x","name":"x","version":1,"amountUnit":"万元","dataFields":{},"metrics":{"m":${deep}},"indicators":[],"checks":[]}`);
  const r = await ziping("score", SEED_FILE, "--profile", file, "--no-write");
  expect(r).toEqual({ code: 2, stdout: "", stderr: `ziping：评分规则文件 ${file} 有误：内容嵌套超过 32 层，不是评分规则的结构\n` });
});

test("--narrative writes the draft with the scored copy, and the report says where", async () => {
  const [output, draft] = [path.join(dir, "with-draft.xlsx"), path.join(dir, "with-draft.txt")];
  const r = await ziping("score", SEED_FILE, "-o", output, "--narrative", draft);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(`已写入 ${output}（原文件未改动）\n报告草稿已写入 ${draft}`);
  expect(await fs.readFile(draft, "utf8")).toContain("绩效自评情况");
});

describe("help and version", () => {
  /** Latin words the help may use: the program's and its commands' names, and file formats. */
  const ALLOWED = ["ziping", "score", "batch", "help", "xlsx", "json", "txt", "html"];

  /** The Latin words of `text` once option flags and <placeholders> / [placeholders] are taken out. */
  function englishWords(text: string): string[] {
    const bare = text.replace(/(?<![\w.])--?[a-z][\w-]*/gi, " ").replace(/<[^>]*>|\[[^\]]*\]/g, " ");
    return [...bare.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]).filter((w) => !ALLOWED.includes(w.toLowerCase()));
  }

  test.each([[["--help"]], [["score", "--help"]], [["help", "score"]], [["score", "-h"]], [["batch", "--help"]], [["help", "batch"]]])("ziping %p speaks Chinese", async (args) => {
    const r = await ziping(...args);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("用法：");
    expect(r.stdout).toContain("示例：");
    expect(r.stdout).toContain("ziping score 自评表.xlsx -o 已评分.xlsx --narrative 报告草稿.txt");
    expect(r.stdout).toContain("ziping batch 收文 -o 评分结果 --jobs 4");
    expect(englishWords(r.stdout)).toEqual([]);
  });

  test("the check finds commander's English when it is there", () => {
    const commanders = "Usage: ziping [options]\n  -h, --help  display help for command (default: 1)";
    expect(englishWords(commanders)).toEqual(["Usage", "display", "for", "command", "default"]);
  });

  test("--version prints package.json's version", async () => {
    const { version } = JSON.parse(await fs.readFile(path.resolve(__dirname, "../../package.json"), "utf8"));
    expect(await ziping("--version")).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  test("a mistyped option gets a Chinese suggestion and exit 2", async () => {
    const r = await ziping("score", "a.xlsx", "--jsn");
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toMatch(/^ziping：不认识的选项 --jsn（是否想输入 --json？）\n用法：/);
  });
});

test("the installed bin runs end to end with real exit codes", async () => {
  const output = path.join(dir, "bin-out.xlsx");
  const { stdout } = await run(process.execPath, [BIN, "score", SEED_FILE, "-o", output]);
  expect(stdout).toContain("自评 91 分（优），核算 91 分（优）");
  await expect(run(process.execPath, [BIN, "score", path.join(dir, "missing.xlsx")])).rejects.toMatchObject({ code: 1 });
  await expect(run(process.execPath, [BIN])).rejects.toMatchObject({ code: 2 });
});
