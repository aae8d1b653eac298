/**
 * A corpus of hostile workbooks ("Never lose the officer's work"): each is built in memory with ExcelJS, so no
 * binary file is committed, and states what the `ziping score` contract expects of it: exit 0 with certain
 * findings, or exit 1 with a Chinese message. hostile.test.ts runs every one through the command line and checks the
 * general promises (values kept, nothing we write is a formula, a re-run gives the same result) on top.
 */
import { EXTRA_SHEET, withWorkbookExtras } from "../helpers/workbookExtras";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { FindingKind } from "../../src/core/model";
import { scoreFile } from "../../src/cli/scoreFile";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { exampleWorkbook } from "../../scripts/examples/writeWorkbook";
import { SEED_DEPARTMENT } from "../../scripts/examples/seedDepartment";
import { addMerges, addSheet, openZip, rowXml, sheetPart, sheetXml, text, zipBytes } from "../helpers/xlsxPackage";
import { SUMMARY_TITLE } from "../../src/core/model";
import { MAX_SHEET_XML_BYTES } from "../../src/workbook/preparePackage";
import { encryptedWorkbook, oldXls, prefixedXml, withoutCellReferences } from "./packages";

export interface FindingExpectation {
  kind?: FindingKind;
  sheet?: string;
  cell?: string;
  points?: number | null;
  message?: RegExp;
}

export interface Scored {
  exit: 0;
  /** Each must match at least one finding. */
  findings?: FindingExpectation[];
  /** None may match any finding. */
  absent?: FindingExpectation[];
  total?: { max?: number; declared?: number; computed?: number };
  indicatorCount?: number;
  /** The sheets the indicators were read from, in order of first appearance. */
  indicatorSheets?: string[];
  /** Declared scores of the indicators, in table order. */
  declared?: (number | null)[];
  /** Indicator names (last path element) that must be present. */
  names?: string[];
  /** Sheet names of the output, in order. */
  sheetsAfter?: string[];
  /** Sheet states of the output (visible, hidden, veryHidden). */
  states?: Record<string, ExcelJS.WorksheetState>;
  /** The summary sheet we write: its name, texts it must contain, cell values. */
  summary?: { sheet?: string; contains?: (string | RegExp)[]; cells?: Record<string, ExcelJS.CellValue>; links?: { text: string; hyperlink: string }[] };
  /** Sheets on which no cell's format or note may change (protected sheets). */
  unmarked?: string[];
  /** Cells of the input that must still hold these values in the output, as ExcelJS models them ("Sheet!A1" → value). */
  cells?: Record<string, ExcelJS.CellValue>;
}

export interface Unscorable {
  exit: 1;
  message: RegExp;
}

export interface HostileCase {
  name: string;
  /** What is hostile about it, and what we decided. */
  about: string;
  build: () => Promise<ExcelJS.Workbook>;
  /** Edits of the saved package that ExcelJS cannot make (part names, t="d" cells, workbook-level parts). */
  repack?: (bytes: Buffer) => Promise<Buffer>;
  expect: Scored | Unscorable;
  /** A big workbook: re-scoring its output runs with --no-write, so that it is saved once, not twice. */
  slow?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

const PROFILE = getBuiltInProfile("default");

/** The seed department (雷州市科工贸和信息化局 2024) in the standard layout: 数据表 and 评分表, 91 points. */
export const seedBook = (): ExcelJS.Workbook => exampleWorkbook(SEED_DEPARTMENT);
/** Where the seed's five deductions are, with their points (评分表!I12 …). */
export const SEED_DEDUCTIONS: [string, number][] = [
  ["I12", 1],
  ["I13", 1],
  ["I14", 2],
  ["I18", 2],
  ["I19", 3],
];
const seedDeductions = (sheet = "评分表"): FindingExpectation[] => SEED_DEDUCTIONS.map(([cell, points]) => ({ kind: "deduction", sheet, cell, points }));
const SEED_TOTAL = { max: 100, declared: 91, computed: 91 };

/** Writes rows from a top-left cell; null and undefined leave a cell empty. */
export function writeRows(ws: ExcelJS.Worksheet, rows: ExcelJS.CellValue[][], top = 1, left = 1): void {
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) ws.getCell(top + r, left + c).value = v;
    }),
  );
}

export const SIMPLE_HEADER = ["一级指标", "二级指标", "分值", "评分标准", "自评得分", "扣分原因"];
const MANUAL = "根据工作完成情况酌情评分";

/** Ten indicators of 10 points, all full, in a simple table from A1; `change` edits rows (0-based, after the header). */
function simpleTable(change: (rows: ExcelJS.CellValue[][]) => void = () => undefined, total = true): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = Array.from({ length: 10 }, (_, i) => [i < 5 ? "投入与过程" : "产出与效益", `指标${i + 1}`, 10, MANUAL, 10, null]);
  change(rows);
  const sum = (col: number) => rows.reduce((s, r) => s + (typeof r[col] === "number" ? (r[col] as number) : 0), 0);
  return [SIMPLE_HEADER, ...rows, ...(total ? [["合计", null, sum(2), null, sum(4), null]] : [])];
}

function bookWith(sheets: [string, ExcelJS.CellValue[][]][]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) writeRows(wb.addWorksheet(name), rows);
  return wb;
}

