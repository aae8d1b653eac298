import { CellValue } from "../model";
import { Grid } from "../grid/grid";
import { toA1 } from "../grid/address";
import { toHalfWidth } from "../text/halfWidth";
import { InvalidNumber, parseNumber, parseYesNo } from "../text/numberText";
import { stem } from "../rules/library";
import { DataFieldSpec } from "../rules/profile";
import { DataTable, DataValue, OutOfBoundValue } from "./tables";

/** Rows of a sheet that belong to a scoring table and are not searched for data labels. */
export interface RowSpan {
  top: number;
  bottom: number;
}

interface LabelPos {
  grid: Grid;
  row: number;
  col: number;
  text: string;
  /** "预算数：95" holds its value in the label cell itself. */
  inline?: CellValue;
}

/** Texts that may sit between a label and its value without being a value: units and separators. */
const FILLER = /^(万元|元|亿元|%|％|个|项|次|人|家|单位|:|：)$/;
const MAX_LABEL_LENGTH = 40;
/** How far right of a label its value may be. */
const MAX_GAP = 6;
const INLINE_VALUE = /^(.{2,30}?)[:：]\s*([-+]?[\d,.]+\s*(%|[\u4e00-\u9fff]{1,3})?)$/;

/**
 * Finds the data-table fields (数据表) by what their labels mean, not by exact strings (labels compared by stem): a
 * value to the right of its label, in the same cell after a colon, below it in a one-record table, or where a row
 * label meets a column header (三公经费 × 预算数; year columns such as 本年决算数 or 2023年决算数). A field found in
 * two places with different values is a conflict, not a guess.
 */
export function readDataTable(grids: Grid[], fields: Record<string, DataFieldSpec>, excluded: Map<string, RowSpan[]>, year: number | null = null): DataTable {
  const index = indexLabels(grids, excluded, year);
  const values = new Map<string, DataValue>();
  const conflicts = new Map<string, DataValue[]>();
  const outOfBound = new Map<string, OutOfBoundValue>();
  const sheets = new Set<string>();
  for (const [field, spec] of Object.entries(fields)) {
    const found: DataValue[] = [];
    for (const f of [...findBesideLabel(index, spec), ...findCrossing(index, spec)]) {
      const value = toFieldValue(f.value, spec);
      if (value === null) continue;
      const cell = toA1(f);
      if ("problem" in value) {
        if (!outOfBound.has(field)) outOfBound.set(field, { field, sheet: f.grid.name, cell, problem: value.problem });
        continue;
      }
      if (found.some((d) => d.sheet === f.grid.name && d.cell === cell)) continue;
      found.push({ field, value: value.value, percent: value.percent, kind: spec.kind ?? "amount", sheet: f.grid.name, cell, label: f.label });
    }
    if (found.length === 0 || outOfBound.has(field)) continue;
    const distinct = found.filter((d, i) => found.findIndex((e) => sameValue(e.value, d.value)) === i);
    if (distinct.length > 1) {
      conflicts.set(field, distinct);
      continue;
    }
    values.set(field, found[0]);
    sheets.add(found[0].sheet);
  }
  return { values, conflicts, labelled: labelledValues(index), outOfBound, sheets: [...sheets] };
}

/**
 * Every label of the data sheets with the value it stands beside, whether or not a field names it: an indicator's own
 * figure ("送戏下乡场次 | 11", "群众满意度(%) | 85") is found by the indicator's name.
 */
function labelledValues(index: Map<string, LabelPos[]>): Map<string, DataValue[]> {
  const labelled = new Map<string, DataValue[]>();
  for (const [key, positions] of index) {
    const values: DataValue[] = [];
    for (const pos of positions) {
      const f = pos.inline !== undefined ? { grid: pos.grid, row: pos.row, col: pos.col, value: pos.inline, label: pos.text } : valueToTheRight(pos) ?? valueBelow(pos);
      if (!f) continue;
      const yes = typeof f.value === "string" ? parseYesNo(f.value) : null;
      const parsed = parseNumber(f.value);
      const percent = parsed.kind === "number" && (parsed.percent || /[%％]/.test(pos.text));
      const value = parsed.kind === "number" ? parsed.value : yes;
      if (value === null) continue;
      const kind = typeof value === "boolean" ? "yesno" : percent ? "percent" : "count";
      values.push({ field: pos.text, value, percent, kind, sheet: f.grid.name, cell: toA1(f), label: pos.text });
    }
    if (values.length > 0) labelled.set(key, values);
  }
  return labelled;
}

function sameValue(a: number | boolean, b: number | boolean): boolean {
  return typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 0.005 : a === b;
}

/** Year columns named by the year read as 本年/上年: "2023年决算数" in a 2023 evaluation is 本年决算数. */
function yearWords(text: string, year: number | null): string {
  if (year === null) return text;
  return toHalfWidth(text).replace(new RegExp(`${year}\\s*年度?`, "g"), "本年").replace(new RegExp(`${year - 1}\\s*年度?`, "g"), "上年");
}

function indexLabels(grids: Grid[], excluded: Map<string, RowSpan[]>, year: number | null): Map<string, LabelPos[]> {
  const index = new Map<string, LabelPos[]>();
  const add = (key: string, pos: LabelPos) => {
    if (!key) return;
    const list = index.get(key) ?? [];
    list.push(pos);
    index.set(key, list);
  };
  for (const grid of grids) {
    const spans = excluded.get(grid.name) ?? [];
    grid.sheet.values.forEach((cells, i) => {
      const row = grid.top + i;
      if (spans.some((s) => row >= s.top && row <= s.bottom)) return;
      cells.forEach((v, j) => {
        if (typeof v !== "string" || v.length > MAX_LABEL_LENGTH || v.trim() === "") return;
        const text = yearWords(v.trim(), year);
        const pos = { grid, row, col: grid.left + j, text: v.trim() };
        const inline = INLINE_VALUE.exec(toHalfWidth(text));
        if (inline) add(stem(inline[1]), { ...pos, inline: inline[2] });
        else add(stem(text), pos);
      });
    });
  }
  return index;
}

