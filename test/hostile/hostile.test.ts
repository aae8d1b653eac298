/**
 * Every hostile workbook of the corpus through `ziping score --json -o out.xlsx`, in-process: the exit code and
 * message it promises, the findings it names, and the general promises of "Never lose the officer's work": every
 * value of the officer's sheets unchanged, their states, merges, protection and notes kept, nothing we write is a
 * formula or longer than a cell holds, and scoring our own output gives the same result and the same sheets.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { ziping } from "../helpers/cli";
import { CELL_TEXT_LIMIT } from "../../src/core/plan/summarySheet";
import { scoreWorkbook, ScoringError } from "../../src/core/engine";
import { fromA1 } from "../../src/core/grid/address";
import { BACKUP_SHEET, SUMMARY_TITLE } from "../../src/core/model";
import { ownSheetNames } from "../../src/core/plan/backup";
import { NOTE_PREFIX, planWrite } from "../../src/core/plan/writePlan";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { gradeOf } from "../../src/core/score/grade";
import { plainValue, snapshotOf } from "../../src/workbook/exceljs";
import { allValues } from "../helpers/cells";
import { packageCells } from "../helpers/xlsxPackage";
import { openXlsx } from "../../src/workbook/xlsxFile";
import { CORPUS, FindingExpectation, HostileCase, Scored } from "./corpus";

const profile = getBuiltInProfile("default");
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ziping-hostile-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------------
// What a workbook holds, for before/after comparisons

type Json = Record<string, any>;

/**
 * Every cell of every row ExcelJS holds, rows with only formats included. Through its sparse row list: eachRow with
 * includeEmpty would create every missing row, a million of them for a sheet with an entry in row 1048576.
 */
function eachCell(ws: ExcelJS.Worksheet, visit: (cell: ExcelJS.Cell, key: string) => void): void {
  const rows = (ws as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows;
  rows.forEach((row) => row?.eachCell({ includeEmpty: true }, (cell, c) => visit(cell, `${ws.name}!${row.number}:${c}`)));
}

/** Every value as ExcelJS models it (formulas as formulas, rich text with its runs). */
function rawValues(wb: ExcelJS.Workbook, sheets: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of sheets) {
    eachCell(wb.getWorksheet(name)!, (cell, key) => {
      if (cell.value !== null && cell.value !== undefined) out[key] = JSON.stringify(cell.value);
    });
  }
  return out;
}

function noteText(cell: ExcelJS.Cell): string | null {
  const note = cell.note as string | { texts?: { text: string }[] } | undefined;
  if (!note) return null;
  return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
}

function notes(wb: ExcelJS.Workbook, sheets: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of sheets) {
    eachCell(wb.getWorksheet(name)!, (cell, key) => {
      const text = noteText(cell);
      if (text !== null) out[key] = text;
    });
  }
  return out;
}

function styles(wb: ExcelJS.Workbook, sheet: string): Record<string, string> {
  const out: Record<string, string> = {};
  eachCell(wb.getWorksheet(sheet)!, (cell, key) => (out[key] = JSON.stringify(cell.style ?? {})));
  return out;
}

const merges = (ws: ExcelJS.Worksheet) => [...((ws.model as { merges?: string[] }).merges ?? [])].sort();
const protection = (ws: ExcelJS.Worksheet) => (ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null;

/** The text a cell shows: strings, hyperlink texts, rich text; numbers as numbers. */
function shown(cell: ExcelJS.Cell): string | number | boolean | null {
  return plainValue(cell.value);
}

function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  eachCell(ws, (cell) => {
    const v = shown(cell);
    if (typeof v === "string") out.push(v);
  });
  return out;
}

function matches(f: Json, e: FindingExpectation): boolean {
  return (
    (e.kind === undefined || f.kind === e.kind) &&
    (e.sheet === undefined || f.sheet === e.sheet) &&
    (e.cell === undefined || f.cell === e.cell) &&
    (e.points === undefined || f.points === e.points) &&
    (e.message === undefined || e.message.test(f.message))
  );
}

