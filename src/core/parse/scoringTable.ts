import { CellValue } from "../model";
import { Grid } from "../grid/grid";
import { toA1 } from "../grid/address";
import { cellText, parseNumber, parsePoints } from "../text/numberText";
import { displayName, weightInName } from "../text/names";
import { toHalfWidth } from "../text/halfWidth";
import { HeaderColumns, headerAt } from "./header";
import { statesProportion } from "../rules/recognise";
import { IndicatorRow, LevelWeight, ScoringField, ScoringTable, SourceCell, SumRow, TargetRow } from "./tables";

const NAME_FIELDS: ScoringField[] = ["level1", "level2", "level3", "name"];
/** Blank rows that end a table when no 合计 row does. */
const BLANK_ROWS_ENDING_TABLE = 3;

type RowLabel = "total" | "subtotal" | null;

/** Every scoring table in a sheet, top to bottom (a sheet may hold several). */
export function findScoringTables(grid: Grid): ScoringTable[] {
  const tables: ScoringTable[] = [];
  let row = grid.top;
  while (row <= grid.bottom) {
    const header = headerAt(grid, row);
    if (!header) {
      row++;
      continue;
    }
    const { table, endRow } = readTable(grid, row, header.columns, header.lastRow + 1);
    if (table.indicators.length > 0) tables.push(table);
    if (notesStateProportion(grid)) for (const r of table.indicators) r.proportionStated = true;
    row = Math.max(endRow, header.lastRow) + 1;
  }
  return tables;
}

function sourceCell(grid: Grid, row: number, col: number | undefined): SourceCell | null {
  if (col === undefined) return null;
  const owner = grid.owner(row, col);
  return { sheet: grid.name, cell: toA1(owner), value: grid.raw(owner.row, owner.col) };
}

function textAt(grid: Grid, row: number, col: number | undefined): string | null {
  return col === undefined ? null : cellText(grid.value(row, col) as CellValue);
}

/** 合计/总计 and 小计 rows, recognised by a label in the columns left of the weight. */
function rowLabel(grid: Grid, row: number, columns: HeaderColumns): RowLabel {
  // From the sheet's left edge: the label often sits in a 序号 column the table does not otherwise use.
  const lastCol = columns.weight ?? grid.left;
  for (let col = grid.left; col < Math.max(lastCol, grid.left + 1); col++) {
    const text = cellText(grid.value(row, col));
    if (!text) continue;
    const t = toHalfWidth(text).replace(/\s+/g, "");
    if (/^(合计|总计|总分|总得分|得分合计)/.test(t)) return "total";
    if (/^小计/.test(t)) return "subtotal";
  }
  return null;
}

/** The form's notes (注：… / 填表说明：…) say that a missed target scores in proportion to its completion. */
function notesStateProportion(grid: Grid): boolean {
  return grid.sheet.values.some((cells) => cells.some((v) => typeof v === "string" && NOTE.test(v) && statesProportion(v)));
}

const NOTE = /^\s*(注|说明|填表说明|备注)\s*\d*\s*[:：.、]/;

/** A template's unfilled slot: "指标2：" or "……" with no weight and no score (LAYOUTS §1.7). */
function isPlaceholder(grid: Grid, row: number, columns: HeaderColumns, leaf: string): boolean {
  if (!/^\s*(指标\s*\d+\s*[:：]?|[…．.。]+)\s*$/.test(toHalfWidth(leaf))) return false;
  return [columns.weight, columns.score].every((col) => col === undefined || parseNumber(grid.value(row, col)).kind !== "number");
}

function isBlankRow(grid: Grid, row: number, columns: HeaderColumns): boolean {
  return Object.values(columns).every((col) => typeof col !== "number" || cellText(grid.value(row, col)) === null);
}

/** A table row before it is known to be a leaf indicator or a sum: its names as written, its weight cell unread. */
interface RawRow extends Omit<IndicatorRow, "sheet" | "weight"> {
  fullNames: string[];
  subtotal: boolean;
}

