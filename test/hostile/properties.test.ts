/**
 * Properties of the engine and of the write/clear round trip over random scoring tables (randomTables.ts). The
 * number of runs is given per property; fast-check prints the seed and the shrunk table of any failure.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/ziping";
import { scoreWorkbook, ScoringError } from "../../src/core/engine";
import { round } from "../../src/core/decimal";
import { fromA1 } from "../../src/core/grid/address";
import { BACKUP_SHEET, CellValue, ScoreResult, WorkbookSnapshot, WritePlan } from "../../src/core/model";
import { planClear, planWrite } from "../../src/core/plan/writePlan";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { gradeOf } from "../../src/core/score/grade";
import { parsePoints } from "../../src/core/text/numberText";
import { applyPlan, snapshotOf } from "../../src/workbook/exceljs";
import { allValues } from "../helpers/cells";
import { decorationArb, layOut, randomTable, RandomTable, toSnapshot, toWorkbook } from "./randomTables";

const profile = getBuiltInProfile("default");

/** Runs per property: the engine is fast, ExcelJS less so, saving and loading files least. */
export const RUNS = { engine: 500, inMemory: 300, savedFiles: 50, commandLine: 30 };

/** The result, or null for a table the engine rightly refuses (ScoringError); anything else thrown fails. */
function score(snapshot: WorkbookSnapshot): ScoreResult | null {
  try {
    return scoreWorkbook(snapshot, profile);
  } catch (e) {
    if (e instanceof ScoringError) return null;
    throw e;
  }
}

const tableArb = fc.tuple(randomTable, fc.boolean()).map(([table, locked]) => ({ table, snapshot: toSnapshot(table, locked) }));

function engineProperty(name: string, check: (result: ScoreResult, snapshot: WorkbookSnapshot, table: RandomTable) => void): void {
  test(`${name} (${RUNS.engine} runs)`, () => {
    fc.assert(
      fc.property(tableArb, ({ table, snapshot }) => {
        const result = score(snapshot);
        if (result) check(result, snapshot, table);
      }),
      { numRuns: RUNS.engine },
    );
  });
}

