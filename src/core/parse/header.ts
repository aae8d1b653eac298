import { CellValue } from "../model";
import { toHalfWidth } from "../text/halfWidth";
import { Grid } from "../grid/grid";
import { ScoringField } from "./tables";

/** Header texts per field (DOMAIN §1), compared after removing blanks and bracketed units. */
const HEADER_TEXTS: Record<ScoringField, string[]> = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  level3: ["三级指标"],
  name: ["指标名称", "指标", "评价指标", "考核指标", "绩效指标"],
  weight: ["分值", "指标分值", "权重", "标准分", "满分", "权重分"],
  explanation: ["指标解释", "指标说明", "指标内涵"],
  criterion: ["评分标准", "评分规则", "指标说明及评分标准", "评分办法", "评价标准", "评分细则", "计分方法", "评分方法"],
  target: ["绩效目标值", "目标值", "年度目标值", "年度指标值", "指标值", "预期目标值"],
  actual: ["实际完成值", "完成值", "实际值", "全年实际值", "实际完成情况", "全年实际完成值"],
  score: ["自评得分", "得分", "评分", "自评分", "自评分数", "实际得分", "自评分值"],
  reason: ["扣分原因", "扣分原因和其他说明", "扣分原因及其他说明", "未完成原因", "评分依据", "自评说明", "备注", "扣分说明", "扣分原因说明", "偏差原因分析", "扣分理由"],
};

const FIELD_BY_TEXT = new Map<string, ScoringField>();
for (const [field, texts] of Object.entries(HEADER_TEXTS) as [ScoringField, string[]][]) {
  for (const t of texts) FIELD_BY_TEXT.set(t, field);
}

function headerKey(value: CellValue): string | null {
  if (typeof value !== "string" || value.length > 30) return null;
  return toHalfWidth(value).replace(/\([^)]*\)/g, "").replace(/[\s:：*]/g, "");
}

export function headerField(value: CellValue): ScoringField | null {
  const key = headerKey(value);
  return key ? FIELD_BY_TEXT.get(key) ?? null : null;
}

export type HeaderColumns = Partial<Record<ScoringField, number>>;

/** The scoring-table fields a row names, by column (first column wins for a field named twice). */
export function fieldsAt(grid: Grid, row: number): HeaderColumns {
  const columns: HeaderColumns = {};
  for (let col = grid.left; col <= grid.right; col++) {
    const field = headerField(grid.value(row, col));
    if (field && columns[field] === undefined) columns[field] = col;
  }
  return columns;
}

const LEVELS: ScoringField[] = ["level1", "level2", "level3"];

function isHeader(columns: HeaderColumns): boolean {
  const hasName = columns.name !== undefined || LEVELS.some((f) => columns[f] !== undefined);
  // No 分值 column is needed: weights may be written into the names (预算执行率（5分）).
  return columns.score !== undefined && hasName;
}

/**
 * The header of a table starting at `row`: one row, or two when the row below names the levels (a header whose
 * "指标" cell spans 一级/二级/三级 below it). Returns the columns and the last header row.
 */
export function headerAt(grid: Grid, row: number): { columns: HeaderColumns; lastRow: number } | null {
  const first = fieldsAt(grid, row);
  if (!isHeader(first)) return null;
  const second = row < grid.bottom ? fieldsAt(grid, row + 1) : {};
  if (!LEVELS.some((f) => second[f] !== undefined)) return { columns: first, lastRow: row };
  const columns: HeaderColumns = { ...first, ...second };
  // A generic "指标" spanning the level columns is not a name column of its own.
  if (first.name !== undefined && second.name === undefined) delete columns.name;
  return { columns, lastRow: row + 1 };
}
