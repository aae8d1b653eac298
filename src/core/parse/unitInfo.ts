import { Grid } from "../grid/grid";
import { toHalfWidth } from "../text/halfWidth";
import { ScoringTable, UnitInfo } from "./tables";

/** Unit labels, best first: 填报单位（公章）：, 部门（单位）名称, 单位名称 … ; a bare 单位： last (it often states 万元). */
const UNIT_LABELS: [RegExp, number][] = [
  [/^(填报单位|单位名称|部门名称|部门\(单位\)名称|部门单位名称|单位\(部门\)名称|预算单位|评价单位|被评价单位|预算部门|部门)$/, 3],
  [/^(实施单位|项目单位)$/, 2],
  [/^(主管部门)$/, 1],
  [/^单位$/, 0],
];
const YEAR_LABEL = /^(评价年度|年度|评价年份|自评年度|所属年度|预算年度)$/;
const LABEL_VALUE = /^([^:：]{1,14}?)[:：](.*)$/;
const MEASURE = /^(万元|元|亿元|千元|%|个|人)$/;
const YEAR = /(20\d{2})\s*年?/;
/** Rows at the top of a sheet without a scoring table that may hold its title. */
const TITLE_ROWS = 6;
/** A unit name is a name, not a sentence. */
const MAX_UNIT_LENGTH = 40;

interface Candidate {
  unit: string;
  rank: number;
}

/**
 * 单位名称 and 评价年度 as the workbook states them: from label cells ("填报单位（公章）：示例县档案馆", or the label with
 * the value beside it) and from title rows ("示例县档案馆2023年度部门整体支出绩效自评表", "（2023年度）"). Never from the
 * body of a scoring table; null when the workbook does not say.
 */
export function readUnitInfo(grids: Grid[], tables: ScoringTable[]): UnitInfo {
  let unit: Candidate | null = null;
  let year: number | null = null;
  let titleYear: number | null = null;
  let titleUnit: string | null = null;
  for (const grid of grids) {
    const own = tables.filter((t) => t.sheet === grid.name);
    const firstHeader = own.length > 0 ? Math.min(...own.map((t) => t.headerRow)) : grid.top + TITLE_ROWS;
    const inTable = (row: number) => own.some((t) => row >= t.headerRow && row <= t.lastRow);
    for (let row = grid.top; row <= grid.bottom; row++) {
      if (inTable(row)) continue;
      for (let col = grid.left; col <= grid.right; col++) {
        const v = grid.raw(row, col);
        if (typeof v !== "string") continue;
        const text = toHalfWidth(v).trim();
        for (const part of text.split(/\s{2,}/)) {
          const found = labelled(grid, row, col, part, text === part);
          if (found?.unit && (!unit || found.unit.rank > unit.rank)) unit = found.unit;
          if (found?.year && year === null) year = found.year;
        }
        if (row < firstHeader && titleYear === null) {
          const title = fromTitle(text);
          if (title) {
            titleYear = title.year;
            titleUnit = titleUnit ?? title.unit;
          }
        }
      }
    }
  }
  return { unit: unit?.unit ?? titleUnit, year: year ?? titleYear };
}

/** A label cell ("单位名称：X", or "单位名称" with X beside it): the unit or year it states. */
function labelled(grid: Grid, row: number, col: number, text: string, wholeCell: boolean): { unit?: Candidate; year?: number } | null {
  const inline = LABEL_VALUE.exec(text);
  const label = (inline ? inline[1] : text).replace(/\s+/g, "").replace(/\((公章|盖章|签章)\)/, "");
  let value = inline ? inline[2].trim() : "";
  const rank = UNIT_LABELS.find(([re]) => re.test(label))?.[1];
  const isYear = YEAR_LABEL.test(label);
  if (rank === undefined && !isYear) return null;
  if (!value && wholeCell) value = nextValue(grid, row, col);
  if (!value) return null;
  if (isYear) {
    const m = YEAR.exec(value);
    return m ? { year: Number(m[1]) } : null;
  }
  const name = value.replace(/\((公章|盖章|签章)\)/, "").replace(/^\d+-/, "").trim();
  if (!name || MEASURE.test(name) || name.length > MAX_UNIT_LENGTH || /[，。；;]/.test(name)) return null;
  return { unit: { unit: name, rank: rank! } };
}

/** The first text to the right of a label, across merged cells. */
function nextValue(grid: Grid, row: number, col: number): string {
  const merge = grid.mergeAt(row, col);
  const start = merge ? merge.right + 1 : col + 1;
  for (let c = start; c <= Math.min(grid.right, start + 6); c++) {
    const n = grid.raw(row, c);
    if (n !== null && String(n).trim() !== "") return toHalfWidth(String(n)).trim();
  }
  return "";
}

/**
 * A title such as "示例县档案馆2023年度部门整体支出绩效自评表", "附件1：XX局部门整体绩效自评表（2023年度）", or a year
 * standing alone on its line ("（2023年度）") under a generic title.
 */
function fromTitle(text: string): { year: number | null; unit: string | null } | null {
  const t = text.replace(/\s+/g, "").replace(/^附件\d*[:：]?/, "");
  const alone = /^\((20\d{2})年度?\)$/.exec(t);
  if (alone) return { year: Number(alone[1]), unit: null };
  if (!/绩效/.test(t) || !/自评|评价/.test(t) || t.length > 60) return null;
  const y = /(20\d{2})年度?/.exec(t);
  const before = y ? t.slice(0, y.index) : t;
  const name = before.replace(/(部门整体支出|部门整体|项目支出|部门预算|整体支出|绩效).*$/, "").replace(/^\d+-/, "").replace(/[(（]$/, "");
  const unit = name.length >= 2 && !/^(部门|单位|本单位|本部门)$/.test(name) ? name : null;
  return { year: y ? Number(y[1]) : null, unit };
}
