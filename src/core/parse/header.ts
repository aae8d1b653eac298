import { CellValue } from "../model";
import { toHalfWidth } from "../text/halfWidth";
import { Grid } from "../grid/grid";
import { ScoringField } from "./tables";

/** Header texts per field (DOMAIN §1, LAYOUTS §1.2), compared after the key below strips units, tags and blanks. */
const HEADER_TEXTS: Record<ScoringField, string[]> = {
  level1: ["一级指标", "一级", "一级指标名称"],
  level2: ["二级指标", "二级", "二级指标名称"],
  level3: ["三级指标", "三级", "三级指标名称"],
  name: ["指标名称", "指标", "评价指标", "考核指标", "绩效指标", "指标内容名称"],
  weight: ["分值", "指标分值", "权重", "标准分", "满分", "权重分", "指标权重", "权重分值", "标准分值", "分数", "指标分数"],
  explanation: ["指标解释", "指标说明", "指标内涵", "指标内容", "指标解释及说明"],
  criterion: ["评分标准", "评分规则", "指标说明及评分标准", "评分办法", "评价标准", "评分细则", "计分方法", "评分方法", "考核标准", "评价要点", "评分标准及方法", "评分要点"],
  target: ["绩效目标值", "目标值", "年度目标值", "年度指标值", "预期目标值", "计划目标值", "目标值标准", "年初设置指标值", "年初目标值", "调整后目标值", "预期指标值"],
  actual: ["实际完成值", "完成值", "实际值", "全年实际值", "实际完成情况", "全年实际完成值", "完成情况", "实际完成", "全年完成值"],
  score: ["自评得分", "得分", "评分", "自评分", "自评分数", "实际得分", "自评分值", "指标得分", "评价得分", "考核得分"],
  coefficient: ["得分系数", "完成系数", "得分率"],
  nature: ["指标性质", "指标方向"],
  reason: ["扣分原因", "扣分原因和其他说明", "扣分原因及其他说明", "未完成原因", "评分依据", "自评说明", "备注", "扣分说明", "扣分原因说明", "偏差原因分析", "扣分理由", "原因", "理由", "未完成原因分析", "偏差原因分析及改进措施", "情况说明"],
};

/** Header words that vary too much to list (偏差原因分析及改进措施, 评分标准（依据）…): matched by what they contain. */
const HEADER_PATTERNS: [RegExp, ScoringField][] = [
  [/系数/, "coefficient"],
  [/(评分|评价|考核|计分|打分)(标准|规则|办法|细则|方法|要点)/, "criterion"],
  [/(原因|理由|扣分说明|偏差)/, "reason"],
  [/(目标值|指标值)$/, "target"],
  [/(完成值|实际值)$/, "actual"],
  [/^(自评)?得分$|得分$/, "score"],
];

const FIELD_BY_TEXT = new Map<string, ScoringField>();
for (const [field, texts] of Object.entries(HEADER_TEXTS) as [ScoringField, string[]][]) {
  for (const t of texts) FIELD_BY_TEXT.set(t, field);
}

/**
 * A header cell as compared: half-width, no blanks or line breaks (一级\n指标, 产 出), no bracketed units or tags
 * (分值（分）, 全年预算数(A), 目标值(标准)), no circled numbers or formulas (小计③=①+②).
 */
export function headerKey(value: CellValue): string | null {
  if (typeof value !== "string" || value.length > 40) return null;
  const key = toHalfWidth(value)
    .replace(/\s+/g, "")
    .replace(/\([^)]*\)/g, "")
    .replace(/[①-⑳]/g, "")
    .replace(/=.*$/, "")
    .replace(/[:：*]/g, "");
  return key.length > 0 && key.length <= 20 ? key : null;
}

export function headerField(value: CellValue): ScoringField | null {
  if (typeof value !== "string") return null;
  let field = FIELDS_SEEN.get(value);
  if (field === undefined) {
    const key = headerKey(value);
    field = key ? FIELD_BY_TEXT.get(key) ?? HEADER_PATTERNS.find(([re]) => re.test(key))?.[1] ?? null : null;
    if (FIELDS_SEEN.size > 20000) FIELDS_SEEN.clear();
    FIELDS_SEEN.set(value, field);
  }
  return field;
}

/** Every row of a table is tried as a header; the same texts recur on every row. */
const FIELDS_SEEN = new Map<string, ScoringField | null>();

export type HeaderColumns = Partial<Record<ScoringField, number>> & {
  /** Columns beside a level name holding that level's weight (F3: 一级指标 | 分值 | 二级指标 | 分值 …), by level. */
  levelWeights?: LevelWeightColumn[];
};

export interface LevelWeightColumn {
  /** 0 for 一级, 1 for 二级. */
  level: number;
  col: number;
}

const LEVELS: ScoringField[] = ["level1", "level2", "level3"];

