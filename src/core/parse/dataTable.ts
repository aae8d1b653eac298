import { CellValue } from "../model";
import { Grid } from "../grid/grid";
import { toA1 } from "../grid/address";
import { normaliseName } from "../text/names";
import { parseNumber, parseYesNo } from "../text/numberText";
import { DataFieldSpec } from "../rules/profile";
import { DataTable, DataValue } from "./tables";

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
}

/** Texts that may sit between a label and its value without being a value: units and separators. */
const FILLER = /^(万元|元|亿元|%|％|个|项|次|人|家|单位|:|：)$/;
const MAX_LABEL_LENGTH = 40;
/** How far right of a label its value may be. */
const MAX_GAP = 6;

/**
 * Finds the data-table fields (数据表) wherever their labels stand: value to the right of the label or below it, or
 * at the crossing of a row label and a column header (三公经费 × 预算数).
 */
export function readDataTable(grids: Grid[], fields: Record<string, DataFieldSpec>, excluded: Map<string, RowSpan[]>): DataTable {
  const index = indexLabels(grids, excluded);
  const values = new Map<string, DataValue>();
  const sheets = new Set<string>();
  for (const [field, spec] of Object.entries(fields)) {
    const found = spec.row && spec.column ? findCrossing(index, spec) : findBesideLabel(index, spec);
    if (!found) continue;
    const value = toFieldValue(found.value, spec);
    if (value === null) continue;
    values.set(field, { field, value: value.value, percent: value.percent, kind: spec.kind ?? "amount", sheet: found.grid.name, cell: toA1(found), label: found.label });
    sheets.add(found.grid.name);
  }
  return { values, sheets: [...sheets] };
}

function indexLabels(grids: Grid[], excluded: Map<string, RowSpan[]>): Map<string, LabelPos[]> {
  const index = new Map<string, LabelPos[]>();
  for (const grid of grids) {
    const spans = excluded.get(grid.name) ?? [];
    grid.sheet.values.forEach((cells, i) => {
      const row = grid.top + i;
      if (spans.some((s) => row >= s.top && row <= s.bottom)) return;
      cells.forEach((v, j) => {
        if (typeof v !== "string" || v.length > MAX_LABEL_LENGTH || v.trim() === "") return;
        const key = normaliseName(v);
        if (!key) return;
        const list = index.get(key) ?? [];
        list.push({ grid, row, col: grid.left + j, text: v.trim() });
        index.set(key, list);
      });
    });
  }
  return index;
}

function positionsOf(index: Map<string, LabelPos[]>, labels: string[]): LabelPos[] {
  return labels.flatMap((l) => index.get(normaliseName(l)) ?? []);
}

interface Found {
  grid: Grid;
  row: number;
  col: number;
  value: CellValue;
  label: string;
}

function isValueLike(v: CellValue): boolean {
  if (v === null) return false;
  if (parseNumber(v).kind === "number") return true;
  return parseYesNo(v) !== null && typeof v !== "number";
}

function findBesideLabel(index: Map<string, LabelPos[]>, spec: DataFieldSpec): Found | null {
  for (const pos of positionsOf(index, spec.labels ?? [])) {
    const { grid } = pos;
    const merge = grid.mergeAt(pos.row, pos.col);
    const start = merge ? merge.right + 1 : pos.col + 1;
    for (let col = start; col <= Math.min(grid.right, start + MAX_GAP); col++) {
      const v = grid.raw(pos.row, col);
      if (v === null || (typeof v === "string" && FILLER.test(v.trim()))) continue;
      if (isValueLike(v)) return { grid, row: pos.row, col, value: v, label: pos.text };
      break; // another label: the value is not on this row
    }
    const below = merge ? merge.bottom + 1 : pos.row + 1;
    const v = grid.raw(below, pos.col);
    if (isValueLike(v)) return { grid, row: below, col: pos.col, value: v, label: pos.text };
  }
  return null;
}

function findCrossing(index: Map<string, LabelPos[]>, spec: DataFieldSpec): Found | null {
  const headers = positionsOf(index, spec.column ?? []);
  for (const rowLabel of positionsOf(index, spec.row ?? [])) {
    const header = headers
      .filter((h) => h.grid === rowLabel.grid && h.row < rowLabel.row && h.col !== rowLabel.col)
      .sort((a, b) => b.row - a.row)[0];
    if (!header) continue;
    const v = rowLabel.grid.raw(rowLabel.row, header.col);
    if (isValueLike(v)) return { grid: rowLabel.grid, row: rowLabel.row, col: header.col, value: v, label: `${rowLabel.text}·${header.text}` };
  }
  return null;
}

function toFieldValue(v: CellValue, spec: DataFieldSpec): { value: number | boolean; percent: boolean } | null {
  if (spec.kind === "yesno") {
    const yes = parseYesNo(v);
    return yes === null ? null : { value: yes, percent: false };
  }
  const parsed = parseNumber(v);
  if (parsed.kind !== "number") return null;
  if (spec.kind === "percent") {
    // 0.95 and 95% both mean ninety-five percent; a plain number above 1.5 is already in percent.
    const value = parsed.percent || Math.abs(parsed.value) > 1.5 ? parsed.value : parsed.value * 100;
    return { value, percent: true };
  }
  return { value: parsed.value, percent: parsed.percent };
}
