/**
 * Does a written corpus workbook say what its expectation says? Reads the .xlsx back with ExcelJS alone (no engine
 * code) and lists every disagreement: unit, year, each indicator's 分值 and declared score, the stated totals, and the
 * planted mistakes (the mismatch cells must be exactly the score cells whose declared score differs from the computed).
 */
import ExcelJS from "exceljs";
import { CorpusEntry, ExpectedIndicator, LocatedTable } from "../../scripts/corpus/types";

const WEIGHT_IN_NAME = /[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$/;

/** A leaf name as the expectation writes it: no whitespace, no "指标1：" prefix, no "（10分）". */
function nameKey(text: string): string {
  return text.replace(/\s+/g, "").replace(/^指标\d+[:：]/, "").replace(WEIGHT_IN_NAME, "");
}

/** A cell as a number: "5分" → 5, "—" or "/" → null; NaN for anything else. */
function numberOf(v: ExcelJS.CellValue): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v !== "string") return NaN;
  const t = v.replace(/\s+/g, "");
  if (["", "/", "—", "-"].includes(t)) return null;
  return Number(t.replace(/分$/, ""));
}

const round2 = (x: number) => Math.round(x * 100 + 1e-9) / 100;

function texts(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void (cell.value !== null && out.push(String(cell.value))))));
  return out;
}

interface Located {
  table: LocatedTable;
  row: number;
  cell: ExcelJS.Cell;
}

/** The one row of the located tables whose name cell is the indicator's name. */
function locate(wb: ExcelJS.Workbook, tables: LocatedTable[], name: string): Located[] {
  const hits: Located[] = [];
  for (const table of tables) {
    const ws = wb.getWorksheet(table.sheet);
    if (!ws) continue;
    for (let row = 1; row <= ws.rowCount; row++) {
      const cell = ws.getCell(`${table.name}${row}`);
      if (cell.isMerged && cell.master !== cell) continue;
      if (typeof cell.value === "string" && nameKey(cell.value) === name.replace(/\s+/g, "")) hits.push({ table, row, cell });
    }
  }
  return hits;
}

function checkIndicator(wb: ExcelJS.Workbook, entry: CorpusEntry, ind: ExpectedIndicator): { problems: string[]; scoreCell: string | null } {
  const hits = locate(wb, entry.tables, ind.name);
  if (hits.length !== 1) return { problems: [`“${ind.name}”在表中出现 ${hits.length} 次，应为 1 次`], scoreCell: null };
  const { table, row, cell } = hits[0];
  const problems: string[] = [];
  const ws = wb.getWorksheet(table.sheet)!;
  const max = table.max === "name" ? Number(WEIGHT_IN_NAME.exec(String(cell.value).replace(/\s+$/, ""))?.[1]) : numberOf(ws.getCell(`${table.max}${row}`).value);
  if (max !== ind.max) problems.push(`“${ind.name}”分值：表中 ${max}，预期 ${ind.max}`);
  const declared = numberOf(ws.getCell(`${table.score}${row}`).value);
  if (declared !== ind.declared) problems.push(`“${ind.name}”自评得分：表中 ${declared}，预期 ${ind.declared}`);
  if (ind.computed !== null && (ind.computed < 0 || ind.computed > ind.max)) problems.push(`“${ind.name}”核算得分 ${ind.computed} 不在 0 到 ${ind.max} 之间`);
  return { problems, scoreCell: `${table.sheet}!${table.score}${row}` };
}

function cellAt(wb: ExcelJS.Workbook, address: string): ExcelJS.CellValue {
  const [sheet, cell] = address.split("!");
  return wb.getWorksheet(sheet)?.getCell(cell).value ?? null;
}

export async function selfCheck(entry: CorpusEntry, file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const exp = entry.expectation;
  const problems: string[] = [];
  const all = texts(wb);
  if (exp.unit !== null && !all.some((t) => t.includes(exp.unit!))) problems.push(`没有单元格写有单位“${exp.unit}”`);
  if (exp.unit === null && all.some((t) => t.includes("示例"))) problems.push("预期无单位名称，但有单元格写有“示例…”");
  if (exp.year !== null && !all.some((t) => t.includes(String(exp.year)))) problems.push(`没有单元格写有年度 ${exp.year}`);

  const planted: string[] = [];
  for (const ind of exp.indicators) {
    const checked = checkIndicator(wb, entry, ind);
    problems.push(...checked.problems);
    if (checked.scoreCell && ind.computed !== null && ind.declared !== null && round2(ind.computed) !== round2(ind.declared)) planted.push(checked.scoreCell);
  }
  if (JSON.stringify([...planted].sort()) !== JSON.stringify([...exp.mismatches].sort())) {
    problems.push(`mismatches 应为自评与核算不符的得分单元格 ${JSON.stringify(planted)}，实为 ${JSON.stringify(exp.mismatches)}`);
  }

  const sumMax = round2(exp.indicators.reduce((s, i) => s + i.max, 0));
  if (sumMax !== 100) problems.push(`各指标分值合计 ${sumMax}，不是 100`);
  const sumDeclared = round2(exp.indicators.reduce((s, i) => s + (i.declared ?? 0), 0));
  if (entry.totals?.declared && numberOf(cellAt(wb, entry.totals.declared)) !== sumDeclared) problems.push(`${entry.totals.declared} 的合计得分不等于各指标自评得分之和 ${sumDeclared}`);
  if (entry.totals?.max && numberOf(cellAt(wb, entry.totals.max)) !== sumMax) problems.push(`${entry.totals.max} 的合计分值不等于各指标分值之和 ${sumMax}`);
  return problems;
}
