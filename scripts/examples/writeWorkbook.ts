import ExcelJS from "exceljs";
import { ExampleDepartment, ExampleIndicator } from "./model";

/** The columns a scoring sheet may have, in the order a layout puts them. */
export type Column = "seq" | "l1" | "l2" | "l3" | "weight" | "explanation" | "criterion" | "target" | "actual" | "score" | "reason";

export interface Layout {
  columns: Column[];
  headers: Partial<Record<Column, string>>;
  /** Level-1/level-2 names in merged cells (else written once, blank below). */
  mergeLevels: boolean;
  /** Level-1 names carry their weight: 整体效能（50分）. */
  weightsInNames: boolean;
  /** Indicator names carry their own weight (预算执行率（5分）), for tables without a 分值 column. */
  weightsInLeafNames?: boolean;
  /** Title, unit and year rows above the header. */
  titleRows: boolean;
  /** Empty rows and columns before the table starts. */
  offset: { rows: number; cols: number };
}

export const STANDARD_LAYOUT: Layout = {
  columns: ["l1", "l2", "l3", "weight", "explanation", "criterion", "target", "actual", "score", "reason"],
  headers: { l1: "一级指标", l2: "二级指标", l3: "三级指标", weight: "分值", explanation: "指标解释", criterion: "评分标准", target: "绩效目标值", actual: "实际完成值", score: "自评得分", reason: "扣分原因" },
  mergeLevels: true,
  weightsInNames: true,
  titleRows: true,
  offset: { rows: 0, cols: 0 },
};

/** The same table as another department might lay it out: columns reordered, synonyms, no merges, a 序号 column. */
export const REORDERED_LAYOUT: Layout = {
  columns: ["seq", "l1", "l2", "l3", "criterion", "explanation", "weight", "target", "actual", "score", "reason"],
  headers: { seq: "序号", l1: "一级指标", l2: "二级指标", l3: "三级指标", weight: "指标分值", explanation: "指标说明", criterion: "评分规则", target: "目标值", actual: "完成值", score: "得分", reason: "扣分原因和其他说明" },
  mergeLevels: false,
  weightsInNames: false,
  titleRows: true,
  offset: { rows: 1, cols: 1 },
};

const THIN: Partial<ExcelJS.Borders> = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };

function cellValue(col: Column, ind: ExampleIndicator, level1Weight: number, layout: Layout, seq: number): ExcelJS.CellValue {
  switch (col) {
    case "seq": return seq;
    case "l1": return layout.weightsInNames ? `${ind.l1}（${level1Weight}分）` : ind.l1;
    case "l2": return ind.l2;
    case "l3": return layout.weightsInLeafNames ? `${ind.l3}（${ind.weight}分）` : ind.l3;
    case "weight": return ind.weight;
    case "explanation": return ind.explanation;
    case "criterion": return ind.criterion;
    case "score": return ind.score;
    case "reason": return ind.reason || null;
    default: return null;
  }
}

