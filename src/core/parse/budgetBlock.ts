import { Grid } from "../grid/grid";
import { toA1 } from "../grid/address";
import { cellText, parseNumber, parsePoints } from "../text/numberText";
import { displayName } from "../text/names";
import { headerField, headerKey } from "./header";
import { IndicatorRow, SourceCell } from "./tables";

const BUDGET = /^(全年预算数?|调整后预算数?|调整预算数|预算数|全年预算批复数)$/;
const SPENT = /^(全年执行数|预算执行数|执行数|全年实际支出数?|实际支出数?|全年支出数)$/;
const RATE = /执行率/;

interface BudgetColumns {
  budget: number;
  spent: number;
  weight: number;
  score: number;
  rate?: number;
  reason?: number;
}

function columnsAt(grid: Grid, row: number): BudgetColumns | null {
  // Most rows hold no budget header at all: a cheap look for 执行 first.
  const cells = grid.sheet.values[row - grid.top] ?? [];
  if (!cells.some((v) => typeof v === "string" && v.includes("执行"))) return null;
  const found: Partial<BudgetColumns> = {};
  for (let col = grid.left; col <= grid.right; col++) {
    const key = headerKey(grid.value(row, col));
    if (!key) continue;
    if (BUDGET.test(key)) found.budget ??= col;
    else if (SPENT.test(key)) found.spent ??= col;
    else if (RATE.test(key)) found.rate ??= col;
    else {
      const field = headerField(grid.value(row, col));
      if (field === "weight") found.weight ??= col;
      else if (field === "score") found.score ??= col;
      else if (field === "reason") found.reason ??= col;
    }
  }
  const { budget, spent, weight, score } = found;
  return budget !== undefined && spent !== undefined && weight !== undefined && score !== undefined ? (found as BudgetColumns) : null;
}

/** The row's own label: the last text left of its figures, past a block label merged down from above (项目资金（万元）). */
function rowLabel(grid: Grid, row: number, firstFigure: number): string | null {
  let label: string | null = null;
  for (let col = grid.left; col < firstFigure; col++) {
    const text = cellText(grid.raw(row, col));
    if (text !== null && !grid.continuesMergeFromAbove(row, col) && parseNumber(text).kind !== "number") label = text;
  }
  return label;
}

/**
 * The budget block of a 财政部-format form (LAYOUTS F5: 年度资金总额 × 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分):
 * the row whose 分值 is a number is itself a scored indicator, 执行率 × 分值. Its sub-rows (其中：财政拨款 …) show "—".
 */
export function findExecutionRows(grid: Grid): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  for (let row = grid.top; row <= grid.bottom; row++) {
    const columns = columnsAt(grid, row);
    if (!columns) continue;
    for (let r = row + 1; r <= Math.min(grid.bottom, row + 8); r++) {
      const weight = parsePoints(grid.value(r, columns.weight));
      if (weight.kind !== "number") continue;
      const cell = (col: number): SourceCell => {
        const owner = grid.owner(r, col);
        return { sheet: grid.name, cell: toA1(owner), value: grid.raw(owner.row, owner.col) };
      };
      // The row is named as the sheet names it (年度资金总额, 总额).
      const label = rowLabel(grid, r, Math.min(columns.budget, columns.spent)) ?? "预算执行率";
      rows.push({
        sheet: grid.name,
        row: r,
        path: [displayName(label)],
        weight: weight.value,
        weightCell: cell(columns.weight),
        declared: cell(columns.score),
        reason: columns.reason !== undefined ? cell(columns.reason) : null,
        criterion: null,
        criterionCell: null,
        explanation: "预算执行率 = 全年执行数 ÷ 全年预算数，得分 = 执行率 × 分值",
        targets: [],
        execution: { budget: cell(columns.budget), spent: cell(columns.spent), rate: columns.rate !== undefined ? cell(columns.rate) : null },
      });
      break;
    }
  }
  return rows;
}
