/// <reference types="office-js" />
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { scoreWorkbook, ScoringError } from "../../src/core/engine";
import { BACKUP_SHEET, Finding, ScoreResult, SUMMARY_SHEET } from "../../src/core/model";
import { previousBackup } from "../../src/core/plan/backup";
import { MARK_FILL } from "../../src/core/plan/markColours";
import { cellsToMark, NOTE_PREFIX, planWrite } from "../../src/core/plan/writePlan";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { snapshotOf } from "../../src/workbook/exceljs";
import { clearInContext, ClearReport, clearMarks, Engine, RunReport, scoreActiveWorkbook, scoreInContext, selectCell } from "../../src/workbook/officejs";
import { cellValueFromOffice, fillFromOffice, isDateFormat, rangesFromAreasAddress, splitAddress } from "../../src/workbook/officeShapes";
import { createFakeExcel, dumpWorkbook, FakeExcel, FakeExcelOptions } from "../fake-excel/fakeExcel";
import type { SheetDump } from "../fake-excel/dump";

const EXAMPLES = path.resolve(__dirname, "../../examples");
const PROFILE = getBuiltInProfile("default");
const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

/**
 * An officer's workbook: a table with merged names, cells with no fill, a white fill, a colour and a theme colour
 * (the cells we mark), a date and an error; a hidden data sheet; a protected sheet.
 */
function officersBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const table = wb.addWorksheet("评分表");
  table.getCell("A1").value = "部门整体支出绩效自评表";
  table.getRow(2).values = ["一级指标", "二级指标", "分值", "自评得分", "扣分原因"];
  table.mergeCells("A3:A6");
  table.getCell("A3").value = "投入";
  ["预算编制", "资金到位", "预算执行", "资产管理"].forEach((name, i) => {
    table.getCell(3 + i, 2).value = name;
    table.getCell(3 + i, 3).value = 5;
    table.getCell(3 + i, 4).value = 4;
  });
  table.getCell("D4").fill = solid("FFFFFFFF");
  table.getCell("D5").fill = solid("FFFFC000");
  table.getCell("D6").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 4 } };
  table.getCell("E3").value = new Date(Date.UTC(2025, 2, 31));
  table.getCell("E4").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
  table.getCell("E5").value = { formula: "C5-D5", result: 1 };
  const data = wb.addWorksheet("数据表", { state: "hidden" });
  data.getCell("B2").value = "年初预算数";
  data.getCell("C2").value = 792.04;
  const locked = wb.addWorksheet("封存表");
  locked.getCell("A1").value = "不可改";
  return wb;
}

const finding = (cell: string, kind: Finding["kind"] = "deduction", sheet = "评分表", message = "扣 1 分：原因"): Finding => ({ kind, sheet, cell, points: 1, message });

function resultWith(findings: Finding[]): ScoreResult {
  return {
    unit: "测试局",
    year: 2024,
    total: { max: 20, declared: 16, computed: 16 },
    grade: "差",
    declaredGrade: "差",
    indicators: [],
    findings,
    profile: "default",
    scoringSheets: ["评分表"],
    dataSheets: ["数据表"],
  };
}

/** The real planning over a result we choose: the adapter is what is under test, not the scoring. */
function engineWith(findings: Finding[]): Engine {
  return { score: () => resultWith(findings), cellsToMark, planWrite };
}

const MARKED = ["D3", "D4", "D5", "D6"].map((cell) => finding(cell));

async function fakeOf(wb: ExcelJS.Workbook, options?: FakeExcelOptions): Promise<FakeExcel> {
  await wb.getWorksheet("封存表")?.protect("", {});
  return createFakeExcel(wb, options);
}

/** Puts the fake's Excel and Office on globalThis for the entry points; the next install or the test's end undoes it. */
let uninstall: (() => void) | undefined;
function install(fake: FakeExcel): void {
  uninstall?.();
  uninstall = fake.install();
}
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