function readTable(grid: Grid, headerRow: number, columns: HeaderColumns, firstRow: number): { table: ScoringTable; endRow: number } {
  const nameCols = NAME_FIELDS.map((f) => columns[f]).filter((c): c is number => c !== undefined);
  const rows: RawRow[] = [];
  let total: SumRow | null = null;
  let previousNames: (string | null)[] = nameCols.map(() => null);
  let blanks = 0;
  let row = firstRow;
  for (; row <= grid.bottom; row++) {
    if (headerAt(grid, row)) break; // another table begins
    if (isBlankRow(grid, row, columns)) {
      if (++blanks >= BLANK_ROWS_ENDING_TABLE) break;
      continue;
    }
    blanks = 0;
    const label = rowLabel(grid, row, columns);
    if (label === "total") {
      total = { sheet: grid.name, row, path: [], weight: sourceCell(grid, row, columns.weight), declared: sourceCell(grid, row, columns.score) };
      break;
    }
    const last = rows[rows.length - 1];
    // Rows under a weight/score merged from above are further targets of the same indicator.
    if (last && columns.score !== undefined && grid.continuesMergeFromAbove(row, columns.score)) {
      const target = targetRow(grid, row, columns, nameCols);
      if (target) last.targets.push(target);
      continue;
    }
    // Names: merged cells read their value in every row; blank higher levels are filled down from the row above.
    const names = nameCols.map((col, i) => {
      const own = textAt(grid, row, col);
      if (own !== null || i === nameCols.length - 1) return own;
      return previousNames[i];
    });
    for (let i = 0; i < names.length; i++) {
      // A new higher-level name starts a new branch: lower levels are not carried over from the previous branch.
      if (names[i] !== previousNames[i] && textAt(grid, row, nameCols[i]) !== null) {
        for (let j = i + 1; j < names.length - 1; j++) if (textAt(grid, row, nameCols[j]) === null) names[j] = null;
        break;
      }
    }
    previousNames = names;
    // A row whose names all come from the rows above names nothing of its own.
    if (nameCols.every((col) => textAt(grid, row, col) === null)) continue;
    const fullNames = names.filter((n): n is string => n !== null);
    if (fullNames.length === 0 || isPlaceholder(grid, row, columns, fullNames[fullNames.length - 1])) continue;
    const subtotal = label === "subtotal";
    const path = fullNames.map(displayName).filter((n) => !/^小计/.test(n));
    const declared = sourceCell(grid, row, columns.score)!;
    const target = targetRow(grid, row, columns, nameCols);
    rows.push({
      row,
      path,
      fullNames,
      weightCell: sourceCell(grid, row, columns.weight),
      declared,
      reason: sourceCell(grid, row, columns.reason),
      // Without a 评分标准 column the rule may stand in the 指标解释 (LAYOUTS F4, ND18's short form).
      ...criterionOf(grid, row, columns),
      explanation: textAt(grid, row, columns.explanation),
      targets: target ? [target] : [],
      ...(columns.coefficient !== undefined ? { coefficient: sourceCell(grid, row, columns.coefficient)! } : {}),
      subtotal,
    });
  }
  const endRow = total ? row : row - 1;
  return { table: classify(grid, headerRow, endRow, columns, rows, total), endRow };
}

/** The row's 评分标准, or its 指标解释 when that states how the row is scored and the table has no 评分标准 column. */
function criterionOf(grid: Grid, row: number, columns: HeaderColumns): { criterion: string | null; criterionCell: string | null } {
  const col = columns.criterion ?? columns.explanation;
  const text = textAt(grid, row, col);
  if (col === undefined || text === null) return { criterion: null, criterionCell: null };
  if (columns.criterion === undefined && !SCORING_WORDS.test(text)) return { criterion: null, criterionCell: null };
  return { criterion: text, criterionCell: toA1(grid.owner(row, col)) };
}