function positionsOf(index: Map<string, LabelPos[]>, labels: string[] | undefined): LabelPos[] {
  const keys = new Set((labels ?? []).map(stem));
  return [...keys].flatMap((k) => index.get(k) ?? []);
}

interface Found {
  grid: Grid;
  row: number;
  col: number;
  value: CellValue;
  label: string;
}

/** A number, a number too large to use (a value all the same, to be reported), or a yes/no answer. */
function isValueLike(v: CellValue): boolean {
  if (v === null) return false;
  const parsed = parseNumber(v);
  if (parsed.kind === "number" || (parsed.kind === "invalid" && parsed.bound)) return true;
  return parseYesNo(v) !== null && typeof v !== "number";
}

function isFiller(v: CellValue): boolean {
  return v === null || (typeof v === "string" && (v.trim() === "" || FILLER.test(v.trim())));
}

function findBesideLabel(index: Map<string, LabelPos[]>, spec: DataFieldSpec): Found[] {
  const found: Found[] = [];
  for (const pos of positionsOf(index, spec.labels)) {
    if (pos.inline !== undefined) {
      found.push({ grid: pos.grid, row: pos.row, col: pos.col, value: pos.inline, label: pos.text });
      continue;
    }
    const right = valueToTheRight(pos);
    if (right) found.push(right);
    else {
      const below = valueBelow(pos);
      if (below) found.push(below);
    }
  }
  return found;
}

/**
 * The value after a label on its row. A row holding several values after its label is a row of a crossing table
 * (上年 | 本年预算 | 本年决算): which of them the label means is for its column header to say, not for the nearest cell.
 */
function valueToTheRight(pos: LabelPos): Found | null {
  const { grid } = pos;
  const merge = grid.mergeAt(pos.row, pos.col);
  const start = merge ? merge.right + 1 : pos.col + 1;
  const end = Math.min(grid.right, start + MAX_GAP);
  for (let col = start; col <= end; col++) {
    const v = grid.raw(pos.row, col);
    if (isFiller(v) || grid.continuesMergeFromAbove(pos.row, col)) continue;
    if (!isValueLike(v)) return null; // another label: the value is not on this row
    const valueMerge = grid.mergeAt(pos.row, col);
    for (let next = (valueMerge ? valueMerge.right : col) + 1; next <= end; next++) {
      const n = grid.raw(pos.row, next);
      if (isFiller(n)) continue;
      return isValueLike(n) ? null : { grid, row: pos.row, col, value: v, label: pos.text };
    }
    return { grid, row: pos.row, col, value: v, label: pos.text };
  }
  return null;
}

/**
 * The value under a column label, in a one-record table (编制数 | 在职人数 over 25 | 23): only when the row below holds
 * values and no labels of its own, so that a crossing table's first row (三公经费合计 | 12.00 …) is not read as one.
 */
function valueBelow(pos: LabelPos): Found | null {
  const { grid } = pos;
  const merge = grid.mergeAt(pos.row, pos.col);
  const below = merge ? merge.bottom + 1 : pos.row + 1;
  const v = grid.raw(below, pos.col);
  if (!isValueLike(v)) return null;
  for (let col = grid.left; col <= grid.right; col++) {
    const cell = grid.raw(below, col);
    if (isFiller(cell) || isValueLike(cell) || grid.continuesMergeFromAbove(below, col)) continue;
    return null;
  }
  return { grid, row: below, col: pos.col, value: v, label: pos.text };
}

function findCrossing(index: Map<string, LabelPos[]>, spec: DataFieldSpec): Found[] {
  const crossings = [...(spec.row && spec.column ? [{ row: spec.row, column: spec.column }] : []), ...(spec.crossings ?? [])];
  return crossings.flatMap((c) => findCrossingOf(index, c.row, c.column));
}

function findCrossingOf(index: Map<string, LabelPos[]>, rows: string[], columns: string[]): Found[] {
  const headers = positionsOf(index, columns);
  const found: Found[] = [];
  for (const rowLabel of positionsOf(index, rows)) {
    // The nearest matching header above the row label: a sheet may stack several crossing tables.
    const header = headers
      .filter((h) => h.grid === rowLabel.grid && h.row < rowLabel.row && h.col > rowLabel.col)
      .sort((a, b) => b.row - a.row || a.col - b.col)[0];
    if (!header) continue;
    const v = rowLabel.grid.value(rowLabel.row, header.col);
    if (isValueLike(v)) found.push({ grid: rowLabel.grid, row: rowLabel.row, col: header.col, value: v, label: `${rowLabel.text}·${header.text}` });
  }
  return found;
}

function toFieldValue(v: CellValue, spec: DataFieldSpec): { value: number | boolean; percent: boolean } | { problem: InvalidNumber } | null {
  if (spec.kind === "yesno") {
    const yes = parseYesNo(v);
    return yes === null ? null : { value: yes, percent: false };
  }
  const parsed = parseNumber(v);
  if (parsed.kind === "invalid" && parsed.bound) return { problem: parsed };
  if (parsed.kind !== "number") return null;
  if (spec.kind === "percent") {
    // 0.95 and 95% both mean ninety-five percent; a plain number above 1.5 is already in percent.
    const value = parsed.percent || Math.abs(parsed.value) > 1.5 ? parsed.value : parsed.value * 100;
    return { value, percent: true };
  }
  return { value: parsed.value, percent: parsed.percent };
}