/** A scoring and a clearing the way the entry points run them: Excel.run around the adapter, Office on globalThis. */
function score(fake: FakeExcel, engine: Engine): Promise<RunReport> {
  install(fake);
  return fake.Excel.run((context) => scoreInContext(context as unknown as Excel.RequestContext, engine));
}
function clear(fake: FakeExcel): Promise<ClearReport> {
  install(fake);
  return fake.Excel.run((context) => clearInContext(context as unknown as Excel.RequestContext));
}

function userSheets(dump: Record<string, SheetDump>): Record<string, SheetDump> {
  return Object.fromEntries(Object.entries(dump).filter(([name]) => name !== BACKUP_SHEET && !name.startsWith(SUMMARY_SHEET)));
}

/** "sheet!A1" → fill of every filled cell of the officer's sheets. */
function fillsOf(dump: Record<string, SheetDump>): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(userSheets(dump)).flatMap(([name, s]) => Object.entries(s.cells).filter(([, c]) => c.fill !== null).map(([a, c]) => [`${name}!${a}`, c.fill])),
  );
}

function valuesOf(dump: Record<string, SheetDump>): Record<string, Record<string, unknown>> {
  return Object.fromEntries(Object.entries(dump).map(([name, s]) => [name, Object.fromEntries(Object.entries(s.cells).filter(([, c]) => c.value !== null).map(([a, c]) => [a, c.value]))]));
}

describe("Office.js value shapes", () => {
  test("a serial under a date format reads as ISO date text; other numbers stay numbers", () => {
    expect(["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "[$-804]aaaa", "m/d/yyyy h:mm", "[h]:mm"].map(isDateFormat)).toEqual([true, true, true, true, true]);
    expect(["General", "G/通用格式", "0.00", '#,##0.00;[Red]-#,##0.00', '"days"0', "0.00E+00", "@", '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-'].map(isDateFormat)).toEqual(new Array(8).fill(false));
    expect(cellValueFromOffice(45747, "yyyy/m/d")).toBe("2025-03-31");
    expect(cellValueFromOffice(45747.75, "m/d/yyyy h:mm")).toBe("2025-03-31");
    expect(cellValueFromOffice(45747, "General")).toBe(45747);
    expect([cellValueFromOffice("", "General"), cellValueFromOffice("#REF!", "General"), cellValueFromOffice(false, "General")]).toEqual([null, "#REF!", false]);
  });

  test("white with tintAndShade null is no fill; without tintAndShade white is taken as no fill; colours are kept", () => {
    expect(fillFromOffice("#FFFFFF", null)).toBeNull();
    expect(fillFromOffice("#ffffff", 0)).toBe("#FFFFFF");
    expect(fillFromOffice("#FFFFFF", undefined)).toBeNull();
    expect(fillFromOffice("#ffc7ce", null)).toBe("#FFC7CE");
  });

  test("addresses: quoted sheet names, doubled apostrophes, commas inside quotes", () => {
    expect(splitAddress("'It''s 表'!B2:C3")).toEqual({ sheet: "It's 表", local: "B2:C3" });
    expect(splitAddress("评分表!A1")).toEqual({ sheet: "评分表", local: "A1" });
    expect(rangesFromAreasAddress("'表, 1'!A1:B2, '表, 1'!$D$4")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 3, left: 3, bottom: 3, right: 3 },
    ]);
  });
});

describe("reading", () => {
  test("the snapshot equals the one the ExcelJS twin reads from the same workbook", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb);
    let seen: unknown;
    await score(fake, { ...engineWith([]), score: (snapshot) => ((seen = snapshot), resultWith([])) });
    const expected = snapshotOf(officersBook());
    expected.sheets.find((s) => s.name === "封存表")!.protected = true;
    // Office.js reads the cells of a merged area other than its top-left as empty; the twin repeats the value there.
    for (const s of expected.sheets) for (const m of s.merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r > m.top || c > m.left) s.values[r - s.top][c - s.left] = null;
    expect(seen).toEqual({ sheets: expected.sheets });
  });

  test("where the host lacks merged areas (below ExcelApi 1.13) the sheets read without merges", async () => {
    const fake = await fakeOf(officersBook(), { apiVersion: "1.10" });
    let merges: unknown;
    await score(fake, { ...engineWith([]), score: (snapshot) => ((merges = snapshot.sheets[0].merges), resultWith([])) });
    expect(merges).toEqual([]);
  });
});

