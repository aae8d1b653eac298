import { fmt, round, sameScore } from "../decimal";
import { Finding, IndicatorResult } from "../model";
import { ScoringTable, SourceCell, SumRow } from "../parse/tables";
import { invalidText, parsePoints } from "../text/numberText";

const pts = (x: number) => `${fmt(x)} 分`;
const sum = (xs: number[]) => round(xs.reduce((s, x) => s + x, 0), 2);
const startsWith = (path: string[], prefix: string[]) => prefix.every((p, i) => path[i] === p);

/** Checks of the sums a table states: 小计 and level rows, the 合计 row, weights written into level names. */
export function checkTableSums(table: ScoringTable, indicators: IndicatorResult[]): Finding[] {
  const findings: Finding[] = [];
  const cells = new Set(table.indicators.map((r) => r.declared.cell));
  const own = indicators.filter((i) => i.sheet === table.sheet && cells.has(i.scoreCell));
  for (const row of table.subtotals) {
    const children = own.filter((i) => startsWith(i.path, row.path));
    if (children.length > 0) findings.push(...checkSumRow(row, children, `“${row.path.join("/")}”小计`));
  }
  if (table.total) findings.push(...checkSumRow(table.total, own, "合计"));
  for (const lw of table.levelWeights) {
    const children = own.filter((i) => startsWith(i.path, lw.path));
    const total = sum(children.map((i) => i.max));
    if (children.length > 0 && !sameScore(total, lw.weight)) {
      findings.push({
        kind: "invalid",
        sheet: lw.sheet,
        cell: lw.cell,
        points: round(total - lw.weight, 2),
        message: `“${lw.path.join("/")}”名称中写明 ${pts(lw.weight)}，其下指标分值合计 ${pts(total)}，不一致`,
        indicatorPath: lw.path,
      });
    }
  }
  return findings;
}

function checkSumRow(row: SumRow, children: IndicatorResult[], label: string): Finding[] {
  const path = row.path.length > 0 ? { indicatorPath: row.path } : {};
  const declared = statedSum(row.declared, sum(children.map((i) => i.declared ?? 0)), `${label}得分`, "各指标自评得分", "mismatch");
  const weight = statedSum(row.weight, sum(children.map((i) => i.max)), `${label}分值`, "各指标分值", "invalid");
  return [declared, weight].filter((f): f is Finding => f !== null).map((f) => ({ ...f, ...path }));
}

/**
 * A sum the sheet states against the sum of its parts. A wrong 得分 is a mismatch (the officer's arithmetic); a wrong
 * 分值 is invalid (the table itself does not hold together); text where a number belongs is invalid either way.
 */
function statedSum(cell: SourceCell | null, parts: number, what: string, partsName: string, kind: "mismatch" | "invalid"): Finding | null {
  if (!cell) return null;
  const stated = parsePoints(cell.value);
  const at = { sheet: cell.sheet, cell: cell.cell };
  if (stated.kind === "invalid") return { ...at, kind: "invalid", points: null, message: `${what}${invalidText(stated)}；${partsName}相加为 ${pts(parts)}` };
  if (stated.kind !== "number" || sameScore(stated.value, parts)) return null;
  const diff = round(stated.value - parts, 2);
  return { ...at, kind, points: diff, message: `${what}写作 ${pts(stated.value)}，${partsName}相加为 ${pts(parts)}，相差 ${pts(Math.abs(diff))}` };
}

/** The whole indicator set should weigh 100 points. */
export function checkWeightTotal(indicators: IndicatorResult[], tables: ScoringTable[]): Finding | null {
  const total = sum(indicators.map((i) => i.max));
  if (indicators.length === 0 || sameScore(total, 100)) return null;
  const withTotal = tables.find((t) => t.total?.weight);
  const at = withTotal?.total?.weight ?? tables[0].indicators[0].weightCell ?? tables[0].indicators[0].declared;
  return {
    kind: "invalid",
    sheet: at.sheet,
    cell: at.cell,
    points: round(total - 100, 2),
    message: `各指标分值合计 ${pts(total)}，不是 100 分（${total > 100 ? "多" : "少"} ${pts(Math.abs(round(total - 100, 2)))}）`,
  };
}
