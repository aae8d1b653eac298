import { round } from "./decimal";
import { Grid } from "./grid/grid";
import { fromA1 } from "./grid/address";
import { Confirmation, Finding, ScoreResult, WorkbookSnapshot } from "./model";
import { ownSheetNames, storedConfirmations } from "./plan/backup";
import { reviewFindings } from "./review/confirmations";
import { readDataTable, RowSpan } from "./parse/dataTable";
import { findScoringTables } from "./parse/scoringTable";
import { findExecutionRows } from "./parse/budgetBlock";
import { readUnitInfo } from "./parse/unitInfo";
import { MetricEvaluator } from "./rules/metrics";
import { SubjectResolver } from "./rules/subject";
import { Profile } from "./rules/profile";
import { checkSplits, outOfBoundData } from "./score/dataChecks";
import { gradeOf } from "./score/grade";
import { IndicatorMatcher } from "./score/matchIndicator";
import { scoreIndicator, ScoredIndicator } from "./score/scoreIndicator";
import { checkTableSums, checkWeightTotal } from "./score/tableChecks";
import { DataTable, ScoringTable, UnitInfo } from "./parse/tables";
import { narrate } from "./narrative/narrate";
import { ScoringError } from "./errors";

/** Hosts catch this to tell a workbook that cannot be scored from a fault. */
export { ScoringError };

/** Everything the engine read and concluded: the result hosts show, plus the parsed tables the narrative needs. */
export interface Evaluation {
  result: ScoreResult;
  tables: ScoringTable[];
  data: DataTable;
  unitInfo: UnitInfo;
  scored: ScoredIndicator[];
}

const FINDING_ORDER = ["invalid", "mismatch", "deduction", "missing-reason", "manual"];

/**
 * A 财政部-format form scores its budget row too (执行率 × 分值): it joins the indicator table below it on the same
 * sheet, whose 总分 includes it; a budget block standing alone is a table of its own.
 */
function withExecutionRows(grid: Grid, tables: ScoringTable[]): ScoringTable[] {
  for (const row of findExecutionRows(grid)) {
    const below = tables.find((t) => t.headerRow > row.row);
    if (below) below.indicators.unshift(row);
    else tables.push({ sheet: grid.name, headerRow: row.row, lastRow: row.row, columns: {}, indicators: [row], subtotals: [], levelWeights: [], total: null });
  }
  return tables;
}

/** Reads the tables of a snapshot and scores them: parse → score → findings. Pure. */
export function evaluateWorkbook(snapshot: WorkbookSnapshot, profile: Profile): Evaluation {
  const own = ownSheetNames(snapshot);
  const grids = snapshot.sheets.filter((s) => !own.has(s.name) && s.values.length > 0).map((s) => new Grid(s));
  const tables = grids.flatMap((g) => withExecutionRows(g, findScoringTables(g)));
  if (tables.length === 0) {
    const what = grids.length === 0 ? "工作簿中没有含数据的工作表" : `在 ${grids.length} 个工作表中都没有找到评分表`;
    throw new ScoringError(`${what}：评分表需要有“一级指标/二级指标/三级指标”或“指标名称”、“分值”（或“权重”）和“自评得分”（或“得分”）这几列表头`);
  }

  const excluded = new Map<string, RowSpan[]>();
  for (const t of tables) {
    excluded.set(t.sheet, [...(excluded.get(t.sheet) ?? []), { top: t.headerRow, bottom: t.lastRow }]);
  }
  const unitInfo = readUnitInfo(grids, tables);
  const data = readDataTable(grids, profile.dataFields, excluded, unitInfo.year);
  const metrics = new MetricEvaluator(profile, data);
  const matcher = new IndicatorMatcher(profile);
  const subjects = new SubjectResolver(profile);

  const scored = tables.flatMap((t) => t.indicators.map((row) => scoreIndicator(row, matcher.match(row.path), profile, metrics, subjects)));
  const indicators = scored.map((s) => s.result);
  const findings: Finding[] = scored.flatMap((s) => s.findings);
  for (const t of tables) findings.push(...checkTableSums(t, indicators));
  const weightTotal = checkWeightTotal(indicators, tables);
  if (weightTotal) findings.push(weightTotal);
  findings.push(...checkSplits(profile.checks, data, profile.amountUnit), ...outOfBoundData(data));

  const max = round(indicators.reduce((s, i) => s + i.max, 0), 2);
  const declared = round(indicators.reduce((s, i) => s + (i.declared ?? 0), 0), 2);
  // Where a score cannot be computed the declared one stands, kept within [0, weight].
  const computed = round(indicators.reduce((s, i) => s + (i.computed ?? Math.min(i.max, Math.max(0, i.declared ?? 0))), 0), 2);
  // How much of the computed total the workbook's data actually confirms: the rest is the officer's own figure.
  const checkedRows = indicators.filter((i) => i.computed !== null);
  const checked = { indicators: checkedRows.length, of: indicators.length, points: round(checkedRows.reduce((s, i) => s + i.max, 0), 2) };

  const sheetOrder = new Map(snapshot.sheets.map((s, i) => [s.name, i]));
  // Sheet order, then row, then kind; the keys are computed once, not in every comparison.
  const keyed = findings.map((f) => ({ f, k: [sheetOrder.get(f.sheet) ?? 0, fromA1(f.cell).row, FINDING_ORDER.indexOf(f.kind)] }));
  keyed.sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2]);
  const sortedFindings = keyed.map((x) => x.f);

  const result: ScoreResult = {
    unit: unitInfo.unit,
    year: unitInfo.year,
    total: { max, declared, computed, checked },
    grade: gradeOf(computed),
    declaredGrade: gradeOf(declared),
    indicators,
    findings: sortedFindings,
    profile: profile.id,
    scoringSheets: [...new Set(tables.map((t) => t.sheet))],
    dataSheets: data.sheets,
  };
  return { result, tables, data, unitInfo, scored };
}

/**
 * The result hosts show, with the draft report text and the officer's 已核对 marks applied (those the workbook keeps,
 * unless a host passes them changed); throws ScoringError when the workbook holds no scoring table.
 */
export function scoreWorkbook(snapshot: WorkbookSnapshot, profile: Profile, confirmations: Confirmation[] = storedConfirmations(snapshot)): ScoreResult {
  const evaluation = evaluateWorkbook(snapshot, profile);
  const draft = narrate(evaluation);
  const review = reviewFindings(evaluation.result.findings, confirmations, snapshot);
  return {
    ...evaluation.result,
    findings: review.findings,
    confirmations: review.standing,
    lapsedConfirmations: review.lapsed,
    narrative: draft.text,
    narrativeBlocks: draft.blocks,
    narrativeSources: draft.sources,
  };
}