describe("a scoring run", () => {
  test("fills the marked cells, notes them, and changes no value of the officer's sheets", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb);
    const before = dumpWorkbook(wb);
    const report = await score(fake, engineWith([...MARKED, finding("E6", "missing-reason")]));
    const after = dumpWorkbook(wb);

    expect(valuesOf(userSheets(after))).toEqual(valuesOf(before));
    expect(["D3", "D4", "D5", "D6"].map((a) => after["评分表"].cells[a].fill)).toEqual(new Array(4).fill(MARK_FILL.deduction));
    expect(after["评分表"].cells.E6.fill).toBe(MARK_FILL["missing-reason"]);
    expect(after["评分表"].cells.D3.note).toMatch(new RegExp(`^${NOTE_PREFIX}`));
    expect(Object.keys(after)).toEqual(["评分表", "数据表", "封存表", SUMMARY_SHEET, BACKUP_SHEET]);
    expect(after[BACKUP_SHEET].state).toBe("veryHidden");
    expect(report).toMatchObject({ marked: 5, summarySheet: SUMMARY_SHEET, notesMode: "notes", skippedProtectedSheets: [] });
  });

  test("the backup holds each marked cell's original fill: none, white, a colour, a theme colour", async () => {
    const wb = officersBook();
    await score(await fakeOf(wb), engineWith(MARKED));
    expect(previousBackup(snapshotOf(wb))!.fills).toEqual([
      { sheet: "评分表", cell: "D3", fill: null },
      { sheet: "评分表", cell: "D4", fill: "#FFFFFF" },
      { sheet: "评分表", cell: "D5", fill: "#FFC000" },
      { sheet: "评分表", cell: "D6", fill: "#4472C4" },
    ]);
  });

  test("清除标注 restores every fill exactly and removes our notes and sheets", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb);
    const before = dumpWorkbook(wb);
    await score(fake, engineWith([...MARKED, finding("A3", "manual")]));
    const cleared = await clear(fake);
    expect(dumpWorkbook(wb)).toEqual(before);
    expect(cleared).toMatchObject({ restoredCells: 5, removedSheets: [SUMMARY_SHEET, BACKUP_SHEET] });
  });

  test("a second run leaves the workbook as one run does, and one clearing still restores it", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb);
    const before = dumpWorkbook(wb);
    await score(fake, engineWith(MARKED));
    const once = dumpWorkbook(wb);
    await score(fake, engineWith(MARKED));
    expect(dumpWorkbook(wb)).toEqual(once);
    await clear(fake);
    expect(dumpWorkbook(wb)).toEqual(before);
  });

  test("an officer's sheet named 评分汇总 survives scoring and clearing; ours takes another name", async () => {
    const wb = officersBook();
    wb.addWorksheet(SUMMARY_SHEET).getCell("A1").value = "我自己的汇总";
    const fake = await fakeOf(wb);
    const before = dumpWorkbook(wb);
    const report = await score(fake, engineWith(MARKED));
    expect(report.summarySheet).toBe(`${SUMMARY_SHEET}(2)`);
    expect(dumpWorkbook(wb)[SUMMARY_SHEET]).toEqual(before[SUMMARY_SHEET]);
    await score(fake, engineWith(MARKED));
    await clear(fake);
    expect(dumpWorkbook(wb)).toEqual(before);
  });

  test("findings on a protected sheet are not marked there, and the run does not fail", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb);
    const report = await score(fake, engineWith([finding("D3"), finding("A1", "invalid", "封存表")]));
    expect(report.skippedProtectedSheets).toEqual(["封存表"]);
    expect(dumpWorkbook(wb)["封存表"].cells.A1).toEqual({ value: "不可改", fill: null });
  });

  test("a sheet protected after the run keeps its marks and their backup until it can be restored", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb);
    const before = dumpWorkbook(wb);
    const data = wb.getWorksheet("数据表")!;
    await score(fake, engineWith([finding("D3"), finding("C2", "invalid", "数据表")]));
    await data.protect("", {});
    await score(fake, engineWith([finding("D3")]));
    await clear(fake);
    expect(dumpWorkbook(wb)["数据表"].cells.C2.fill).toBe(MARK_FILL.invalid);
    expect(wb.getWorksheet(BACKUP_SHEET)).toBeDefined();
    data.unprotect();
    const last = await clear(fake);
    expect(last.restoredCells).toBe(1);
    expect(dumpWorkbook(wb)).toEqual(before);
  });
});