/** Every column a row names, by field, left to right. */
function allFieldsAt(grid: Grid, row: number): Map<ScoringField, number[]> {
  const found = new Map<ScoringField, number[]>();
  for (let col = grid.left; col <= grid.right; col++) {
    const value = grid.value(row, col);
    if (typeof value !== "string") continue;
    // A header merged across columns is one header, in its first column.
    if (grid.mergeAt(row, col) && grid.owner(row, col).col !== col) continue;
    const field = headerField(value);
    if (field) found.set(field, [...(found.get(field) ?? []), col]);
  }
  return found;
}

/**
 * Resolves fields named several times (LAYOUTS §1.2, F3). A 分值/权重/得分 column right beside a level name holds that
 * level's weight; the leaf weight is the one beside the deepest level, else the rightmost weight column; the self score
 * is the rightmost 得分 column that is not beside a level name. With level columns, a 指标/绩效指标 column to their left
 * is a block label merged down the table, not a name column.
 */
function resolveColumns(found: Map<ScoringField, number[]>): HeaderColumns {
  const columns: HeaderColumns = {};
  for (const [field, cols] of found) columns[field] = cols[0];
  const levels = LEVELS.map((f, level) => ({ level, col: found.get(f)?.[0] })).filter((l): l is { level: number; col: number } => l.col !== undefined);
  if (levels.length > 0 && columns.name !== undefined && columns.name < levels[0].col) delete columns.name;
  const besideLevel = (col: number) => levels.find((l) => l.col === col - 1);
  const deepest = levels[levels.length - 1];

  const weights = found.get("weight") ?? [];
  const scores = found.get("score") ?? [];
  const levelWeights: LevelWeightColumn[] = [];
  for (const col of [...weights, ...scores]) {
    const level = besideLevel(col);
    if (level && level !== deepest) levelWeights.push({ level: level.level, col });
  }
  const ownScores = scores.filter((c) => !besideLevel(c) || scores.length === 1);
  const leafWeight =
    weights.find((c) => deepest && besideLevel(c) === deepest) ??
    [...weights].reverse().find((c) => !levelWeights.some((l) => l.col === c)) ??
    // F3's 得分 spelling: the 得分 beside the deepest level holds the leaf weight when another 得分 holds the score.
    (scores.length > 1 ? scores.find((c) => deepest && besideLevel(c) === deepest) : undefined);
  if (leafWeight !== undefined) columns.weight = leafWeight;
  else delete columns.weight;
  const score = [...ownScores].reverse().find((c) => c !== leafWeight);
  if (score !== undefined) columns.score = score;
  else delete columns.score;
  if (levelWeights.length > 0) columns.levelWeights = levelWeights;
  // 指标值 is the target beside 实际完成值, but the actual value beside 目标值(标准) (LAYOUTS §1.2, JSP).
  const targets = found.get("target") ?? [];
  if (columns.actual === undefined && targets.length > 1) {
    columns.target = targets[0];
    columns.actual = targets[targets.length - 1];
  }
  return columns;
}

function isHeader(columns: HeaderColumns): boolean {
  const hasName = columns.name !== undefined || LEVELS.some((f) => columns[f] !== undefined);
  // No 分值 column is needed: weights may be written into the names (预算执行率（5分）).
  return columns.score !== undefined && hasName;
}

/**
 * The header of a table starting at `row`: one row, or two when the row below names the levels or the columns a
 * spanning cell stands over (指标 over 一级/二级/三级; 采集数据项 over 数据项1 | 数据项2). Returns the columns and the
 * last header row.
 */
export function headerAt(grid: Grid, row: number): { columns: HeaderColumns; lastRow: number } | null {
  const first = allFieldsAt(grid, row);
  if (first.size === 0) return null;
  const second = row < grid.bottom ? allFieldsAt(grid, row + 1) : new Map<ScoringField, number[]>();
  const twoRows = (LEVELS.some((f) => second.has(f)) || (second.size > 0 && !isHeader(resolveColumns(first)) && isHeader(resolveColumns(merged(first, second)))));
  if (twoRows) {
    const both = merged(first, second);
    // A generic "指标" spanning the level columns is not a name column of its own.
    if (first.has("name") && !second.has("name")) both.delete("name");
    const columns = resolveColumns(both);
    return isHeader(columns) ? { columns, lastRow: row + 1 } : null;
  }
  const columns = resolveColumns(first);
  return isHeader(columns) ? { columns, lastRow: row } : null;
}

/** Two header rows as one: where both name a column, the lower row (the more specific) wins. */
function merged(first: Map<ScoringField, number[]>, second: Map<ScoringField, number[]>): Map<ScoringField, number[]> {
  const taken = new Set([...second.values()].flat());
  const both = new Map<ScoringField, number[]>();
  for (const [field, cols] of first) {
    const free = cols.filter((c) => !taken.has(c));
    if (free.length > 0) both.set(field, free);
  }
  for (const [field, cols] of second) both.set(field, [...(both.get(field) ?? []), ...cols].sort((a, b) => a - b));
  return both;
}
