/**
 * Random scoring tables for the property tests: level names with odd characters, weights, declared scores as numbers,
 * text, blanks and nonsense, reasons, criteria from the phrasings officers write, targets, a 合计 row, a data table;
 * in any column order, under any header synonym, anywhere in the sheet. One description, two forms: a
 * WorkbookSnapshot for the engine, and an ExcelJS workbook (with the officer's own fills, fonts, borders and notes)
 * for the write/clear round trips.
 */
import fc from "fast-check";
import ExcelJS from "exceljs";
import { CellValue, CellRange, WorkbookSnapshot } from "../../src/core/model";
import { sheet, workbook } from "../helpers/snapshots";

export type Column = "seq" | "l1" | "l2" | "l3" | "weight" | "criterion" | "target" | "actual" | "score" | "reason";

export interface TableRow {
  names: CellValue[];
  weight: CellValue;
  criterion: CellValue;
  target: CellValue;
  actual: CellValue;
  score: CellValue;
  reason: CellValue;
}

export interface RandomTable {
  sheetName: string;
  dataSheetName: string;
  top: number;
  left: number;
  title: boolean;
  columns: Column[];
  headers: Partial<Record<Column, string>>;
  /** Level-1 names merged down over the rows of their branch (written once). */
  mergeLevel1: boolean;
  rows: TableRow[];
  /** The 合计 row's weight and score, when there is one. */
  total: { weight: CellValue; score: CellValue } | null;
  data: [string, CellValue][];
  /** The data beside the table in the scoring sheet rather than on a sheet of its own. */
  dataBeside: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Pieces

const HEADERS: Record<Column, string[]> = {
  seq: ["序号"],
  l1: ["一级指标"],
  l2: ["二级指标"],
  l3: ["三级指标", "指标名称", "评价指标"],
  weight: ["分值", "指标分值", "权重", "标准分", "满分"],
  criterion: ["评分标准", "评分规则", "指标说明及评分标准", "评分办法"],
  target: ["绩效目标值", "目标值", "年度目标值"],
  actual: ["实际完成值", "完成值", "实际值"],
  score: ["自评得分", "得分", "评分", "自评分", "实际得分"],
  reason: ["扣分原因", "扣分原因和其他说明", "未完成原因", "评分依据", "备注"],
};

/** Text that makes parsers stumble: formula look-alikes, quotes, line breaks, full width, emoji, blanks, header words. */
const ODD_TEXT = [
  "=SUM(A1)",
  "+1",
  "-预算",
  "@所有人",
  "O'Brien",
  'say "hi"',
  "名称\n换行",
  "\t制表",
  "　全角空格　",
  "ＡＢＣ１２３",
  "😀效益",
  "𠮷野家",
  "小计",
  "合计",
  "得分",
  "指标名称",
  "一级指标",
  "（5分）",
  "投入(abc分)",
  "#REF!",
  "  ",
  "—",
  "/",
  "零",
  "x".repeat(300),
];

const LEVEL1 = ["整体效能", "管理效率", "投入（20分）", "产出(30分)", "效益 50分", "过程（２０．５分）", "决策"];
const LEVEL2 = ["产出", "效益", "预算资金支出进度", "预算编制", "预算执行", "信息公开", "采购管理", "资产管理", "运行成本", "数量指标"];
const LEAVES = [
  "产出指标完成情况",
  "效益指标完成情况",
  "预算执行率",
  "支出进度",
  "预算编制约束性",
  "绩效目标设置",
  "结转结余率",
  "财务管理合规性",
  "预决算及绩效信息公开",
  "采购管理规范性",
  "资产管理规范性",
  "三公经费控制率",
  "“三公”经费控制率（%）",
  "预算执行率（5分）",
  "1.在职人员控制率",
  "群众满意度",
];

export const CRITERIA = [
  "≤100%，计5分；每超过一个百分点扣0.5分，扣完为止",
  "“三公”经费控制率≤100%，得5分；每超过1个百分点扣1分，扣完为止",
  "≥90%，计5分；80%（含）-90%，计4分；60%-80%，计2分；低于60%不得分",
  "结转结余率为0的得5分；0-5%（含）得4分；5%-10%（含）得2分；10%以上不得分",
  "①绩效目标明确，得2分；②绩效指标细化，得1.5分；③绩效指标量化，得1.5分",
  "①建立政府采购内部控制制度，得3分；②及时签订采购合同并备案，得3分；③在采购活动开始前30日公开采购意向，得2分；④采购活动合法合规，得2分",
  "每少一项扣1分",
  "每出现一例不符合要求的扣1分，扣完为止",
  "年中追加或调剂预算（政策性调整除外）每发生一次扣1分，扣完为止",
  "6月底、9月底、11月底累计支出进度分别达到50%、75%、90%，每有一个时间节点未达到扣1分",
  "完成值/目标值×分值",
  "按各项产出指标完成值/目标值×分值计分，单项完成比例最高按100%计",
  "得分=预算执行率×该指标分值，最高不超过分值",
  "完成得5分，未完成不得分",
  "≥９０％，计１０分；低于９０％不得分",
  "每超过一个百分点扣20分",
  "≥90%，计50分；低于90%计60分",
  "根据工作完成情况酌情评分",
  "=IF(A1>0,5,0)",
  "",
  // Numbers no arithmetic should see: the criterion is then not recognised.
  `每超过一个百分点扣${"9".repeat(400)}分`,
  `≥${"9".repeat(30)}%，计5分；低于90%不得分`,
  "达12场得5分，每少0场扣1分",
];

/** Numbers beyond any sane range, as numbers and as text: each must become an invalid finding, never arithmetic. */
const EXTREME: CellValue[] = [1e308, -1e308, Number.MAX_VALUE, 5e-324, 1e16, -2e9, 2e9, "1e308", "9".repeat(400), "1".padEnd(30, "0") + "分", "-1".padEnd(25, "0") + "%"];

const NUMBER_TEXT = ["5分", "１０", "２．５分", " 5 ", "4.5", "０", "95%", "1,000", "3.", ".5", "+2", "-1", "五分", "1.2.3", "#REF!", "#DIV/0!", "TRUE", "—", "/", "无", ""];

const halves = (min: number, max: number) => fc.integer({ min: min * 2, max: max * 2 }).map((x) => x / 2);

const oddText = fc.oneof(fc.constantFrom(...ODD_TEXT), fc.string({ maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 8 }));

const weightArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 30 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 400 }).map((x) => x / 20) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(0, -5, -0.5, null, true) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>(...NUMBER_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...EXTREME) },
);

const scoreArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: halves(-5, 35) },
  { weight: 2, arbitrary: fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, true, false, 0) },
  { weight: 3, arbitrary: fc.constantFrom<CellValue>(...NUMBER_TEXT) },
  { weight: 1, arbitrary: oddText },
  { weight: 1, arbitrary: fc.constantFrom(...EXTREME) },
);

const targetArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>("100%", "≥90%", "≤100万元", "18家", "21家", "达成", "基本达成", "未达成", "0", "-5", 5, 0, -3, null, "#N/A", "１００％", "≥５％", "31.5%"),
  halves(-10, 200),
  fc.constantFrom(...EXTREME),
);

const nameArb = (pool: string[]) => fc.oneof({ weight: 5, arbitrary: fc.constantFrom<CellValue>(...pool) }, { weight: 1, arbitrary: oddText }, { weight: 1, arbitrary: fc.constant<CellValue>(null) });

const rowArb = (levels: number): fc.Arbitrary<TableRow> =>
  fc.record({
    names: fc.tuple(nameArb(LEVEL1), nameArb(LEVEL2), nameArb(LEAVES)).map((n) => n.slice(3 - levels)),
    weight: weightArb,
    criterion: fc.oneof({ weight: 4, arbitrary: fc.constantFrom<CellValue>(...CRITERIA) }, { weight: 1, arbitrary: fc.constant<CellValue>(null) }, { weight: 1, arbitrary: oddText }),
    target: targetArb,
    actual: targetArb,
    score: scoreArb,
    reason: fc.oneof(fc.constant<CellValue>(null), fc.constantFrom<CellValue>("未按时公开采购意向", "=HYPERLINK(\"x\")", "  ", "调剂一次"), oddText),
  });

const DATA_LABELS = [
  "年初预算数",
  "全年预算数",
  "一般公共预算",
  "政府性基金预算",
  "基本支出",
  "项目支出",
  "实际支出数",
  "年末结转结余",
  "6月底支出进度",
  "9月底支出进度",
  "11月底支出进度",
  "年中追加调剂次数",
  "其中：政策性调剂次数",
  "需公开采购意向的项目数",
  "按时公开采购意向项目数",
  "预算按时公开",
  "决算按时公开",
  "绩效信息按时公开",
  "编制数",
  "在职人数",
  "财务违规问题数",
];

const dataValueArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(0, -1, 1, 792.04, 100, "95%", "0.5", "是", "否", "abc", null, "４５．２０％", "#REF!", true),
  fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 0, max: 30 }),
  fc.constantFrom(...EXTREME),
);

/** Sheet names Excel accepts (no []:*?/\, at most 31 characters), odd ones included. */
const SHEET_NAMES = ["评分表", "O'Brien表", "Sheet 1", "自评表(2)", "表😀", "数据&评分", "引'号", "评分汇总"];