describe("notes and comments", () => {
  test.each([
    ["1.18", "notes"],
    ["1.10", "comments"],
    ["1.9", "none"],
  ] as const)("with ExcelApi %s the marks are explained by %s, and clearing removes them", async (apiVersion, mode) => {
    const wb = officersBook();
    const fake = await fakeOf(wb, { apiVersion });
    const before = dumpWorkbook(wb);
    const report = await score(fake, engineWith(MARKED));
    expect(report.notesMode).toBe(mode);
    const notes = Object.values(dumpWorkbook(wb)["评分表"].cells).filter((c) => c.note !== undefined);
    expect(notes.length).toBe(mode === "notes" ? 4 : 0);
    expect(fake.comments().map((c) => c.cell)).toEqual(mode === "comments" ? ["D3", "D4", "D5", "D6"] : []);
    expect(fake.comments().every((c) => c.content.startsWith(NOTE_PREFIX))).toBe(true);
    await clear(fake);
    expect(fake.comments()).toEqual([]);
    expect(dumpWorkbook(wb)).toEqual(before);
  });

  test("an officer's own note on a marked cell is kept, and ours is not added there", async () => {
    const wb = officersBook();
    wb.getWorksheet("评分表")!.getCell("D4").note = "我的备注";
    const fake = await fakeOf(wb);
    const before = dumpWorkbook(wb);
    await score(fake, engineWith(MARKED));
    expect(dumpWorkbook(wb)["评分表"].cells.D4).toEqual({ value: 4, fill: MARK_FILL.deduction, note: "我的备注" });
    await score(fake, engineWith(MARKED));
    await clear(fake);
    expect(dumpWorkbook(wb)).toEqual(before);
  });

  test("a note of ours left without a backup is replaced, not doubled", async () => {
    const wb = officersBook();
    wb.getWorksheet("评分表")!.getCell("D3").note = `${NOTE_PREFIX}\n旧的说明`;
    await score(await fakeOf(wb), engineWith(MARKED));
    expect(dumpWorkbook(wb)["评分表"].cells.D3.note).toBe(`${NOTE_PREFIX}\n[扣分] 扣 1 分：原因`);
  });
});

describe("the summary sheet", () => {
  async function summaryOf(findings: Finding[]): Promise<ExcelJS.Worksheet> {
    const wb = officersBook();
    await score(await fakeOf(wb), engineWith(findings));
    return wb.getWorksheet(SUMMARY_SHEET)!;
  }

  test("text that looks like a formula or a number stays text", async () => {
    const ws = await summaryOf([finding("D3", "deduction", "评分表", "=1+1"), finding("D4", "deduction", "评分表", "-5"), finding("D5", "deduction", "评分表", "+A1")]);
    const texts: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
    expect(texts).toEqual(expect.arrayContaining(["=1+1", "-5", "+A1"]));
    expect(texts.some((v) => typeof v === "object" && v !== null && "formula" in v)).toBe(false);
  });

  test("numbers keep their format, cell addresses link to the marked cells, columns get their widths", async () => {
    const ws = await summaryOf([finding("D3")]);
    let total: ExcelJS.Cell | undefined;
    let link: ExcelJS.Cell | undefined;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.value === 20 && !total) total = c;
        if (typeof c.value === "object" && c.value !== null && "hyperlink" in c.value) link = c;
      }),
    );
    expect(total!.numFmt).toBe("0.00");
    expect(link!.value).toEqual({ text: "D3", hyperlink: "'评分表'!D3" });
    expect(Math.round(ws.getColumn(1).width!)).toBe(44);
  });
});

