import { Grid } from "../grid/grid";
import { toHalfWidth } from "../text/halfWidth";
import { UnitInfo } from "./tables";

const UNIT_LABEL = /^(单位名称|部门名称|评价单位|填报单位|预算单位|单位)[:：]?\s*(.*)$/;
const YEAR_LABEL = /^(评价年度|年度|评价年份|自评年度)[:：]?\s*(.*)$/;
const MEASURE = /^(万元|元|亿元|千元|%|个|人)$/;
const YEAR = /(20\d{2})\s*年?/;

/** 单位名称 and 评价年度 from label cells ("单位名称：XX局" or a label with the value to its right), else from the title. */
export function readUnitInfo(grids: Grid[]): UnitInfo {
  let unit: string | null = null;
  let year: number | null = null;
  let titleYear: number | null = null;
  let titleUnit: string | null = null;
  for (const grid of grids) {
    for (let row = grid.top; row <= Math.min(grid.bottom, grid.top + 30); row++) {
      for (let col = grid.left; col <= Math.min(grid.right, grid.left + 30); col++) {
        const v = grid.raw(row, col);
        if (typeof v !== "string") continue;
        const text = toHalfWidth(v).trim();
        const next = () => {
          for (let c = col + 1; c <= Math.min(grid.right, col + 4); c++) {
            const n = grid.raw(row, c);
            if (n !== null && String(n).trim() !== "") return toHalfWidth(String(n)).trim();
          }
          return "";
        };
        const u = UNIT_LABEL.exec(text);
        if (u && unit === null) {
          const value = (u[2] || next()).replace(/[（(]公章[）)]/, "").trim();
          // "单位：万元" states the unit of amounts, not the department.
          if (value && !MEASURE.test(value)) unit = value;
        }
        const y = YEAR_LABEL.exec(text);
        if (y && year === null) {
          const m = YEAR.exec(y[2] || next());
          if (m) year = Number(m[1]);
        }
        // A title such as "XX局2024年度部门整体支出绩效自评表".
        const t = /^(.{2,40}?)(20\d{2})\s*年度?.*(绩效|自评)/.exec(text.replace(/\s+/g, ""));
        if (t && titleYear === null) {
          titleYear = Number(t[2]);
          titleUnit = t[1];
        }
      }
    }
  }
  return { unit: unit ?? titleUnit, year: year ?? titleYear };
}