export const randomTable: fc.Arbitrary<RandomTable> = fc
  .record({
    levels: fc.integer({ min: 1, max: 3 }),
    extras: fc.subarray<Column>(["seq", "criterion", "target", "reason"]),
    weightColumn: fc.boolean(),
    sheetName: fc.constantFrom(...SHEET_NAMES),
    top: fc.integer({ min: 0, max: 6 }),
    left: fc.integer({ min: 0, max: 4 }),
    title: fc.boolean(),
    mergeLevel1: fc.boolean(),
    total: fc.option(fc.record({ weight: fc.oneof(fc.constant<CellValue>(100), weightArb), score: scoreArb })),
    data: fc.array(fc.tuple(fc.constantFrom(...DATA_LABELS), dataValueArb), { maxLength: 12 }),
    dataBeside: fc.boolean(),
    seed: fc.integer(),
  })
  .chain((p) => {
    const names: Column[] = (["l1", "l2", "l3"] as Column[]).slice(3 - p.levels);
    // Actual goes with target: a table has both or neither.
    const extras = p.extras.includes("target") ? [...p.extras, "actual" as Column] : p.extras;
    const columns: Column[] = [...names, ...(p.weightColumn ? ["weight" as Column] : []), ...extras, "score"];
    return fc.record({
      columns: fc.shuffledSubarray(columns, { minLength: columns.length }),
      headers: fc.record(Object.fromEntries(columns.map((c) => [c, fc.constantFrom(...HEADERS[c])])) as Record<Column, fc.Arbitrary<string>>),
      rows: fc.array(rowArb(p.levels), { minLength: 1, maxLength: 14 }),
    }).map((t): RandomTable => ({
      sheetName: p.sheetName,
      dataSheetName: p.sheetName === "数据表" ? "数据" : "数据表",
      top: p.top,
      left: p.left,
      title: p.title,
      // Name columns keep their order (一级 before 二级): a table never puts level 2 left of level 1.
      columns: orderNames(t.columns, names),
      headers: t.headers,
      mergeLevel1: p.mergeLevel1 && p.levels > 1,
      rows: t.rows,
      total: p.total,
      data: p.data,
      dataBeside: p.dataBeside,
    }));
  });