describe("round trips", () => {
  function bigBook(rows: number): ExcelJS.Workbook {
    const wb = officersBook();
    const detail = wb.addWorksheet("明细");
    for (let r = 1; r <= rows; r++) detail.addRow([r, `项目${r}`, r * 1.5, "万元", r % 2 === 0, null, `备注${r}`, r * 2]);
    return wb;
  }

  test.each([
    ["a small workbook", 0],
    ["a workbook with a 5,000-row sheet", 5000],
  ])("%s: four syncs to score, three to clear, whatever the number of marks", async (_name, rows) => {
    const wb = bigBook(rows);
    const fake = await fakeOf(wb);
    const findings = rows ? [...MARKED, ...Array.from({ length: 200 }, (_, i) => finding(`B${i + 10}`, "invalid", "明细"))] : MARKED;
    const scored = await score(fake, engineWith(findings));
    expect([scored.syncs, fake.syncCount()]).toEqual([4, 4]);
    const cleared = await clear(fake);
    expect([cleared.syncs, fake.syncCount()]).toEqual([3, 7]);
  });

  test("a run with nothing to mark skips the fill read; clearing a workbook we never scored reads once", async () => {
    const fake = await fakeOf(officersBook());
    expect((await score(fake, engineWith([]))).syncs).toBe(3);
    const untouched = await fakeOf(officersBook());
    expect(await clear(untouched)).toEqual({ restoredCells: 0, removedSheets: [], syncs: 1 });
  });
});

describe("entry points over the Office globals", () => {
  test("a workbook without a scoring table fails with the engine's Chinese message, writing nothing", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "无关内容";
    const fake = createFakeExcel(wb);
    install(fake);
    const before = dumpWorkbook(wb);
    const error = await scoreActiveWorkbook(PROFILE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScoringError);
    expect((error as Error).message).toMatch(/没有找到评分表/);
    expect(dumpWorkbook(wb)).toEqual(before);
  });

  test("selectCell activates the sheet and selects the cell", async () => {
    const fake = createFakeExcel(officersBook());
    install(fake);
    await selectCell("评分表", "D5");
    expect(fake.selection()).toEqual({ sheet: "评分表", address: "D5" });
  });
});

describe("the example workbooks, end to end", () => {
  let files: string[] = [];
  beforeAll(async () => {
    files = (await fs.readdir(EXAMPLES)).filter((f) => f.endsWith(".xlsx") && !f.endsWith("-评分.xlsx")).map((f) => path.join(EXAMPLES, f));
  });
  const read = async (file: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb;
  };

  test("there are examples to run", () => expect(files.length).toBeGreaterThan(0));

  test("each scores as the command line does: same result, marks on the cells the plan names, cleared back to the original", async () => {
    for (const file of files) {
      const wb = await read(file);
      const fake = createFakeExcel(wb);
      install(fake);
      const before = dumpWorkbook(wb);
      const snapshot = snapshotOf(await read(file));
      const expected = scoreWorkbook(snapshot, PROFILE);
      const report = await scoreActiveWorkbook(PROFILE);
      expect(report.result).toEqual(expected);
      expect(report.syncs).toBeLessThanOrEqual(4);

      const after = dumpWorkbook(wb);
      const marks = planWrite(expected, snapshot, () => null).marks;
      expect(marks.map((m) => `${m.sheet}!${m.cell}`).sort()).toEqual(cellsToMark(expected).map((c) => `${c.sheet}!${c.cell}`).sort());
      expect(fillsOf(after)).toEqual({ ...fillsOf(before), ...Object.fromEntries(marks.map((m) => [`${m.sheet}!${m.cell}`, m.fill])) });
      expect(valuesOf(userSheets(after))).toEqual(valuesOf(before));

      await clearMarks();
      expect(dumpWorkbook(wb)).toEqual(before);
    }
  });

  test("a workbook scored by the command line is cleared in Excel back to the original", async () => {
    for (const file of files) {
      const original = dumpWorkbook(await read(file));
      const scored = await read(file.replace(/\.xlsx$/, "-评分.xlsx"));
      const fake = createFakeExcel(scored);
      const report = await clear(fake);
      expect(report.removedSheets).toEqual([SUMMARY_SHEET, BACKUP_SHEET]);
      expect(dumpWorkbook(scored)).toEqual(original);
    }
  });
});