/** Words that make an explanation a scoring rule: 得分, 计分, 扣…分, 得满分, 酌情, 评定. */
const SCORING_WORDS = /得分|计分|扣\s*[\d.一二三四五六七八九十]+\s*分|扣分|得满分|满分|不得分|酌情|评定/;

/** 目标值/完成值 of a row, when it has either. */
function targetRow(grid: Grid, row: number, columns: HeaderColumns, nameCols: number[]): TargetRow | null {
  if (columns.target === undefined || columns.actual === undefined) return null;
  const target = sourceCell(grid, row, columns.target)!;
  const actual = sourceCell(grid, row, columns.actual)!;
  if (cellText(target.value) === null && cellText(actual.value) === null) return null;
  const ownName = [columns.explanation, ...nameCols.slice().reverse()]
    .map((col) => (col !== undefined && !grid.continuesMergeFromAbove(row, col) ? textAt(grid, row, col) : null))
    .find((t) => t !== null && !SCORING_WORDS.test(t));
  const nature = textAt(grid, row, columns.nature);
  return { name: ownName ? displayName(ownName) : "", target, actual, ...(nature ? { nature } : {}) };
}

function weightOf(r: RawRow): number | null {
  if (r.weightCell) {
    const parsed = parsePoints(r.weightCell.value);
    if (parsed.kind === "number") return parsed.value;
  }
  return weightInName(r.fullNames[r.fullNames.length - 1]);
}

/** Splits rows into leaf indicators and rows that sum others (a row whose path is a prefix of another's). */
function classify(grid: Grid, headerRow: number, lastRow: number, columns: HeaderColumns, rows: RawRow[], total: SumRow | null): ScoringTable {
  const key = (path: string[]) => path.join("\u0001");
  const prefixes = new Set<string>();
  for (const r of rows) for (let i = 1; i < r.path.length; i++) prefixes.add(key(r.path.slice(0, i)));
  const indicators: IndicatorRow[] = [];
  const subtotals: SumRow[] = [];
  for (const r of rows) {
    if (r.subtotal || prefixes.has(key(r.path))) {
      subtotals.push({ sheet: grid.name, row: r.row, path: r.path, weight: r.weightCell, declared: r.declared });
      continue;
    }
    const { fullNames, subtotal, ...row } = r;
    void fullNames;
    void subtotal;
    indicators.push({ ...row, sheet: grid.name, weight: weightOf(r) });
  }
  return { sheet: grid.name, headerRow, lastRow, columns, indicators, subtotals, levelWeights: levelWeights(grid, rows, columns, prefixes), total };
}

/** Level weights, once per branch: written into level names (投入（20分）), or in a weight column beside the level (F3). */
function levelWeights(grid: Grid, rows: RawRow[], columns: HeaderColumns, prefixes: Set<string>): LevelWeight[] {
  const seen = new Set<string>();
  const result: LevelWeight[] = [];
  const nameCols = NAME_FIELDS.map((f) => columns[f]).filter((c): c is number => c !== undefined);
  const add = (path: string[], weight: number, cell: string) => {
    const k = path.join("\u0001");
    // A leaf's own weight is its weight, not a level's.
    if (seen.has(k) || !prefixes.has(k)) return;
    seen.add(k);
    result.push({ path, weight, sheet: grid.name, cell });
  };
  for (const r of rows) {
    for (let level = 0; level < r.fullNames.length; level++) {
      const weight = weightInName(r.fullNames[level]);
      if (weight !== null) add(r.path.slice(0, level + 1), weight, toA1(grid.owner(r.row, nameCols[level])));
    }
    for (const { level, col } of columns.levelWeights ?? []) {
      const parsed = parsePoints(grid.value(r.row, col));
      if (parsed.kind === "number" && level < r.path.length) add(r.path.slice(0, level + 1), parsed.value, toA1(grid.owner(r.row, col)));
    }
  }
  return result;
}