/** Writes the 评分表 sheet of a department in a layout. */
export function writeScoringSheet(ws: ExcelJS.Worksheet, dept: ExampleDepartment, layout: Layout): void {
  const r0 = layout.offset.rows + 1;
  const c0 = layout.offset.cols + 1;
  const width = layout.columns.length;
  let row = r0;
  if (layout.titleRows) {
    ws.getCell(row, c0).value = `${dept.unit}${dept.year}年度部门整体支出绩效自评表`;
    ws.getCell(row, c0).font = { bold: true, size: 16 };
    ws.mergeCells(row, c0, row, c0 + width - 1);
    row++;
    ws.getCell(row, c0).value = `单位名称：${dept.unit}`;
    ws.getCell(row, c0 + Math.floor(width / 2)).value = `评价年度：${dept.year}年`;
    row++;
    ws.getCell(row, c0).value = dept.note;
    ws.mergeCells(row, c0, row, c0 + width - 1);
    ws.getCell(row, c0).alignment = { wrapText: true };
    ws.getRow(row).height = 30;
    row++;
  }
  const headerRow = row;
  layout.columns.forEach((col, i) => {
    const cell = ws.getCell(headerRow, c0 + i);
    cell.value = layout.headers[col] ?? null;
    cell.font = { bold: true };
    cell.border = THIN;
  });
  row++;
  const col = (name: Column) => c0 + layout.columns.indexOf(name);
  const has = (name: Column) => layout.columns.includes(name);
  const level1Weights = new Map<string, number>();
  for (const ind of dept.indicators) level1Weights.set(ind.l1, (level1Weights.get(ind.l1) ?? 0) + ind.weight);

  const starts: { l1: number; l2: number } = { l1: row, l2: row };
  dept.indicators.forEach((ind, idx) => {
    const prev = dept.indicators[idx - 1];
    const span = Math.max(1, ind.targets?.length ?? 0);
    const first = row;
    for (const c of layout.columns) {
      const isLevel = c === "l1" || c === "l2";
      const repeated = isLevel && prev && prev.l1 === ind.l1 && (c === "l1" || prev.l2 === ind.l2);
      if (!repeated) ws.getCell(first, col(c)).value = cellValue(c, ind, level1Weights.get(ind.l1)!, layout, idx + 1);
    }
    (ind.targets ?? []).forEach((t, k) => {
      if (has("target")) ws.getCell(first + k, col("target")).value = t.target;
      if (has("actual")) ws.getCell(first + k, col("actual")).value = t.actual;
      if (k > 0 && has("explanation")) ws.getCell(first + k, col("explanation")).value = t.name;
    });
    if (ind.targets && has("explanation")) ws.getCell(first, col("explanation")).value = ind.targets[0].name;
    // Cells that belong to the indicator as a whole span its target rows.
    if (span > 1) {
      for (const c of ["seq", "l3", "weight", "criterion", "score", "reason"] as Column[]) {
        if (has(c)) ws.mergeCells(first, col(c), first + span - 1, col(c));
      }
    }
    row += span;
    const next = dept.indicators[idx + 1];
    if (layout.mergeLevels) {
      if (!next || next.l1 !== ind.l1 || next.l2 !== ind.l2) {
        if (has("l2") && row - 1 > starts.l2) ws.mergeCells(starts.l2, col("l2"), row - 1, col("l2"));
        starts.l2 = row;
      }
      if (!next || next.l1 !== ind.l1) {
        if (has("l1") && row - 1 > starts.l1) ws.mergeCells(starts.l1, col("l1"), row - 1, col("l1"));
        starts.l1 = row;
      }
    }
  });
  const total = dept.statedTotal ?? dept.indicators.reduce((s, i) => s + Number(i.score), 0);
  ws.getCell(row, c0).value = "合计";
  if (has("weight")) ws.getCell(row, col("weight")).value = dept.indicators.reduce((s, i) => s + i.weight, 0);
  ws.getCell(row, col("score")).value = total;
  for (let r = headerRow; r <= row; r++) {
    // Criteria wrap over several lines; not every program fits row heights to wrapped text on opening.
    if (r > headerRow && r < row) ws.getRow(r).height = 48;
    for (let c = c0; c < c0 + width; c++) {
      const cell = ws.getCell(r, c);
      cell.border = THIN;
      cell.alignment = { wrapText: true, vertical: "middle" };
    }
  }
  const widths: Partial<Record<Column, number>> = { seq: 6, l1: 14, l2: 14, l3: 18, weight: 8, explanation: 26, criterion: 46, target: 12, actual: 12, score: 10, reason: 36 };
  layout.columns.forEach((c, i) => (ws.getColumn(c0 + i).width = widths[c]));
}

/** Writes the 数据表 sheet: label/value lines, then the 三公 table with its 预算数/实际数/上年实际数 columns. */
export function writeDataSheet(ws: ExcelJS.Worksheet, dept: ExampleDepartment): void {
  ws.getCell(1, 1).value = `${dept.unit}${dept.year}年度部门整体支出绩效自评数据表`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, 4);
  ws.getCell(2, 1).value = "单位：万元";
  let row = 3;
  for (const [label, value] of dept.data) {
    ws.getCell(row, 1).value = label;
    if (value === undefined) ws.getCell(row, 1).font = { bold: true };
    else ws.getCell(row, 2).value = value;
    row++;
  }
  row++;
  ws.getCell(row, 1).value = "七、“三公”经费";
  ws.getCell(row, 1).font = { bold: true };
  row++;
  ["项目", "预算数", "实际数", "上年实际数"].forEach((h, i) => (ws.getCell(row, i + 1).value = h));
  for (const [name, budget, actual, lastYear] of dept.sanGong.rows) {
    row++;
    [name, budget, actual, lastYear].forEach((v, i) => (ws.getCell(row, i + 1).value = v));
  }
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 14;
  ws.getColumn(3).width = 14;
  ws.getColumn(4).width = 14;
}

export function exampleWorkbook(dept: ExampleDepartment, layout: Layout = STANDARD_LAYOUT): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ziping 示例生成脚本";
  // A fixed date keeps regenerated examples byte-identical when nothing else changed.
  workbook.created = workbook.modified = new Date("2025-07-10T00:00:00Z");
  writeDataSheet(workbook.addWorksheet("数据表"), dept);
  writeScoringSheet(workbook.addWorksheet("评分表"), dept, layout);
  return workbook;
}
