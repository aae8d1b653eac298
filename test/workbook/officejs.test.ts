/// <reference types="office-js" />
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { scoreFile } from "../../src/cli/scoreFile";
import { scoreWorkbook, ScoringError } from "../../src/core/engine";
import { BACKUP_SHEET, Finding, PREVIOUS_BACKUP_SHEET, ScoreResult, SUMMARY_SHEET } from "../../src/core/model";
import { previousBackup } from "../../src/core/plan/backup";
import { MARK_FILL } from "../../src/core/plan/markColours";
import { NOTE_PREFIX, planWrite } from "../../src/core/plan/writePlan";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { applyPlan, snapshotOf } from "../../src/workbook/exceljs";
import { clearInContext, ClearReport, clearMarks, Engine, RunReport, scoreActiveWorkbook, scoreInContext, selectCell, WorkbookWriteError } from "../../src/workbook/officejs";
import { cellValueFromOffice, isDateFormat, rangesFromAreasAddress, splitAddress, trimGrid } from "../../src/workbook/officeShapes";
import { createFakeExcel, dumpWorkbook, FakeExcel, FakeExcelOptions } from "../fake-excel/fakeExcel";
import type { SheetDump } from "../fake-excel/dump";

const EXAMPLES = path.resolve(__dirname, "../../examples");
const PROFILE = getBuiltInProfile("default");
const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const thin: ExcelJS.Border = { style: "thin", color: { argb: "FF000000" } };
const BOXED: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * An officer's workbook: a table with merged names; the cells we mark carry no fill (with borders), a white fill, a
 * yellow fill and a theme colour with a number format; a date and an error; a hidden data sheet; a protected sheet.
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
  table.getCell("D3").border = BOXED;
  table.getCell("D4").fill = solid("FFFFFFFF");
  table.getCell("D5").fill = solid("FFFFFF00");
  table.getCell("D5").font = { bold: true, color: { argb: "FFC00000" } };
  table.getCell("D6").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 4 } };
  table.getCell("D6").numFmt = "0.00";
  table.getCell("B7").border = BOXED; // a bordered cell we do not mark
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
    total: { max: 20, declared: 16, computed: 16, checked: { indicators: 0, of: 0, points: 0 } },
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
function engineWith(findings: Finding[], beforeWriting?: () => void): Engine {
  return {
    score: () => resultWith(findings),
    planWrite: (result, snapshot) => {
      const plan = planWrite(result, snapshot);
      beforeWriting?.();
      return plan;
    },
  };
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

const isOurs = (name: string) => name === BACKUP_SHEET || name === PREVIOUS_BACKUP_SHEET || name.startsWith(SUMMARY_SHEET);

function userSheets(dump: Record<string, SheetDump>, keep: string[] = []): Record<string, SheetDump> {
  return Object.fromEntries(Object.entries(dump).filter(([name]) => keep.includes(name) || !isOurs(name)));
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

/** A format as plain data, for comparing a copy with its original. */
const formatOf = (cell: ExcelJS.Cell) => JSON.parse(JSON.stringify(cell.style ?? {})) as unknown;

describe("Office.js value shapes", () => {
  test("a serial under a date format reads as ISO date text; other numbers stay numbers; blank text is empty", () => {
    expect(["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "[$-804]aaaa", "m/d/yyyy h:mm", "[h]:mm"].map(isDateFormat)).toEqual([true, true, true, true, true]);
    expect(["General", "G/通用格式", "0.00", '#,##0.00;[Red]-#,##0.00', '"days"0', "0.00E+00", "@", '_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-'].map(isDateFormat)).toEqual(new Array(8).fill(false));
    expect(cellValueFromOffice(45747, "yyyy/m/d")).toBe("2025-03-31");
    expect(cellValueFromOffice(45747.75, "m/d/yyyy h:mm")).toBe("2025-03-31");
    expect(cellValueFromOffice(45747, "General")).toBe(45747);
    expect([cellValueFromOffice("", "General"), cellValueFromOffice("  ", "@"), cellValueFromOffice("#REF!", "General"), cellValueFromOffice(false, "General")]).toEqual([null, null, "#REF!", false]);
  });

  test("a grid is cut down to the cells that hold something", () => {
    expect(trimGrid(2, 1, [[null, null], [null, 5], [null, null]])).toEqual({ top: 3, left: 2, values: [[5]] });
    expect(trimGrid(2, 1, [[null]])).toEqual({ top: 0, left: 0, values: [] });
    expect(trimGrid(0, 0, [[1, null], [null, 2]])).toEqual({ top: 0, left: 0, values: [[1, null], [null, 2]] });
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
    const withStray = () => {
      const wb = officersBook();
      wb.getWorksheet("数据表")!.getCell("Z90").value = "   "; // blank text far away widens Excel's used range only
      return wb;
    };
    const fake = await fakeOf(withStray());
    let seen: unknown;
    await score(fake, { ...engineWith([]), score: (snapshot) => ((seen = snapshot), resultWith([])) });
    const expected = snapshotOf(withStray());
    expected.sheets.find((s) => s.name === "封存表")!.protected = true;
    // Office.js reads the cells of a merged area other than its top-left as empty; the twin repeats the value there.
    for (const s of expected.sheets) for (const m of s.merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r > m.top || c > m.left) s.values[r - s.top][c - s.left] = null;
    expect(seen).toEqual(expected);
  });

  test("where the host lacks merged areas (below ExcelApi 1.13) the sheets read without merges", async () => {
    const fake = await fakeOf(officersBook(), { apiVersion: "1.10" });
    let merges: unknown;
    await score(fake, { ...engineWith([]), score: (snapshot) => ((merges = snapshot.sheets[0].merges), resultWith([])) });
    expect(merges).toEqual([]);
  });
});

describe("a scoring run", () => {
  test("fills the marked cells, notes them, and changes no value of any sheet", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb);
    const before = dumpWorkbook(wb);
    const report = await score(fake, engineWith([...MARKED, finding("E6", "missing-reason")]));
    const after = dumpWorkbook(wb);

    expect(valuesOf(userSheets(after))).toEqual(valuesOf(before));
    expect(["D3", "D4", "D5", "D6"].map((a) => after["评分表"].cells[a].fill)).toEqual(new Array(4).fill(MARK_FILL.deduction));
    expect(after["评分表"].cells.E6.fill).toBe(MARK_FILL["missing-reason"]);
    expect(after["评分表"].cells.D3.note).toMatch(new RegExp(`^${NOTE_PREFIX}`));
    // Marking changes the fill only: the borders, font and number format stay.
    expect(after["评分表"].cells.D3.format?.border).toEqual(before["评分表"].cells.D3.format?.border);
    expect(after["评分表"].cells.D5.format?.font).toEqual(before["评分表"].cells.D5.format?.font);
    expect(after["评分表"].cells.D6.format?.numFmt).toBe("0.00");
    expect(Object.keys(after)).toEqual(["评分表", "数据表", "封存表", BACKUP_SHEET, SUMMARY_SHEET]);
    expect(after[BACKUP_SHEET].state).toBe("veryHidden");
    expect(report).toMatchObject({ marked: 5, summarySheet: SUMMARY_SHEET, notesMode: "notes", skippedProtectedSheets: [], syncs: 3 });
  });

  test("the backup keeps a copy of each marked cell's original format: none with borders, white, yellow, a theme colour", async () => {
    const wb = officersBook();
    const originals = ["D3", "D4", "D5", "D6"].map((a) => formatOf(officersBook().getWorksheet("评分表")!.getCell(a)));
    await score(await fakeOf(wb), engineWith(MARKED));
    const record = previousBackup(snapshotOf(wb))!;
    expect(record.fills.map((f) => f.cell)).toEqual(["D3", "D4", "D5", "D6"]);
    const backup = wb.getWorksheet(BACKUP_SHEET)!;
    expect(record.fills.map((f) => formatOf(backup.getCell(f.formatCell)))).toEqual(originals);
    // The table is text, so that no sheet name or address is read as a number.
    expect(backup.getCell("B3").numFmt).toBe("@");
  });

  test("清除标注 restores every cell's format exactly and removes our notes and sheets", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb);
    const before = dumpWorkbook(wb);
    await score(fake, engineWith([...MARKED, finding("A3", "manual"), finding("B7", "invalid")]));
    expect(dumpWorkbook(wb)).not.toEqual(before);
    const cleared = await clear(fake);
    expect(dumpWorkbook(wb)).toEqual(before);
    expect(cleared).toEqual({ restoredCells: 6, removedSheets: [SUMMARY_SHEET, BACKUP_SHEET], keptConfirmations: 0, syncs: 3 });
  });

  test("a second run leaves the workbook as one run does, and one clearing still restores it", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb);
    const before = dumpWorkbook(wb);
    await score(fake, engineWith(MARKED));
    const once = dumpWorkbook(wb);
    expect((await score(fake, engineWith(MARKED))).syncs).toBe(3);
    expect(dumpWorkbook(wb)).toEqual(once);
    await clear(fake);
    expect(dumpWorkbook(wb)).toEqual(before);
  });

  test("a second run with other findings restores what is no longer marked", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb);
    await score(fake, engineWith(MARKED));
    await score(fake, engineWith([finding("D5", "mismatch")]));
    const fresh = officersBook();
    await score(await fakeOf(fresh), engineWith([finding("D5", "mismatch")]));
    expect(dumpWorkbook(wb)).toEqual(dumpWorkbook(fresh));
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
    expect(dumpWorkbook(wb)[SUMMARY_SHEET]).toEqual(before[SUMMARY_SHEET]);
    const cleared = await clear(fake);
    expect(cleared.removedSheets).toEqual([`${SUMMARY_SHEET}(2)`, BACKUP_SHEET]);
    expect(dumpWorkbook(wb)).toEqual(before);
  });

  test("a summary whose backup sheet was deleted is no longer known as ours: it is kept, and a sheet titled like ours is too", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb);
    await score(fake, engineWith([]));
    wb.removeWorksheet(wb.getWorksheet(BACKUP_SHEET)!.id);
    expect(await clear(fake)).toMatchObject({ restoredCells: 0, removedSheets: [] });
    expect(wb.getWorksheet(SUMMARY_SHEET)).toBeDefined();
    await score(fake, engineWith([]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining([SUMMARY_SHEET, `${SUMMARY_SHEET}(2)`]));
  });

  test("findings on a protected sheet are not marked there, the run does not fail, and the report names the sheet", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb);
    const before = dumpWorkbook(wb);
    const report = await score(fake, engineWith([finding("D3"), finding("A1", "invalid", "封存表")]));
    expect(report.skippedProtectedSheets).toEqual(["封存表"]);
    expect(dumpWorkbook(wb)["封存表"]).toEqual(before["封存表"]);
  });

  test("a sheet protected after the run keeps its marks and their backup until it can be restored", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb);
    const before = dumpWorkbook(wb);
    const data = wb.getWorksheet("数据表")!;
    data.getCell("C2").fill = solid("FFFFFF00");
    const dataBefore = dumpWorkbook(wb)["数据表"];
    await score(fake, engineWith([finding("D3"), finding("C2", "invalid", "数据表")]));
    await data.protect("", {});
    await score(fake, engineWith([finding("D3")]));
    await clear(fake);
    expect(dumpWorkbook(wb)["数据表"].cells.C2.fill).toBe(MARK_FILL.invalid);
    expect(wb.getWorksheet(BACKUP_SHEET)).toBeDefined();
    data.unprotect();
    const last = await clear(fake);
    expect(last.restoredCells).toBe(1);
    expect(dumpWorkbook(wb)).toEqual({ ...before, 数据表: dataBefore });
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
    expect(report.syncs).toBe(3);
    const notes = Object.values(dumpWorkbook(wb)["评分表"].cells).filter((c) => c.note !== undefined);
    expect(notes.length).toBe(mode === "notes" ? 4 : 0);
    expect(fake.comments().map((c) => c.cell)).toEqual(mode === "comments" ? ["D3", "D4", "D5", "D6"] : []);
    expect(fake.comments().every((c) => c.content.startsWith(NOTE_PREFIX))).toBe(true);
    await score(fake, engineWith(MARKED));
    await clear(fake);
    expect(fake.comments()).toEqual([]);
    expect(dumpWorkbook(wb)).toEqual(before);
  });

  test.each(["1.18", "1.10"])("with ExcelApi %s an officer's own note on a marked cell is kept, and ours is not added there", async (apiVersion) => {
    const wb = officersBook();
    wb.getWorksheet("评分表")!.getCell("D4").note = "我的备注";
    const fake = await fakeOf(wb, { apiVersion });
    const before = dumpWorkbook(wb);
    const report = await score(fake, engineWith(MARKED));
    expect(dumpWorkbook(wb)["评分表"].cells.D4).toMatchObject({ value: 4, fill: MARK_FILL.deduction, note: "我的备注" });
    expect(fake.comments().map((c) => c.cell)).not.toContain("D4");
    // Below 1.18 the note cannot be seen: Excel refuses our comment there, after everything else was written.
    expect(report.notice).toBe(apiVersion === "1.18" ? undefined : `有的标注单元格已有便笺，无法再添加批注；这些单元格的问题说明请见工作表“${SUMMARY_SHEET}”`);
    expect(dumpWorkbook(wb)[SUMMARY_SHEET]).toBeDefined();
    expect(report.syncs).toBe(3);
    await score(fake, engineWith(MARKED));
    await clear(fake);
    expect(dumpWorkbook(wb)).toEqual(before);
  });

  test("an officer's own comment on a marked cell is kept", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb);
    fake.context.workbook.comments.add("评分表!D5", "请复核");
    await fake.context.sync();
    await score(fake, engineWith(MARKED));
    expect(fake.comments()).toEqual([{ sheet: "评分表", cell: "D5", content: "请复核" }]);
    expect(dumpWorkbook(wb)["评分表"].cells.D5.note).toBeUndefined();
    await clear(fake);
    expect(fake.comments()).toEqual([{ sheet: "评分表", cell: "D5", content: "请复核" }]);
  });

  test("a note of ours left without a backup is replaced, not doubled", async () => {
    const wb = officersBook();
    wb.getWorksheet("评分表")!.getCell("D3").note = `${NOTE_PREFIX}\n旧的说明`;
    await score(await fakeOf(wb), engineWith(MARKED));
    expect(dumpWorkbook(wb)["评分表"].cells.D3.note).toBe(`${NOTE_PREFIX}\n[扣分] 扣 1 分：原因`);
  });

  test("below ExcelApi 1.18 notes of ours cannot be seen: no comment is put beside them, and clearing says they may remain", async () => {
    const wb = officersBook();
    const before = dumpWorkbook(wb);
    await score(createFakeExcel(wb), engineWith(MARKED)); // notes, as the command line writes them
    const old = createFakeExcel(wb, { apiVersion: "1.10" });
    const report = await score(old, engineWith(MARKED));
    expect(report.notice).toBeUndefined();
    expect(old.comments()).toEqual([]);
    await score(old, engineWith(MARKED));
    const cleared = await clear(old);
    expect(cleared).toEqual({
      restoredCells: 4,
      removedSheets: [SUMMARY_SHEET, BACKUP_SHEET],
      keptConfirmations: 0,
      syncs: 3,
      notice: `此版本 Excel 无法读取和删除便笺：4 个单元格上可能还留有绩效自评助手写的便笺（以“${NOTE_PREFIX}”开头），如有请手动删除`,
    });
    const after = dumpWorkbook(wb);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(fillsOf(after)).toEqual(fillsOf(before));
    expect(Object.values(after["评分表"].cells).filter((c) => c.note?.startsWith(NOTE_PREFIX))).toHaveLength(4);
  });
});