// ---------------------------------------------------------------------------------------------------------------

/** A workbook as the command line reads it (every sheet part, merges from the file, ISO dates as text). */
async function readBook(file: string): Promise<ExcelJS.Workbook> {
  return (await openXlsx(await fs.readFile(file))).workbook;
}

interface Run {
  input: string;
  output: string;
  inputBook: ExcelJS.Workbook;
  first: { code: number; stdout: string; stderr: string };
}

async function prepare(c: HostileCase): Promise<Run> {
  const input = path.join(dir, `${c.name}.xlsx`);
  const output = path.join(dir, `${c.name}-out.xlsx`);
  const bytes = Buffer.from(await (await c.build()).xlsx.writeBuffer());
  await fs.writeFile(input, c.repack ? await c.repack(bytes) : bytes);
  // A workbook refused before parsing (too big), or one ExcelJS cannot read, is refused by this read too: the core
  // test below takes that error.
  const inputBook = await readBook(input).catch((e: unknown) => (e instanceof Error ? (e as unknown as ExcelJS.Workbook) : Promise.reject(e)));
  const first = await ziping("score", input, "--json", "-o", output);
  return { input, output, inputBook, first };
}

const HAN = /[\u4e00-\u9fff]/;

describe.each(CORPUS.map((c) => [c.name, c] as const))("%s", (_name, c) => {
  let run: Run;
  beforeAll(async () => {
    run = await prepare(c);
  }, 120000);

  test("the core (scoring, then planning the writes) throws nothing but ScoringError; a file ExcelJS cannot read is unscorable", () => {
    if (run.inputBook instanceof Error && !(run.inputBook instanceof ScoringError)) {
      expect(c.expect.exit).toBe(1);
      return;
    }
    let thrown: unknown = null;
    try {
      if (run.inputBook instanceof ScoringError) throw run.inputBook;
      const snapshot = snapshotOf(run.inputBook);
      planWrite(scoreWorkbook(snapshot, profile), snapshot);
    } catch (e) {
      thrown = e;
    }
    if (thrown !== null) expect(thrown).toBeInstanceOf(ScoringError);
    expect(thrown !== null).toBe(c.expect.exit === 1);
  });

  if (c.expect.exit === 1) {
    const message = c.expect.message;
    test("exit 1 with a Chinese message, no stack trace, nothing written", async () => {
      const { code, stdout, stderr } = run.first;
      expect({ code, stderr }).toEqual({ code: 1, stderr: expect.stringMatching(message) });
      expect(stderr).toMatch(HAN);
      expect(stderr).not.toMatch(/意外错误|\bat .+:\d+:\d+|Error:/);
      expect(stdout).toBe("");
      await expect(fs.access(run.output)).rejects.toThrow();
    });
    return;
  }

  const expected = c.expect as Scored;
  let json: Json;
  let out: ExcelJS.Workbook;
  let officerSheets: string[];
  let ours: ExcelJS.Worksheet[];

  beforeAll(async () => {
    if (run.first.code !== 0) return;
    json = JSON.parse(run.first.stdout);
    out = await readBook(run.output);
    const own = ownSheetNames(snapshotOf(run.inputBook));
    officerSheets = run.inputBook.worksheets.map((w) => w.name).filter((n) => !own.has(n));
    ours = out.worksheets.filter((w) => ownSheetNames(snapshotOf(out)).has(w.name));
  }, 120000);

  test("exit 0, one JSON document, nothing on stderr", () => {
    expect(run.first.stderr).toBe("");
    expect(run.first.code).toBe(0);
    expect(json.output).toBe(run.output);
  });

  test("the findings and totals the case names", () => {
    for (const e of expected.findings ?? []) {
      if (!json.findings.some((f: Json) => matches(f, e))) throw new Error(`没有找到 ${JSON.stringify({ ...e, message: e.message?.source })}；实际：\n${json.findings.map((f: Json) => `${f.kind} ${f.sheet}!${f.cell} ${f.points} ${f.message.slice(0, 120)}`).join("\n")}`);
    }
    for (const e of expected.absent ?? []) expect(json.findings.filter((f: Json) => matches(f, e))).toEqual([]);
    if (expected.total) expect(json.total).toMatchObject(expected.total);
    if (expected.indicatorCount !== undefined) expect(json.indicators).toHaveLength(expected.indicatorCount);
    if (expected.indicatorSheets) expect([...new Set(json.indicators.map((i: Json) => i.sheet))]).toEqual(expected.indicatorSheets);
    if (expected.declared) expect(json.indicators.map((i: Json) => i.declared)).toEqual(expected.declared);
    for (const name of expected.names ?? []) expect(json.indicators.map((i: Json) => i.path.at(-1))).toContain(name);
  });

  test("no Infinity or NaN: totals are numbers, 评分汇总 holds finite numbers and says neither, grades are the totals'", () => {
    for (const t of ["max", "declared", "computed"]) expect({ t, type: typeof json.total[t] }).toEqual({ t, type: "number" });
    expect(json.grade).toBe(gradeOf(json.total.computed));
    expect(json.declaredGrade).toBe(gradeOf(json.total.declared));
    const words = ["Infinity", "NaN"].filter((w) => !JSON.stringify(allValues(run.inputBook)).includes(w));
    for (const ws of ours) {
      eachCell(ws, (cell, key) => {
        const v = shown(cell);
        if ((typeof v === "number" && !Number.isFinite(v)) || (typeof v === "string" && words.some((w) => v.includes(w)))) throw new Error(`${key}：${String(v)}`);
      });
    }
  });

  test("every finding and indicator points at a cell of an officer's sheet", () => {
    for (const f of json.findings) {
      expect(officerSheets).toContain(f.sheet);
      expect(() => fromA1(f.cell)).not.toThrow();
      expect(f.message).toMatch(HAN);
    }
    for (const i of json.indicators) {
      expect(officerSheets).toContain(i.sheet);
      expect(() => fromA1(i.scoreCell)).not.toThrow();
    }
  });

  test("every value, state, merge, protection and note of the officer's sheets is kept", () => {
    expect(allValues(out, officerSheets)).toEqual(allValues(run.inputBook, officerSheets));
    expect(rawValues(out, officerSheets)).toEqual(rawValues(run.inputBook, officerSheets));
    expect(out.worksheets.map((w) => w.name).filter((n) => officerSheets.includes(n))).toEqual(officerSheets);
    for (const name of officerSheets) {
      const before = run.inputBook.getWorksheet(name)!;
      const after = out.getWorksheet(name)!;
      expect({ name, state: after.state, merges: merges(after), protection: protection(after) }).toEqual({ name, state: before.state, merges: merges(before), protection: protection(before) });
    }
    const notesBefore = notes(run.inputBook, officerSheets);
    const notesAfter = notes(out, officerSheets);
    for (const [key, text] of Object.entries(notesBefore)) {
      // A note of ours from an earlier run may be replaced by this run's; the officer's never.
      if (!text.startsWith(NOTE_PREFIX)) expect({ key, note: notesAfter[key] }).toEqual({ key, note: text });
    }
    for (const [key, text] of Object.entries(notesAfter)) {
      if (notesBefore[key] !== text) expect(text.startsWith(NOTE_PREFIX)).toBe(true);
      expect(text.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    }
    for (const name of expected.unmarked ?? []) {
      expect(styles(out, name)).toEqual(styles(run.inputBook, name));
      expect(notes(out, [name])).toEqual(notes(run.inputBook, [name]));
    }
    for (const [ref, value] of Object.entries(expected.cells ?? {})) {
      const [sheet, cell] = ref.split("!");
      expect({ ref, value: out.getWorksheet(sheet)?.getCell(cell).value }).toEqual({ ref, value });
    }
  });

  test("read from the package XML: every officer's sheet is in the copy, every cell with its stored value and formula", async () => {
    const before = await packageCells(await fs.readFile(run.input));
    const after = await packageCells(await fs.readFile(run.output));
    for (const name of Object.keys(before).filter((n) => officerSheets.includes(n))) expect({ name, cells: after[name] }).toEqual({ name, cells: before[name] });
    expect(Object.keys(before).filter((n) => !officerSheets.includes(n) && !ownSheetNames(snapshotOf(run.inputBook)).has(n))).toEqual([]);
  });

  test("our sheets: one summary, one very hidden backup, no formula, no text longer than a cell holds", () => {
    const backups = ours.filter((w) => w.name === BACKUP_SHEET);
    expect(backups.map((w) => w.state)).toEqual(["veryHidden"]);
    const summaries = ours.filter((w) => w.name !== BACKUP_SHEET && String(shown(w.getCell("A1")) ?? "").startsWith(SUMMARY_TITLE));
    expect(summaries).toHaveLength(1);
    expect(ours).toHaveLength(2);
    for (const ws of ours) {
      eachCell(ws, (cell, key) => {
        if (cell.type === ExcelJS.ValueType.Formula || (typeof cell.value === "object" && cell.value !== null && ("formula" in cell.value || "sharedFormula" in cell.value))) {
          throw new Error(`${key} 是公式：${JSON.stringify(cell.value)}`);
        }
        const v = shown(cell);
        if (typeof v === "string" && v.length > CELL_TEXT_LIMIT) throw new Error(`${key} 有 ${v.length} 个字符，超过单元格上限 ${CELL_TEXT_LIMIT}`);
      });
    }
    const summary = summaries[0];
    if (expected.summary?.sheet) expect(summary.name).toBe(expected.summary.sheet);
    const shownTexts = texts(summary);
    for (const want of expected.summary?.contains ?? []) {
      const found = typeof want === "string" ? shownTexts.includes(want) : shownTexts.some((t) => want.test(t));
      if (!found) throw new Error(`评分汇总中没有 ${String(want)}`);
    }
    // Text that looks like a formula is written as text: a string cell (or a link's text), never evaluated.
    for (const name of expected.names ?? []) {
      if (!/^[=+\-@]/.test(name)) continue;
      const cells: ExcelJS.Cell[] = [];
      eachCell(summary, (cell) => String(shown(cell) ?? "").endsWith(` / ${name}`) && cells.push(cell));
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Hyperlink]).toContain(cell.type);
    }
    for (const [a1, value] of Object.entries(expected.summary?.cells ?? {})) expect({ a1, value: summary.getCell(a1).value ?? null }).toEqual({ a1, value });
    for (const link of expected.summary?.links ?? []) {
      const links: Json[] = [];
      eachCell(summary, (cell) => typeof cell.value === "object" && cell.value !== null && "hyperlink" in cell.value && links.push(cell.value));
      expect(links).toContainEqual(expect.objectContaining(link));
    }
    if (expected.sheetsAfter) expect(out.worksheets.map((w) => w.name)).toEqual(expected.sheetsAfter);
    for (const [name, state] of Object.entries(expected.states ?? {})) expect({ name, state: out.getWorksheet(name)?.state }).toEqual({ name, state });
  });

  test(
    "scoring our own output gives the same JSON and the same sheets",
    async () => {
      const again = path.join(dir, `${c.name}-again.xlsx`);
      const second = await ziping("score", run.output, "--json", ...(c.slow ? ["--no-write"] : ["-o", again]));
      expect(second.stderr).toBe("");
      expect(second.code).toBe(0);
      expect({ ...JSON.parse(second.stdout), output: null }).toEqual({ ...json, output: null });
      if (!c.slow) {
        const twice = await readBook(again);
        expect(twice.worksheets.map((w) => [w.name, w.state])).toEqual(out.worksheets.map((w) => [w.name, w.state]));
        expect(allValues(twice, officerSheets)).toEqual(allValues(out, officerSheets));
      }
    },
    120000,
  );
});