/** The value of a cell of a snapshot by sheet and A1 address. */
function valueAt(snapshot: WorkbookSnapshot, sheetName: string, a1: string): CellValue {
  const s = snapshot.sheets.find((x) => x.name === sheetName)!;
  const { row, col } = fromA1(a1);
  return s.values[row - s.top]?.[col - s.left] ?? null;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const MAX_ROW = 1048576;
const MAX_COL = 16384;

describe("the engine over random scoring tables", () => {
  test(`never throws anything but ScoringError, and that only for a workbook without a scoring table (${RUNS.engine} runs)`, () => {
    fc.assert(
      fc.property(tableArb, ({ snapshot }) => {
        try {
          scoreWorkbook(snapshot, profile);
        } catch (e) {
          expect(e).toBeInstanceOf(ScoringError);
          expect((e as Error).message).toMatch(/都没有找到评分表|没有含数据的工作表/);
        }
      }),
      { numRuns: RUNS.engine },
    );
  });

  test(`leaves the snapshot as it was: scoring and planning are pure (${RUNS.engine} runs)`, () => {
    fc.assert(
      fc.property(tableArb, ({ snapshot }) => {
        const before = structuredClone(snapshot);
        const result = score(snapshot);
        if (result) planWrite(result, snapshot);
        expect(snapshot).toEqual(before);
      }),
      { numRuns: RUNS.engine },
    );
  });

  engineProperty("the declared total is the sum of the declared scores", (result) => {
    expect(result.total.declared).toBe(round(result.indicators.reduce((s, i) => s + (i.declared ?? 0), 0), 2));
  });

  engineProperty("the computed total is the sum of computed scores, or of declared ones kept within [0, weight]", (result) => {
    const sum = result.indicators.reduce((s, i) => s + (i.computed ?? clamp(i.declared ?? 0, 0, i.max)), 0);
    expect(result.total.computed).toBe(round(sum, 2));
  });

  engineProperty("every computed score lies within [0, weight]", (result) => {
    for (const i of result.indicators) {
      if (i.computed === null) continue;
      if (!(i.computed >= 0 && i.computed <= i.max)) throw new Error(`“${i.path.join("/")}” 分值 ${i.max}，核算 ${i.computed}：${i.calculation}`);
    }
  });

  engineProperty("every declared score outside [0, weight], and every score cell that is not a number, has an invalid finding at its cell", (result, snapshot) => {
    for (const i of result.indicators) {
      const raw = valueAt(snapshot, i.sheet, i.scoreCell);
      const parsed = parsePoints(raw);
      const outside = i.declared !== null && (i.declared < 0 || i.declared > i.max);
      if (!outside && parsed.kind === "number") continue;
      const at = result.findings.filter((f) => f.kind === "invalid" && f.sheet === i.sheet && f.cell === i.scoreCell);
      if (at.length === 0) throw new Error(`“${i.path.join("/")}” ${i.sheet}!${i.scoreCell} = ${JSON.stringify(raw)}（分值 ${i.max}）没有“数据错误”`);
    }
  });

  engineProperty("no number in the result is Infinity or NaN, no text says so, and grades come from finite totals", (result, snapshot) => {
    // Unless the officer wrote the word: a random name may be "NaN".
    const written = (word: string) => snapshot.sheets.some((s) => s.values.some((row) => row.some((v) => typeof v === "string" && v.includes(word))));
    const words = ["Infinity", "NaN"].filter((w) => !written(w));
    const bad: string[] = [];
    JSON.stringify(result, (key, v) => {
      if ((typeof v === "number" && !Number.isFinite(v)) || (typeof v === "string" && words.some((w) => v.includes(w)))) bad.push(`${key}: ${String(v)}`);
      return v;
    });
    expect(bad).toEqual([]);
    expect(result.grade).toBe(gradeOf(result.total.computed));
    expect(result.declaredGrade).toBe(gradeOf(result.total.declared));
  });

  engineProperty("every finding is at a valid A1 address on an existing sheet, and so are its related cells", (result, snapshot) => {
    const sheets = new Set(snapshot.sheets.map((s) => s.name));
    const valid = (a1: string) => {
      const { row, col } = fromA1(a1);
      return row >= 0 && row < MAX_ROW && col >= 0 && col < MAX_COL;
    };
    for (const f of result.findings) {
      if (!sheets.has(f.sheet) || !valid(f.cell)) throw new Error(`发现的位置无效：${f.sheet}!${f.cell}`);
      for (const r of f.related ?? []) {
        const bang = r.lastIndexOf("!");
        const sheetName = bang < 0 ? f.sheet : r.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
        if (!sheets.has(sheetName) || !valid(bang < 0 ? r : r.slice(bang + 1))) throw new Error(`相关单元格无效：${r}（${f.sheet}!${f.cell}）`);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Write and clear through ExcelJS

function eachCell(wb: ExcelJS.Workbook, sheets: string[], visit: (cell: ExcelJS.Cell, key: string) => void): void {
  for (const name of sheets) {
    wb.getWorksheet(name)!.eachRow({ includeEmpty: true }, (row, r) => row.eachCell({ includeEmpty: true }, (cell, c) => visit(cell, `${name}!${r}:${c}`)));
  }
}

/** Every format that is not the default, and every note: what 清除标注 must give back exactly. */
function formats(wb: ExcelJS.Workbook, sheets: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  eachCell(wb, sheets, (cell, key) => {
    const style = JSON.stringify(cell.style ?? {});
    if (style !== "{}") out[`${key} style`] = style;
    if (cell.note) out[`${key} note`] = JSON.stringify(cell.note);
  });
  return out;
}

function rawValues(wb: ExcelJS.Workbook, sheets: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  eachCell(wb, sheets, (cell, key) => {
    if (cell.value !== null && cell.value !== undefined) out[key] = JSON.stringify(cell.value);
  });
  return out;
}

/** The undo of the earlier run, as the backup records it: what a re-run's plan would undo, and nothing else. */
function undoOnly(wb: ExcelJS.Workbook): WritePlan {
  const snapshot = snapshotOf(wb);
  const rerun = planWrite(scoreWorkbook(snapshot, profile), snapshot);
  const clear = planClear(snapshot)!;
  expect(clear.clearPrevious).toEqual(rerun.clearPrevious);
  return { clearPrevious: rerun.clearPrevious, marks: [], summary: null, backup: clear.backup, skippedProtectedSheets: [] };
}

async function saved(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(await wb.xlsx.writeBuffer());
  return copy;
}

const scenario = randomTable.chain((table) => {
  const { values } = layOut(table);
  return fc.record({
    table: fc.constant(table),
    decorations: decorationArb(values.length - 1, Math.max(...values.map((r) => r.length)) - 1),
    locked: fc.boolean(),
    runs: fc.integer({ min: 1, max: 2 }),
  });
});

/**
 * Scores `runs` times, checking after each that every value is unchanged, then clears by undoing what the backup
 * records, and checks that every value, format and note is exactly as before and that only the officer's sheets remain.
 */
async function roundTrip(s: { table: RandomTable; decorations: Parameters<typeof toWorkbook>[1]; locked: boolean; runs: number }, persist: (wb: ExcelJS.Workbook) => Promise<ExcelJS.Workbook>): Promise<void> {
  let wb = await persist(await toWorkbook(s.table, s.decorations, s.locked));
  const sheets = wb.worksheets.map((w) => w.name);
  const before = { values: allValues(wb), raw: rawValues(wb, sheets), formats: formats(wb, sheets) };
  for (let run = 0; run < s.runs; run++) {
    const snapshot = snapshotOf(wb);
    const result = score(snapshot);
    if (!result) return;
    applyPlan(wb, planWrite(result, snapshot));
    wb = await persist(wb);
    expect(allValues(wb, sheets)).toEqual(before.values);
    expect(rawValues(wb, sheets)).toEqual(before.raw);
    expect(wb.getWorksheet(BACKUP_SHEET)?.state).toBe("veryHidden");
  }
  applyPlan(wb, undoOnly(wb));
  wb = await persist(wb);
  expect(wb.worksheets.map((w) => w.name)).toEqual(sheets);
  expect(allValues(wb)).toEqual(before.values);
  expect(rawValues(wb, sheets)).toEqual(before.raw);
  expect(formats(wb, sheets)).toEqual(before.formats);
}

describe("marking and clearing through ExcelJS over random tables with the officer's formats", () => {
  test(`in memory: values never change, and clearing restores every format and note exactly (${RUNS.inMemory} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, (s) => roundTrip(s, async (wb) => wb)),
      { numRuns: RUNS.inMemory },
    );
  });

  test(`through saved files between every step (${RUNS.savedFiles} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, (s) => roundTrip(s, saved)),
      { numRuns: RUNS.savedFiles },
    );
  });
});

describe("the command line over random tables", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ziping-props-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test(`exits 0 with one JSON document, or 1 with a message, never an unexpected error; the output keeps every value (${RUNS.commandLine} runs)`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const input = path.join(dir, `in-${n}.xlsx`);
        const output = path.join(dir, `out-${n++}.xlsx`);
        const wb = await saved(await toWorkbook(s.table, s.decorations, s.locked));
        await wb.xlsx.writeFile(input);
        let stdout = "";
        let stderr = "";
        const out = jest.spyOn(process.stdout, "write").mockImplementation((x) => ((stdout += String(x)), true));
        const err = jest.spyOn(process.stderr, "write").mockImplementation((x) => ((stderr += String(x)), true));
        let code: number;
        try {
          code = await main(["score", input, "--json", "-o", output]);
        } finally {
          out.mockRestore();
          err.mockRestore();
        }
        if (code === 1) {
          expect(stderr).toMatch(/没有找到评分表|没有含数据的工作表/);
          return;
        }
        expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
        expect(JSON.parse(stdout).output).toBe(output);
        const after = new ExcelJS.Workbook();
        await after.xlsx.readFile(output);
        const sheets = wb.worksheets.map((w) => w.name);
        expect(allValues(after, sheets)).toEqual(allValues(wb));
      }),
      { numRuns: RUNS.commandLine },
    );
  });
});