describe("when the workbook cannot be written", () => {
  test("a read-only document: a Chinese message, and nothing written", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb, { readOnly: true });
    const before = dumpWorkbook(wb);
    const error = await score(fake, engineWith(MARKED)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect((error as Error).message).toBe("工作簿为只读，无法写入标注；请另存或取消只读后再评分");
    expect((error as WorkbookWriteError).result?.findings).toHaveLength(4);
    expect(dumpWorkbook(wb)).toEqual(before);
    expect(fake.syncCount()).toBe(3);
  });

  test("a read-only document that we scored before: clearing says so", async () => {
    const wb = officersBook();
    await score(await fakeOf(wb), engineWith(MARKED));
    const scored = dumpWorkbook(wb);
    const error = await clear(createFakeExcel(wb, { readOnly: true })).catch((e: unknown) => e);
    expect((error as Error).message).toBe("工作簿为只读，无法清除标注；请另存或取消只读后再清除标注");
    expect(dumpWorkbook(wb)).toEqual(scored);
  });

  test("保护工作簿: refused before writing, with a message that says what to do", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb, { structureProtected: true });
    const before = dumpWorkbook(wb);
    await expect(score(fake, engineWith(MARKED))).rejects.toThrow(/工作簿的结构受保护.*取消保护后再评分/);
    expect(dumpWorkbook(wb)).toEqual(before);
    expect(fake.syncCount()).toBe(2);
  });

  test("a write Excel refuses half-way is explained, and running again finishes or undoes it", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb);
    const before = dumpWorkbook(wb);
    const table = wb.getWorksheet("评分表")!;
    // The officer protects the table while the run scores: the marks are refused after the backup was written.
    const error = await score(fake, engineWith(MARKED, () => void table.protect("", {}))).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^评分已完成，但写入工作簿时出错（.*AccessDenied.*），标注可能只写入了一部分。再点一次“评分”会重新写入，点“清除标注”可恢复原样。$/);
    table.unprotect();
    await clear(fake);
    expect(dumpWorkbook(wb)).toEqual(before);
  });

  test("a run stopped while undoing the earlier one is resumed by the next run or by clearing", async () => {
    for (const next of ["score", "clear"] as const) {
      const wb = officersBook();
      const fake = await fakeOf(wb);
      const before = dumpWorkbook(wb);
      await score(fake, engineWith(MARKED));
      const once = dumpWorkbook(wb);
      const table = wb.getWorksheet("评分表")!;
      await expect(score(fake, engineWith(MARKED, () => void table.protect("", {})))).rejects.toThrow(WorkbookWriteError);
      expect(wb.worksheets.map((ws) => ws.name)).toContain(PREVIOUS_BACKUP_SHEET);
      table.unprotect();
      if (next === "score") {
        await score(fake, engineWith(MARKED));
        expect(dumpWorkbook(wb)).toEqual(once);
      } else {
        expect((await clear(fake)).restoredCells).toBe(4);
        expect(dumpWorkbook(wb)).toEqual(before);
      }
    }
  });

  test("an unfinished backup beside the earlier one is dropped; the earlier one restores the cells", async () => {
    const wb = officersBook();
    const fake = await fakeOf(wb);
    const before = dumpWorkbook(wb);
    await score(fake, engineWith(MARKED));
    wb.getWorksheet(BACKUP_SHEET)!.name = PREVIOUS_BACKUP_SHEET;
    const unfinished = wb.addWorksheet(BACKUP_SHEET, { state: "veryHidden" });
    unfinished.getCell("A1").value = wb.getWorksheet(PREVIOUS_BACKUP_SHEET)!.getCell("A1").value;
    await clear(fake);
    expect(dumpWorkbook(wb)).toEqual(before);
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
    // General shows 91 and 84.5 as written, not 91.00.
    expect(total!.numFmt).toBe("General");
    expect(link!.value).toEqual({ text: "D3", hyperlink: "'评分表'!D3" });
    expect(Math.round(ws.getColumn(1).width!)).toBe(30);
    expect(Math.round(ws.getColumn(6).width!)).toBe(84);
  });

  test("prints on A4 landscape, one page wide, numbered pages, every cell top-aligned", async () => {
    const ws = await summaryOf([finding("D3")]);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1 });
    expect(ws.headerFooter.oddFooter).toBe("&C第 &P 页，共 &N 页");
    const aligned: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => aligned.push(c.alignment?.vertical ?? "none")));
    expect(new Set(aligned)).toEqual(new Set(["top"]));
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
  ])("%s: three syncs to score, three to clear, whatever the number of marks", async (_name, rows) => {
    const wb = bigBook(rows);
    const fake = await fakeOf(wb);
    const before = dumpWorkbook(wb);
    const findings = rows ? [...MARKED, ...Array.from({ length: 200 }, (_, i) => finding(`B${i * 20 + 10}`, "invalid", "明细"))] : MARKED;
    const scored = await score(fake, engineWith(findings));
    expect([scored.syncs, fake.syncCount()]).toEqual([3, 3]);
    const again = await score(fake, engineWith(findings));
    expect([again.syncs, fake.syncCount()]).toEqual([3, 6]);
    const cleared = await clear(fake);
    expect([cleared.syncs, fake.syncCount()]).toEqual([3, 9]);
    expect(dumpWorkbook(wb)).toEqual(before);
  });

  test("clearing a workbook we never scored reads twice and writes nothing", async () => {
    const wb = officersBook();
    const before = dumpWorkbook(wb);
    const untouched = await fakeOf(wb);
    expect(await clear(untouched)).toEqual({ restoredCells: 0, removedSheets: [], keptConfirmations: 0, syncs: 2 });
    expect(dumpWorkbook(wb)).toEqual(before);
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
  let tmp = "";
  beforeAll(async () => {
    files = (await fs.readdir(EXAMPLES)).filter((f) => f.endsWith(".xlsx") && !f.endsWith("-评分.xlsx")).map((f) => path.join(EXAMPLES, f));
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), "ziping-officejs-"));
  });
  afterAll(() => fs.rm(tmp, { recursive: true, force: true }));
  const read = async (file: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb;
  };
  const roundTrip = async (wb: ExcelJS.Workbook) => {
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(await wb.xlsx.writeBuffer());
    return copy;
  };

  test("there are examples to run", () => expect(files.length).toBeGreaterThan(0));

  test("each scores as the command line does: same result, same marks, same backup; cleared back to the original", async () => {
    for (const file of files) {
      const wb = await read(file);
      const fake = createFakeExcel(wb);
      install(fake);
      const before = dumpWorkbook(wb);
      const report = await scoreActiveWorkbook(PROFILE);
      expect(report.syncs).toBe(3);

      // The command line's path over the same file: ExcelJS snapshot, the same plan, applyPlan.
      const cli = await read(file);
      const snapshot = snapshotOf(cli);
      const expected = scoreWorkbook(snapshot, PROFILE);
      const plan = planWrite(expected, snapshot);
      applyPlan(cli, plan);
      expect(report.result).toEqual(expected);
      expect(report.marked).toBe(plan.marks.length);

      const after = dumpWorkbook(wb);
      expect(fillsOf(after)).toEqual({ ...fillsOf(before), ...Object.fromEntries(plan.marks.map((m) => [`${m.sheet}!${m.cell}`, m.fill])) });
      expect(userSheets(after)).toEqual(userSheets(dumpWorkbook(cli)));
      expect(valuesOf(userSheets(after))).toEqual(valuesOf(before));
      expect(previousBackup(snapshotOf(wb))).toEqual(previousBackup(snapshotOf(cli)));
      const [ours, theirs] = [wb, cli].map((book) => book.getWorksheet(BACKUP_SHEET)!);
      for (const f of plan.backup!.record.fills) expect(formatOf(ours.getCell(f.formatCell))).toEqual(formatOf(theirs.getCell(f.formatCell)));

      expect((await clearMarks()).syncs).toBe(3);
      expect(dumpWorkbook(wb)).toEqual(before);
    }
  });

  test("a workbook scored by the command line is cleared in Excel back to the original", async () => {
    for (const file of files) {
      const output = path.join(tmp, path.basename(file).replace(/\.xlsx$/, "-评分.xlsx"));
      await scoreFile(file, PROFILE, output);
      const original = dumpWorkbook(await roundTrip(await read(file)));
      const scored = await read(output);
      expect(scored.getWorksheet(BACKUP_SHEET)).toBeDefined();
      const fake = createFakeExcel(scored);
      const report = await clear(fake);
      expect(report.removedSheets).toEqual([SUMMARY_SHEET, BACKUP_SHEET]);
      expect(report.syncs).toBe(3);
      expect(dumpWorkbook(scored)).toEqual(original);
    }
  });
});