/** The seed scored once by the command line's own scoreFile, read back: a workbook carrying our marks and summary. */
async function seedScoredOnce(): Promise<ExcelJS.Workbook> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ziping-corpus-"));
  try {
    const input = path.join(dir, "seed.xlsx");
    const output = path.join(dir, "seed-scored.xlsx");
    await seedBook().xlsx.writeFile(input);
    await scoreFile(input, PROFILE, output);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    return wb;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const longText = (length: number, unit: string) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

// ---------------------------------------------------------------------------------------------------------------
// The corpus

export const CORPUS: HostileCase[] = [
  {
    name: "no-data",
    about: "two sheets, one empty, one with only formats and an empty string: nothing to score",
    build: async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Sheet1");
      const styled = wb.addWorksheet("格式");
      styled.getCell("B2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
      styled.getCell("C3").border = { top: { style: "thin" } };
      styled.getCell("D4").value = "";
      styled.mergeCells("E5:F6");
      return wb;
    },
    expect: { exit: 1, message: /工作簿中没有含数据的工作表/ },
  },
  {
    name: "no-sheets",
    about: "a workbook without a single worksheet",
    build: async () => new ExcelJS.Workbook(),
    expect: { exit: 1, message: /no-sheets\.xlsx：工作簿中没有含数据的工作表/ },
  },
  {
    name: "header-only",
    about: "a scoring header with no indicator rows under it, and a 合计 row",
    build: async () => bookWith([["评分表", [SIMPLE_HEADER, ["合计", null, 100, null, 90]]]]),
    expect: { exit: 1, message: /在 1 个工作表中都没有找到评分表/ },
  },
  {
    name: "hidden-sheets",
    about: "the scoring table in a hidden sheet and the data in a veryHidden one: both are read (hiding is how a sheet is shown, not whether it counts); their states are kept",
    build: async () => {
      const wb = seedBook();
      wb.getWorksheet("评分表")!.state = "hidden";
      wb.getWorksheet("数据表")!.state = "veryHidden";
      return wb;
    },
    expect: {
      exit: 0,
      total: SEED_TOTAL,
      findings: seedDeductions(),
      indicatorSheets: ["评分表"],
      states: { 数据表: "veryHidden", 评分表: "hidden", ziping_备份: "veryHidden", 评分汇总: "visible" },
    },
  },
  {
    name: "protected-scoring-sheet",
    about: "the scoring sheet is protected with a password: scored, nothing marked there, the summary says so",
    build: async () => {
      const wb = seedBook();
      await wb.getWorksheet("评分表")!.protect("pw", {});
      return wb;
    },
    expect: {
      exit: 0,
      total: SEED_TOTAL,
      findings: seedDeductions(),
      unmarked: ["评分表"],
      summary: { sheet: "评分汇总", contains: ["工作表“评分表”受保护，未作标注，问题只列在本表。"] },
    },
  },
  {
    name: "merged-header",
    about: "a two-row header: 指标 merged over 一级/二级/三级, 分值/评分标准/自评得分/扣分原因 merged down two rows, 评分标准 also across two columns, a merged title",
    build: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("自评表");
      ws.getCell("A1").value = "某局2024年度部门整体支出绩效自评表";
      ws.mergeCells("A1:J1");
      writeRows(ws, [["序号", "指标", null, null, "分值", "评分标准", null, "自评得分", "扣分原因", "备注说明"], [null, "一级指标", "二级指标", "三级指标"]], 2);
      ws.mergeCells("B2:D2");
      for (const c of ["A", "E", "H", "I", "J"]) ws.mergeCells(`${c}2:${c}3`);
      ws.mergeCells("F2:G3");
      const rows: ExcelJS.CellValue[][] = [
        [1, "投入", "预算编制", "预算编制科学性", 20, MANUAL, null, 20],
        [2, null, "预算执行", "资金使用合规性", 20, MANUAL, null, 18, "存在一笔支出凭证不全"],
        [3, "产出", "数量", "任务完成数", 20, MANUAL, null, 20],
        [4, null, "质量", "质量达标率", 20, MANUAL, null, 20],
        [5, "效益", "社会效益", "群众满意度", 20, MANUAL, null, 19],
      ];
      writeRows(ws, rows, 4);
      for (let r = 4; r <= 8; r++) ws.mergeCells(`F${r}:G${r}`);
      ws.mergeCells("B4:B5");
      ws.mergeCells("B6:B7");
      return wb;
    },
    expect: {
      exit: 0,
      indicatorCount: 5,
      total: { max: 100, declared: 97 },
      names: ["预算编制科学性", "资金使用合规性", "群众满意度"],
      findings: [
        { kind: "deduction", sheet: "自评表", cell: "H5", points: 2 },
        { kind: "deduction", sheet: "自评表", cell: "H8", points: 1 },
        { kind: "missing-reason", sheet: "自评表", cell: "H8" },
      ],
      absent: [{ kind: "invalid" }],
    },
  },
  {
    name: "two-tables-one-sheet",
    about: "two scoring tables one under the other in one sheet, each with its own header and 合计",
    build: async () => {
      const first = simpleTable((rows) => rows.splice(4), true); // 4 indicators, 40 points
      const second: ExcelJS.CellValue[][] = [SIMPLE_HEADER, ...Array.from({ length: 6 }, (_, i) => ["产出与效益", `效益${i + 1}`, 10, MANUAL, i === 2 ? 7 : 10, i === 2 ? "满意度调查未达目标" : null]), ["合计", null, 60, null, 57]];
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("评分表");
      writeRows(ws, [["一、投入与过程"]], 1);
      writeRows(ws, first, 2);
      writeRows(ws, [["二、产出与效益"]], first.length + 4);
      writeRows(ws, second, first.length + 5);
      return wb;
    },
    expect: {
      exit: 0,
      indicatorCount: 10,
      total: { max: 100, declared: 97 },
      indicatorSheets: ["评分表"],
      // The second table's header is on row 11; 效益3 on row 14.
      findings: [{ kind: "deduction", sheet: "评分表", cell: "E14", points: 3 }],
      absent: [{ kind: "invalid" }, { kind: "mismatch" }],
    },
  },
  {
    name: "tables-in-several-sheets",
    about: "the scoring table split over three sheets (投入, 过程, 产出效益), the data in a fourth",
    build: async () => {
      const part = (l1: string, n: number, from: number, score = (i: number) => (void i, 10)): ExcelJS.CellValue[][] => [
        SIMPLE_HEADER,
        ...Array.from({ length: n }, (_, i) => [l1, `${l1}指标${from + i}`, 10, MANUAL, score(i), score(i) < 10 ? "有扣分" : null]),
      ];
      return bookWith([
        ["数据表", [["全年预算数", 100], ["实际支出数", 90]]],
        ["投入", part("投入", 3, 1)],
        ["过程", part("过程", 3, 4, (i) => (i === 1 ? 8 : 10))],
        ["产出效益", part("产出效益", 4, 7)],
      ]);
    },
    expect: {
      exit: 0,
      indicatorCount: 10,
      indicatorSheets: ["投入", "过程", "产出效益"],
      total: { max: 100, declared: 98 },
      findings: [{ kind: "deduction", sheet: "过程", cell: "E3", points: 2 }],
      absent: [{ kind: "invalid" }],
    },
  },
  {
    name: "sixty-thousand-rows",
    about: "the seed plus a 60,000-row expense ledger pasted into its own sheet (two columns: ExcelJS needs about 12 µs per cell to save and as much to read, and the file is saved twice and read four times)",
    slow: true,
    build: async () => {
      const wb = seedBook();
      const ws = wb.addWorksheet("支出明细");
      ws.addRow(["凭证号", "金额（元）", "摘要"]);
      for (let i = 1; i <= 60000; i++) ws.addRow(i % 1000 === 0 ? [i, (i % 997) + 0.5, `第${i / 1000}批报销`] : [i, (i % 997) + 0.5]);
      return wb;
    },
    expect: { exit: 0, total: SEED_TOTAL, findings: seedDeductions(), indicatorSheets: ["评分表"] },
  },
  {
    name: "three-hundred-columns",
    about: "the seed's scoring sheet widened to 300 columns of monthly figures right of the table",
    build: async () => {
      const wb = seedBook();
      const ws = wb.getWorksheet("评分表")!;
      for (let c = 11; c <= 300; c++) {
        ws.getCell(4, c).value = `月度数据${c - 10}`;
        for (let r = 5; r <= 22; r++) ws.getCell(r, c).value = (r * c) % 97;
      }
      return wb;
    },
    expect: { exit: 0, total: SEED_TOTAL, findings: seedDeductions(), indicatorCount: 12 },
  },
  {
    name: "odd-cell-values",
    about: "#REF!, #DIV/0!, booleans, dates, rich text, formulas with and without cached results, hyperlinks in every column",
    build: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("评分表");
      const rich = (...parts: string[]): ExcelJS.CellRichTextValue => ({ richText: parts.map((text, i) => ({ text, ...(i % 2 ? { font: { bold: true } } : {}) })) });
      writeRows(ws, simpleTable(() => undefined, false));
      const set = (a1: string, v: ExcelJS.CellValue) => (ws.getCell(a1).value = v);
      set("E2", { error: "#REF!" } as ExcelJS.CellErrorValue);
      set("E3", { error: "#DIV/0!" } as ExcelJS.CellErrorValue);
      set("E4", true);
      set("E5", new Date(Date.UTC(2024, 2, 1)));
      set("E6", { formula: "C6-1", result: 9 });
      set("F6", rich("预算", "调剂", "一次"));
      set("E7", { formula: "1/0", result: { error: "#DIV/0!" } } as unknown as ExcelJS.CellFormulaValue);
      set("B8", { text: "资产管理", hyperlink: "https://example.com/资产" });
      set("C9", { formula: "5+5", result: 10 });
      set("E9", 8);
      set("F9", { text: "见整改报告", hyperlink: "https://example.com/整改" });
      set("B10", rich("信息", "公开"));
      set("F10", false);
      set("D11", { error: "#N/A" } as ExcelJS.CellErrorValue);
      set("E11", { formula: "C11" } as ExcelJS.CellFormulaValue);
      set("A13", "合计");
      set("C13", { formula: "SUM(C2:C11)", result: 100 });
      set("E13", { formula: "SUM(E2:E11)", result: { error: "#REF!" } } as unknown as ExcelJS.CellFormulaValue);
      return wb;
    },
    expect: {
      exit: 0,
      indicatorCount: 10,
      declared: [null, null, null, null, 9, null, 10, 8, 10, null],
      names: ["资产管理", "信息公开"],
      findings: [
        { kind: "invalid", cell: "E2", message: /“#REF!”不是数字/ },
        { kind: "invalid", cell: "E3", message: /“#DIV\/0!”不是数字/ },
        { kind: "invalid", cell: "E4", message: /TRUE/ },
        { kind: "invalid", cell: "E5", message: /2024-03-01/ },
        { kind: "deduction", cell: "E6", points: 1, message: /预算调剂一次/ },
        { kind: "invalid", cell: "E7" },
        { kind: "deduction", cell: "E9", points: 2, message: /见整改报告/ },
        { kind: "invalid", cell: "E11", message: /为空/ },
        { kind: "invalid", cell: "E13", message: /合计得分“#REF!”不是数字/ },
      ],
      absent: [{ kind: "missing-reason", cell: "E6" }, { kind: "missing-reason", cell: "E9" }],
    },
  },
  {
    name: "formula-like-texts",
    about: "names, criteria and reasons starting with =, +, -, @ typed as plain text: they stay text everywhere we write them",
    build: async () =>
      bookWith([
        [
          "评分表",
          simpleTable((rows) => {
            rows[0][1] = "=SUM(A1)";
            rows[1][1] = "+预算执行率";
            rows[2][1] = "-支出进度";
            rows[3][1] = "@资产管理";
            rows[4][1] = "=1+1";
            rows[4][4] = 6;
            rows[4][5] = '=HYPERLINK("https://example.com","点我")';
            rows[5][3] = "=IF(E7>0,10,0)";
            rows[6][4] = 9;
            rows[6][5] = "-扣1分：@所有人 +1";
          }),
        ],
      ]),
    expect: {
      exit: 0,
      indicatorCount: 10,
      names: ["=SUM(A1)", "+预算执行率", "-支出进度", "@资产管理", "=1+1"],
      findings: [
        { kind: "deduction", cell: "E6", points: 4, message: /=HYPERLINK/ },
        { kind: "deduction", cell: "E8", points: 1, message: /-扣1分：@所有人 \+1/ },
      ],
      summary: { contains: ["投入与过程 / =SUM(A1)", "投入与过程 / =1+1", "投入与过程 / @资产管理", /=HYPERLINK\("https:\/\/example\.com","点我"\)/] },
    },
  },
  {
    name: "very-long-texts",
    about: "a 30,000-character reason, a reason at Excel's 32,767-character limit, a 30,000-character criterion and a 2,000-character name",
    build: async () =>
      bookWith([
        [
          "评分表",
          simpleTable((rows) => {
            rows[0][4] = 8;
            rows[0][5] = longText(30000, "资金使用存在问题，");
            rows[1][4] = 7;
            rows[1][5] = longText(32767, "未按规定公开采购意向；");
            rows[2][3] = longText(30000, "每超过一个百分点，");
            rows[3][1] = longText(2000, "很长的指标名称");
            rows[3][4] = 9.5;
          }),
        ],
      ]),
    expect: {
      exit: 0,
      indicatorCount: 10,
      findings: [
        { kind: "deduction", cell: "E2", points: 2 },
        { kind: "deduction", cell: "E3", points: 3 },
        { kind: "deduction", cell: "E5", points: 0.5 },
        { kind: "missing-reason", cell: "E5" },
      ],
      summary: { contains: [/以下省略）$/] },
    },
  },
  {
    name: "full-width-everywhere",
    about: "full-width digits, points and units in weights, scores, targets, criteria and data: ４．５分, ５０％, ７９２．０４万元",
    build: async () => {
      const header = ["一级指标", "二级指标", "分值", "评分标准", "目标值", "实际完成值", "自评得分", "扣分原因"];
      const rows: ExcelJS.CellValue[][] = [
        ["投入（２０分）", "预算编制", "１０分", MANUAL, null, null, "１０分", null],
        [null, "预算执行率", "１０", "得分＝预算执行率×该指标分值", null, null, "９．５", "执行率９５％"],
        ["产出（４０分）", "数量指标", "２０分", "完成值／目标值×分值", "１００项", "９０项", "１８", "完成９０项"],
        [null, "时效指标", "２０", "完成值／目标值×分值", "１００％", "５０％", "１０．０", "进度过半"],
        ["效益（４０分）", "满意度", "３５．５分", "≥９０％，计３５．５分；８０％（含）－９０％，计３０分；低于８０％不得分", "９０％", "９５％", "３５．５", null],
        [null, "社会效益", "４．５分", MANUAL, null, null, "４．５分", null],
        ["合计", null, "１００", null, null, null, "８７．５", null],
      ];
      return bookWith([
        ["数据表", [["单位名称：全角示例局"], ["评价年度：２０２４年"], ["全年预算数", "７９２．０４万元"], ["实际支出数", "７５２．４４万元"], ["预算执行率", "９５．００％"]]],
        ["评分表", [header, ...rows]],
      ]);
    },
    expect: {
      exit: 0,
      indicatorCount: 6,
      declared: [10, 9.5, 18, 10, 35.5, 4.5],
      total: { max: 100, declared: 87.5, computed: 87.5 },
      findings: [
        { kind: "deduction", cell: "G3", points: 0.5 },
        { kind: "deduction", cell: "G4", points: 2 },
        { kind: "deduction", cell: "G5", points: 10 },
      ],
      absent: [{ kind: "invalid" }, { kind: "mismatch" }],
    },
  },
  {
    name: "weights-sum-95",
    about: "indicator weights add up to 95, the 合计 row still says 100",
    build: async () => {
      const rows = simpleTable((r) => ((r[9][2] = 5), (r[9][4] = 5)));
      rows[11][2] = 100;
      return bookWith([["评分表", rows]]);
    },
    expect: {
      exit: 0,
      total: { max: 95, declared: 95 },
      findings: [
        { kind: "invalid", cell: "C12", points: -5, message: /各指标分值合计 95 分，不是 100 分（少 5 分）/ },
        { kind: "invalid", cell: "C12", message: /合计分值写作 100 分，各指标分值相加为 95 分/ },
      ],
    },
  },
  {
    name: "weights-sum-105",
    about: "indicator weights add up to 105, without a 合计 row",
    build: async () => bookWith([["评分表", simpleTable((rows) => ((rows[0][2] = 15), (rows[0][4] = 15)), false)]]),
    expect: {
      exit: 0,
      total: { max: 105, declared: 105 },
      findings: [{ kind: "invalid", points: 5, message: /各指标分值合计 105 分，不是 100 分（多 5 分）/ }],
    },
  },
  {
    name: "negative-and-over-weight-scores",
    about: "declared scores of -2, 15 on a 10-point indicator, -0.5 as text and １２分 in full width",
    build: async () =>
      bookWith([
        [
          "评分表",
          simpleTable((rows) => {
            rows[0][4] = -2;
            rows[1][4] = 15;
            rows[2][4] = "-0.5";
            rows[3][4] = "１２分";
          }),
        ],
      ]),
    expect: {
      exit: 0,
      declared: [-2, 15, -0.5, 12, 10, 10, 10, 10, 10, 10],
      // Out-of-range declarations stand clamped to [0, weight] in the computed total.
      total: { max: 100, declared: 84.5, computed: 80 },
      findings: [
        { kind: "invalid", cell: "E2", message: /自评得分 -2 为负数/ },
        { kind: "invalid", cell: "E3", points: 5, message: /自评 15 分，超过分值 10 分/ },
        { kind: "invalid", cell: "E4", message: /-0\.5 为负数/ },
        { kind: "invalid", cell: "E5", points: 2, message: /超过分值/ },
      ],
      absent: [{ kind: "deduction", cell: "E2" }, { kind: "deduction", cell: "E4" }],
    },
  },
  {
    name: "negative-weights-and-targets",
    about: "a weight of -10 (an invalid weight counts 0 and is not scored) and a target of -5 against 100% (no share can be computed: 100 ÷ -5 is not -2000 %)",
    build: async () => {
      const header = ["一级指标", "二级指标", "分值", "评分标准", "目标值", "实际完成值", "自评得分", "扣分原因"];
      const rows: ExcelJS.CellValue[][] = [
        ["产出", "产出指标完成情况", 20, "完成值/目标值×分值", "-5", "100%", 20, null],
        [null, "质量指标", -10, MANUAL, null, null, 5, null],
        ["效益", "满意度", 80, MANUAL, null, null, 80, null],
      ];
      return bookWith([["评分表", [header, ...rows]]]);
    },
    expect: {
      exit: 0,
      total: { max: 100, declared: 105, computed: 100 },
      findings: [
        { kind: "invalid", cell: "G3", message: /“质量指标”分值 -10 为负数，无法评分/ },
        { kind: "manual", cell: "G2", message: /目标值或完成值无法识别/ },
      ],
      absent: [{ kind: "mismatch" }],
    },
  },
  {
    name: "stray-space-far-away",
    about: "a space typed in XFD1048576 of the scoring sheet: blank text is empty, the sheet reads as before",
    build: async () => {
      const wb = seedBook();
      wb.getWorksheet("评分表")!.getCell("XFD1048576").value = " ";
      return wb;
    },
    expect: { exit: 0, total: SEED_TOTAL, findings: seedDeductions() },
  },
  {
    name: "stray-text-far-away",
    about: "an x typed in XFD1048576 of the scoring sheet: its grid would be 17 billion cells; refused with a message that says where",
    build: async () => {
      const wb = seedBook();
      wb.getWorksheet("评分表")!.getCell("XFD1048576").value = "x";
      return wb;
    },
    expect: { exit: 1, message: /工作表“评分表”中有内容的区域为 A1:XFD1048576，过大无法读取.*请删除后再评分/ },
  },
  {
    name: "earlier-run",
    about: "the seed as our command line wrote it (marks, notes, 评分汇总, backup): re-scoring replaces our output",
    build: seedScoredOnce,
    expect: {
      exit: 0,
      total: SEED_TOTAL,
      findings: seedDeductions(),
      sheetsAfter: ["数据表", "评分表", "ziping_备份", "评分汇总"],
    },
  },
  {
    name: "edited-summary",
    about: "after a run the officer changed our 评分汇总 (a total, its title, a new cell, a formula): it is still ours and is replaced",
    build: async () => {
      const wb = await seedScoredOnce();
      const summary = wb.getWorksheet("评分汇总")!;
      summary.getCell("A1").value = "我的汇总（改过标题）";
      summary.getCell("B5").value = 100;
      summary.getCell("H3").value = "我加的说明";
      summary.getCell("H4").value = { formula: "B5*2", result: 200 };
      return wb;
    },
    expect: {
      exit: 0,
      total: SEED_TOTAL,
      sheetsAfter: ["数据表", "评分表", "ziping_备份", "评分汇总"],
      summary: { sheet: "评分汇总", cells: { B5: 91, H3: null, H4: null }, contains: [/^绩效自评助手 · 评分汇总：雷州市科工贸和信息化局 2024 年度$/] },
    },
  },
  {
    name: "own-summary-sheet",
    about: "the officer has a sheet named 评分汇总 of their own: it is kept, ours is 评分汇总(2)",
    build: async () => {
      const wb = seedBook();
      writeRows(wb.addWorksheet("评分汇总"), [["我自己的汇总"], ["科室", "得分"], ["办公室", 95]]);
      return wb;
    },
    expect: {
      exit: 0,
      total: SEED_TOTAL,
      sheetsAfter: ["数据表", "评分表", "评分汇总", "ziping_备份", "评分汇总(2)"],
      cells: { "评分汇总!A1": "我自己的汇总", "评分汇总!B3": 95 },
      summary: { sheet: "评分汇总(2)" },
    },
  },
  {
    name: "own-sheet-named-like-our-backup",
    about: "the officer has a visible sheet named ziping_备份 that is not a backup of ours: a host would rename and delete it, so writing is refused with a message until it is renamed (scoring with --no-write still works)",
    build: async () => {
      const wb = seedBook();
      writeRows(wb.addWorksheet("ziping_备份"), [["我的备份数据"], ["办公室", 95]]);
      return wb;
    },
    expect: { exit: 1, message: /已有名为“ziping_备份”的工作表，但它不是绩效自评助手的备份；.*请先把它改名/ },
  },
  {
    name: "own-sheet-named-like-our-old-backup",
    about: "the officer has a sheet named ziping_备份_旧, the name a run gives our earlier backup before deleting it: refused likewise",
    build: async () => {
      const wb = seedBook();
      writeRows(wb.addWorksheet("ziping_备份_旧"), [["旧数据"]]);
      return wb;
    },
    expect: { exit: 1, message: /已有名为“ziping_备份_旧”的工作表/ },
  },
  {
    name: "quote-in-sheet-name",
    about: "the scoring table in a sheet named O'Brien表, the data in 数据 表 (with a space): links quote the name",
    build: async () => {
      const wb = seedBook();
      wb.getWorksheet("评分表")!.name = "O'Brien表";
      wb.getWorksheet("数据表")!.name = "数据 表";
      return wb;
    },
    expect: {
      exit: 0,
      total: SEED_TOTAL,
      findings: seedDeductions("O'Brien表"),
      summary: { links: [{ text: "I19", hyperlink: "#'O''Brien表'!I19" }] },
    },
  },
  {
    name: "officers-own-notes",
    about: "the officer's own notes on cells we mark (and elsewhere) are never replaced",
    build: async () => {
      const wb = seedBook();
      const ws = wb.getWorksheet("评分表")!;
      ws.getCell("I13").note = "我的批注：调剂已报批";
      ws.getCell("B5").note = "二级指标说明";
      return wb;
    },
    expect: { exit: 0, total: SEED_TOTAL, findings: seedDeductions() },
  },
  {
    name: "sheet-part-named-data",
    about: "a sheet stored as xl/worksheets/data.xml, a legal part name ExcelJS does not read: the sheet is read and kept",
    build: async () => seedBook(),
    repack: (bytes) => repack(bytes, (zip) => addSheet(zip, "台账", sheetXml(rowXml(1, ["项目", "金额"]) + rowXml(2, ["办公费", 1234.5])), "xl/worksheets/data.xml")),
    expect: { exit: 0, findings: seedDeductions(), total: SEED_TOTAL, cells: { "台账!B2": 1234.5 } },
  },
  {
    name: "iso-date-cells",
    about: "a declared score and a data cell stored as ISO dates (t=\"d\"): read as the date text, never the number 2024, and kept as dates in the copy",
    build: async () => bookWith([["评分表", simpleTable()]]),
    repack: (bytes) =>
      repack(bytes, async (zip) => {
        const part = await sheetPart(zip, "评分表");
        zip.file(part, (await text(zip, part)).replace(/<c r="E2"[^>]*?(\/>|>[\s\S]*?<\/c>)/, '<c r="E2" t="d"><v>2024-03-01T00:00:00</v></c>'));
        await addSheet(zip, "日期", sheetXml(rowXml(1, ["填报日期", { xml: '<c r="{ref}" t="d"><v>2024-12-31</v></c>' }])), "xl/worksheets/sheet7.xml");
      }),
    expect: { exit: 0, absent: [{ points: 2024 }, { points: 2014 }], cells: { "日期!B1": "2024-12-31" } },
  },
  {
    name: "officers-sheet-titled-like-our-summary",
    about: "an officer's sheet whose A1 starts with our summary title: only a sheet our very hidden backup lists is ours, so it is kept and scored beside ours",
    build: async () => {
      const wb = seedBook();
      writeRows(wb.addWorksheet("汇总"), [[`${SUMMARY_TITLE}：本单位自己的汇总`], ["备注", "请勿删除"]]);
      return wb;
    },
    expect: { exit: 0, findings: seedDeductions(), total: SEED_TOTAL, summary: { sheet: "评分汇总" }, cells: { "汇总!B2": "请勿删除" } },
  },
  {
    name: "whole-column-and-many-merges",
    about: "K1:L1048576 merged on the scoring sheet and 5,000 merged pairs on another: merges are indexed over the used range, never cell by cell, and kept exactly",
    build: async () => seedBook(),
    repack: (bytes) =>
      repack(bytes, async (zip) => {
        await addMerges(zip, "评分表", ["K1:L1048576"]);
        const rows = Array.from({ length: 5000 }, (_, i) => rowXml(i + 1, [`第${i + 1}行`]));
        const merges = Array.from({ length: 5000 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join("");
        await addSheet(zip, "合并", sheetXml(rows.join(""), `<mergeCells count="5000">${merges}</mergeCells>`), "xl/worksheets/sheet8.xml");
      }),
    expect: { exit: 0, findings: seedDeductions(), total: SEED_TOTAL },
  },
  {
    name: "ten-long-criteria",
    about: "ten 评分标准 of 32,000 characters each: criteria over 1,000 characters are left to the officer instead of being scanned for seconds",
    build: async () => bookWith([["评分表", simpleTable((rows) => rows.forEach((r) => (r[3] = longText(32000, "每少一项扣1分，指标完成情况、"))))]]),
    expect: { exit: 0, indicatorCount: 10, absent: [{ kind: "deduction" }] },
  },
  {
    name: "literal-escapes-and-control-characters",
    about: "a literal _x0041_ (stored as _x005F_x0041_) and a control character (stored as _x0001_): both stored the same way in the copy, not turned into A or dropped",
    build: async () => seedBook(),
    repack: (bytes) =>
      repack(bytes, async (zip) => {
        // As shared strings, the way Excel stores text (ExcelJS leaves escapes in inline strings as they are).
        const shared = await text(zip, "xl/sharedStrings.xml");
        const first = (shared.match(/<si>/g) ?? []).length;
        zip.file("xl/sharedStrings.xml", shared.replace("</sst>", "<si><t>编号_x005F_x0041_</t></si><si><t>甲_x0001_乙</t></si></sst>"));
        const cells = [first, first + 1].map((i) => ({ xml: `<c r="{ref}" t="s"><v>${i}</v></c>` }));
        await addSheet(zip, "说明", sheetXml(rowXml(1, cells)), "xl/worksheets/sheet7.xml");
      }),
    expect: { exit: 0, findings: seedDeductions(), cells: { "说明!A1": "编号_x0041_", "说明!B1": "甲\u0001乙" } },
  },
  {
    name: "inline-string-escapes",
    about: "inline strings holding _x0041_ (the character A, as ECMA-376 escapes it), _x0001_ (a control character) and _x005F_x0001_ (that text literally): the copy keeps the text each means, not the escape",
    build: async () => seedBook(),
    repack: (bytes) =>
      repack(bytes, async (zip) => {
        const inline = (text: string) => ({ xml: `<c r="{ref}" t="inlineStr"><is><t>${text}</t></is></c>` });
        await addSheet(zip, "说明", sheetXml(rowXml(1, [inline("_x0041_B"), inline("甲_x0001_乙"), inline("_x005F_x0001_")])), "xl/worksheets/sheet7.xml");
      }),
    expect: { exit: 0, findings: seedDeductions(), cells: { "说明!A1": "AB", "说明!B1": "甲\u0001乙", "说明!C1": "_x0001_" } },
  },
  {
    name: "names-links-protection-chart-pivot",
    about: "defined names (a constant a formula uses), an external link, structure protection, a chart and a pivot table: carried into the copy from the original package, nothing named as lost",
    build: async () => seedBook(),
    repack: withWorkbookExtras,
    expect: { exit: 0, findings: seedDeductions(), total: SEED_TOTAL, cells: { [`${EXTRA_SHEET}!B3`]: 3 } },
  },
  {
    name: "huge-ledger",
    about: "the seed beside a ledger sheet of more XML than a run can read and write in a minute: refused at once with a message, before anything is parsed",
    build: async () => seedBook(),
    repack: (bytes) =>
      repack(bytes, async (zip) => {
        const rows: string[] = [];
        for (let r = 1, size = 0; size <= MAX_SHEET_XML_BYTES; r++) size += (rows[rows.length] = rowXml(r, [45292, `记-${r}`, "办公费", r, 0, r * 3])).length;
        await addSheet(zip, "明细账", sheetXml(rows.join("")), "xl/worksheets/sheet7.xml");
      }),
    expect: { exit: 1, message: /工作表“明细账”.*超过一次评分能完整读写/ },
  },
  {
    name: "numbers-beyond-range",
    about: "1e308 as a score, a weight and a 合计, -2e9 points, a 400-digit score, a 全年预算数 of 1e20 元 and a criterion deducting 10^400 points: each is an invalid finding (or an unread criterion), never arithmetic; no Infinity anywhere, no 优 from an overflowed total",
    build: async () =>
      bookWith([
        [
          "评分表",
          simpleTable((rows) => {
            rows[0][4] = 1e308;
            rows[1][4] = "9".repeat(400);
            rows[2][2] = 1e308;
            rows[3][4] = -2e9;
            rows[4][3] = `每超过一个百分点扣${"9".repeat(400)}分`;
          }),
        ],
        ["数据表", [["全年预算数", 1e20], ["实际支出数", 95]]],
      ]),
    expect: {
      exit: 0,
      declared: [null, null, 10, null, 10, 10, 10, 10, 10, 10],
      total: { max: 90, declared: 70, computed: 60 },
      findings: [
        { kind: "invalid", cell: "E2", message: /自评得分“1e\+308”超出可计算的范围（绝对值应不超过 10 亿分）/ },
        { kind: "invalid", cell: "E3", message: /超出可计算的范围/ },
        { kind: "invalid", cell: "E4", message: /“指标3”分值“1e\+308”超出可计算的范围/ },
        { kind: "invalid", cell: "E5", message: /“-2000000000”超出可计算的范围/ },
        { kind: "manual", cell: "E6", message: /评分标准无法自动核算/ },
        { kind: "invalid", cell: "C12", message: /合计分值“1e\+308”超出可计算的范围/ },
        { kind: "invalid", sheet: "数据表", cell: "B1", message: /数据“全年预算数”的数值“100000000000000000000”超出可计算的范围（绝对值应不超过 1000 万亿），不参与核算/ },
      ],
    },
  },
  {
    name: "invisible-characters",
    about: "zero-width spaces, a BOM, soft hyphens and word joiners inside every header, name, label and criterion of the seed (as text pasted from a web page carries them): everything matches as it looks",
    build: async () => {
      const wb = seedBook();
      const marks = ["\u200B", "\uFEFF", "\u00AD", "\u2060", "\u200C", "\u200D"];
      let k = 0;
      for (const ws of wb.worksheets) {
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === "string" && cell.value.length > 1) cell.value = `${cell.value.slice(0, 1)}${marks[k++ % marks.length]}${cell.value.slice(1)}`;
          }),
        );
      }
      return wb;
    },
    expect: { exit: 0, total: SEED_TOTAL, findings: seedDeductions(), indicatorCount: 12, names: ["产出指标完成情况", "预算执行率", "资产管理规范性"] },
  },
  {
    name: "password-protected",
    about: "a workbook saved with an open password: an OLE2 compound file holding EncryptedPackage, not a zip",
    build: async () => seedBook(),
    repack: async () => encryptedWorkbook(),
    expect: { exit: 1, message: /^ziping：password-protected\.xlsx：文件设有打开密码，请先在 Excel 中取消密码后另存为 \.xlsx\n$/ },
  },
  {
    name: "old-xls-renamed",
    about: "an old .xls (a compound file with a Workbook stream) renamed .xlsx",
    build: async () => seedBook(),
    repack: async () => oldXls(),
    expect: { exit: 1, message: /^ziping：old-xls-renamed\.xlsx：这是旧版 Excel（\.xls）文件，请在 Excel 中另存为 \.xlsx\n$/ },
  },
  {
    name: "no-cell-references",
    about: "the seed's package with every r=\"B3\" reference removed from rows and cells (legal, and LibreOffice reads it); ExcelJS cannot: a designed message, not its internal error",
    build: async () => seedBook(),
    repack: withoutCellReferences,
    expect: { exit: 1, message: /^ziping：no-cell-references\.xlsx：文件结构不规范，ExcelJS 无法读取：请在 Excel 或 WPS 中打开后另存为 \.xlsx\n$/ },
  },
  {
    name: "x-prefixed-xml",
    about: "the seed's package with its spreadsheet XML under the prefix x: (as .NET writers save it); ExcelJS cannot read it",
    build: async () => seedBook(),
    repack: prefixedXml,
    expect: { exit: 1, message: /^ziping：x-prefixed-xml\.xlsx：文件结构不规范，ExcelJS 无法读取：请在 Excel 或 WPS 中打开后另存为 \.xlsx\n$/ },
  },
  {
    name: "cut-short",
    about: "the seed's package cut off after 6,000 bytes, as an interrupted copy leaves it",
    build: async () => seedBook(),
    repack: async (bytes) => bytes.subarray(0, 6000),
    expect: { exit: 1, message: /^ziping：cut-short\.xlsx：文件已损坏（压缩包不完整或有误），无法打开/ },
  },
];

async function repack(bytes: Buffer, edit: (zip: Awaited<ReturnType<typeof openZip>>) => Promise<void>): Promise<Buffer> {
  const zip = await openZip(bytes);
  await edit(zip);
  return zipBytes(zip);
}