function orderNames(columns: Column[], names: Column[]): Column[] {
  const slots = columns.map((c, i) => (names.includes(c) ? i : -1)).filter((i) => i >= 0);
  const out = [...columns];
  slots.forEach((slot, k) => (out[slot] = names[k]));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Laying a table out

interface Laid {
  /** Values of the scoring sheet, from (top, left). */
  values: CellValue[][];
  merges: CellRange[];
  data: CellValue[][] | null;
}

const DATA_GAP = 2;

export function layOut(t: RandomTable): Laid {
  const width = t.columns.length;
  const values: CellValue[][] = [];
  const merges: CellRange[] = [];
  if (t.title) values.push(["某单位2024年度部门整体支出绩效自评表", ...new Array(width - 1).fill(null)]);
  values.push(t.columns.map((c) => t.headers[c] ?? null));
  const l1 = t.columns.indexOf("l1");
  let runStart = -1;
  t.rows.forEach((row, i) => {
    const line: CellValue[] = t.columns.map((c) => {
      switch (c) {
        case "seq": return i + 1;
        case "l1": return row.names[0];
        case "l2": return row.names[row.names.length - 2];
        case "l3": return row.names[row.names.length - 1];
        default: return row[c];
      }
    });
    const r = values.length;
    if (t.mergeLevel1 && l1 >= 0) {
      const same = i > 0 && row.names[0] !== null && row.names[0] === t.rows[i - 1].names[0];
      if (same) line[l1] = null;
      else {
        if (runStart >= 0 && r - 1 > runStart) merges.push({ top: t.top + runStart, left: t.left + l1, bottom: t.top + r - 1, right: t.left + l1 });
        runStart = r;
      }
    }
    values.push(line);
  });
  if (t.mergeLevel1 && l1 >= 0 && runStart >= 0 && values.length - 1 > runStart) merges.push({ top: t.top + runStart, left: t.left + l1, bottom: t.top + values.length - 1, right: t.left + l1 });
  if (t.total) {
    const line: CellValue[] = new Array(width).fill(null);
    line[0] = "合计";
    const w = t.columns.indexOf("weight");
    if (w > 0) line[w] = t.total.weight;
    const s = t.columns.indexOf("score");
    if (s > 0) line[s] = t.total.score;
    values.push(line);
  }
  const data = t.data.length === 0 ? null : [["单位名称：随机测试局"], ["评价年度：2024"], ...t.data.map(([label, v]) => [label, v])];
  if (data && t.dataBeside) {
    // Beside the table, two columns to the right, starting on the header row.
    values.forEach((line) => line.push(...new Array(DATA_GAP + 2).fill(null)));
    data.forEach((d, k) => {
      const r = (t.title ? 1 : 0) + k;
      while (values.length <= r) values.push(new Array(width + DATA_GAP + 2).fill(null));
      values[r][width + DATA_GAP] = d[0];
      values[r][width + DATA_GAP + 1] = d[1] ?? null;
    });
    return { values, merges, data: null };
  }
  return { values, merges, data };
}

/** "" is what an empty cell reads as nowhere: hosts report null. */
const clean = (rows: CellValue[][]) => rows.map((r) => r.map((v) => (v === "" ? null : v)));

export function toSnapshot(t: RandomTable, protectedSheet = false): WorkbookSnapshot {
  const { values, merges, data } = layOut(t);
  const sheets = [sheet(t.sheetName, clean(values), { top: t.top, left: t.left, merges, protected: protectedSheet })];
  if (data) sheets.push(sheet(t.dataSheetName, clean(data)));
  return workbook(...sheets);
}

const ERRORS = new Set(["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"]);

/** A cell value as ExcelJS stores it: error texts as error values, as a real file would hold them. */
function excelValue(v: CellValue): ExcelJS.CellValue {
  if (typeof v === "string" && ERRORS.has(v)) return { error: v } as ExcelJS.CellErrorValue;
  return v === "" ? null : v;
}

export interface Decoration {
  /** Which cell (0-based within the laid-out table) gets what format. */
  at: [row: number, col: number];
  style: Partial<ExcelJS.Style>;
  note?: string;
}

/** The officer's formats: solid, white, patterned, theme and gradient fills, fonts, borders, number formats, notes. */
export const FILLS: ExcelJS.Fill[] = [
  { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFFFF" } },
  { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } },
  { type: "pattern", pattern: "solid", fgColor: { argb: "FFC00000" } },
  { type: "pattern", pattern: "solid", fgColor: { theme: 4, tint: 0.3999755851924192 } as unknown as ExcelJS.Color },
  { type: "pattern", pattern: "darkGrid", fgColor: { argb: "FF00B050" }, bgColor: { argb: "FFFFC000" } },
  { type: "pattern", pattern: "none" },
  { type: "gradient", gradient: "angle", degree: 90, stops: [{ position: 0, color: { argb: "FFFFFFFF" } }, { position: 1, color: { argb: "FF4472C4" } }] },
];

export const decorationArb = (maxRow: number, maxCol: number): fc.Arbitrary<Decoration[]> =>
  fc.array(
    fc.record({
      at: fc.tuple(fc.integer({ min: 0, max: maxRow }), fc.integer({ min: 0, max: maxCol })),
      style: fc.record(
        {
          fill: fc.constantFrom(...FILLS),
          font: fc.constantFrom<Partial<ExcelJS.Font>>({ bold: true }, { italic: true, color: { argb: "FF0000FF" } }, { name: "宋体", size: 12 }),
          border: fc.constant<Partial<ExcelJS.Borders>>({ top: { style: "thin" }, bottom: { style: "double", color: { argb: "FFFF0000" } } }),
          numFmt: fc.constantFrom("0.00", "0%", "@"),
        },
        { requiredKeys: [] },
      ),
      // Not one starting with our NOTE_PREFIX: such a note is taken for ours, by design (a copy of one of ours).
      note: fc.option(fc.constantFrom("我的批注", "多行\n批注：=SUM(A1)"), { nil: undefined }),
    }),
    { maxLength: 25 },
  );

/** The same table as an ExcelJS workbook, with the officer's formats and notes. */
export async function toWorkbook(t: RandomTable, decorations: Decoration[] = [], protectedSheet = false): Promise<ExcelJS.Workbook> {
  const { values, merges, data } = layOut(t);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.sheetName);
  values.forEach((line, r) => line.forEach((v, c) => v !== null && v !== "" && (ws.getCell(t.top + r + 1, t.left + c + 1).value = excelValue(v))));
  for (const m of merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const d of decorations) {
    const cell = ws.getCell(t.top + d.at[0] + 1, t.left + d.at[1] + 1);
    cell.style = { ...cell.style, ...structuredClone(d.style) };
    if (d.note) cell.note = d.note;
  }
  if (data) {
    const dataSheet = wb.addWorksheet(t.dataSheetName);
    data.forEach((line, r) => line.forEach((v, c) => v !== null && v !== undefined && v !== "" && (dataSheet.getCell(r + 1, c + 1).value = excelValue(v))));
  }
  // Without a password: ExcelJS hashes one with 100,000 rounds of SHA-512, a quarter of a second per workbook.
  if (protectedSheet) await ws.protect("", {});
  return wb;
}
