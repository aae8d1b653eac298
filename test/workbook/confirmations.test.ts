/// <reference types="office-js" />
/**
 * 已核对 end to end: marked in the add-in (FakeExcel over the example), kept through save → reopen → re-score, through
 * 清除标注, and by the CLI on the saved file; lapsing when the cell's value changes.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { ziping } from "../helpers/cli";
import { readBook } from "../helpers/cells";
import { CONTRADICTING_FILE } from "../helpers/snapshots";
import { BACKUP_SHEET, Finding, SUMMARY_SHEET } from "../../src/core/model";
import { previousBackup } from "../../src/core/plan/backup";
import { NOTE_PREFIX } from "../../src/core/plan/writePlan";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { snapshotOf } from "../../src/workbook/exceljs";
import { clearInContext, ClearReport, ConfirmationChange, engineFor, fingerprintInContext, RunReport, scoreInContext } from "../../src/workbook/officejs";
import { createFakeExcel, dumpWorkbook, FakeExcel } from "../fake-excel/fakeExcel";

const PROFILE = getBuiltInProfile("default");
/** An officer's deduction the data cannot check (“需人工确认”), the only finding on its cell. */
const I14 = { sheet: "评分表", cell: "I14", kind: "deduction" } as const;
/** A deduction on a cell that also holds a mismatch. */
const I12 = { sheet: "评分表", cell: "I12", kind: "deduction" } as const;
const AT = new Date("2026-12-01T09:30:00Z");

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function run(fake: FakeExcel, review?: ConfirmationChange): Promise<RunReport> {
  uninstall?.();
  uninstall = fake.install();
  return fake.Excel.run((context) => scoreInContext(context as unknown as Excel.RequestContext, engineFor(PROFILE, review, () => AT)));
}

function clear(fake: FakeExcel): Promise<ClearReport> {
  uninstall?.();
  uninstall = fake.install();
  return fake.Excel.run((context) => clearInContext(context as unknown as Excel.RequestContext));
}

/** Save and reopen, as Excel would: the workbook through an .xlsx file. */
async function reopened(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return again;
}

const findingAt = (findings: Finding[], key: { sheet: string; cell: string; kind: string }) => findings.find((f) => f.sheet === key.sheet && f.cell === key.cell && f.kind === key.kind);
const cellOf = (wb: ExcelJS.Workbook, key: { sheet: string; cell: string }) => dumpWorkbook(wb)[key.sheet].cells[key.cell];
/** The rows of 评分汇总 as text, for finding what it lists. */
const summaryText = (wb: ExcelJS.Workbook) => {
  const rows: string[] = [];
  wb.getWorksheet(SUMMARY_SHEET)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v && typeof v === "object" && "text" in v ? (v as { text: string }).text : (v ?? ""))).join("|")));
  return rows;
};

describe("已核对 in the add-in", () => {
  let wb: ExcelJS.Workbook;
  let original: ReturnType<typeof cellOf>;
  beforeEach(async () => {
    wb = await readBook(CONTRADICTING_FILE);
    original = cellOf(wb, I14);
  });

  test("a confirmed finding is counted and listed but no longer marked; it survives save → reopen → re-score", async () => {
    const fake = createFakeExcel(wb);
    const first = await run(fake);
    expect(cellOf(wb, I14).fill).not.toBe(original.fill);
    const count = first.result.findings.length;

    const confirmed = await run(fake, { confirm: I14, note: "已对照绩效目标表核实" });
    expect(confirmed.syncs).toBe(3);
    expect(confirmed.result.findings).toHaveLength(count);
    expect(findingAt(confirmed.result.findings, I14)?.confirmed).toEqual({ note: "已对照绩效目标表核实", at: AT.toISOString() });
    // The cell is as the officer had it: its own fill and no note of ours.
    expect(cellOf(wb, I14).fill).toBe(original.fill);
    expect(cellOf(wb, I14).note).toBeUndefined();
    expect(confirmed.marked).toBe(first.marked - 1);
    expect(summaryText(wb)).toEqual(expect.arrayContaining([expect.stringMatching(/^已核对（1 处/), expect.stringMatching(/^扣分\|评分表\|I14\|3\|\|\d{4}-\d\d-\d\d \d\d:\d\d 核对：已对照绩效目标表核实$/)]));
    expect(summaryText(wb)).toContainEqual(expect.stringMatching(/^扣分（已核对）\|评分表\|I14\|-?2\|/));

    const again = await reopened(wb);
    const rescored = await run(createFakeExcel(again));
    expect(findingAt(rescored.result.findings, I14)?.confirmed?.note).toBe("已对照绩效目标表核实");
    expect(cellOf(again, I14).fill).toBe(original.fill);
    expect(rescored.result.lapsedConfirmations).toEqual([]);
  });

  test("on a cell with another finding, the cell stays marked for that one only", async () => {
    const fake = createFakeExcel(wb);
    await run(fake);
    const report = await run(fake, { confirm: I12, note: "" });
    expect(findingAt(report.result.findings, I12)?.confirmed).toEqual({ note: "", at: AT.toISOString() });
    const cell = cellOf(wb, I12);
    expect(cell.note).toMatch(new RegExp(`^${NOTE_PREFIX}\\n\\[不一致\\][^\\n]*$`));
  });

  test("清除标注 keeps the confirmations (and nothing else of ours); scoring again honours them", async () => {
    const fake = createFakeExcel(wb);
    await run(fake, { confirm: I14, note: "看过" });
    const cleared = await clear(fake);
    expect(cleared).toMatchObject({ removedSheets: [SUMMARY_SHEET], keptConfirmations: 1 });
    expect(wb.worksheets.map((ws) => ws.name)).toContain(BACKUP_SHEET);
    const kept = previousBackup(snapshotOf(await reopened(wb)))!;
    expect(kept).toMatchObject({ summarySheet: null, fills: [], notes: [], confirmations: [expect.objectContaining({ ...I14, note: "看过" })] });
    const report = await run(fake);
    expect(findingAt(report.result.findings, I14)?.confirmed?.note).toBe("看过");
  });

  test("withdrawing a confirmation marks the cell again", async () => {
    const fake = createFakeExcel(wb);
    await run(fake, { confirm: I14, note: "" });
    const report = await run(fake, { withdraw: I14 });
    expect(findingAt(report.result.findings, I14)?.confirmed).toBeUndefined();
    expect(report.result.confirmations).toEqual([]);
    expect(cellOf(wb, I14).note).toMatch(new RegExp(`^${NOTE_PREFIX}`));
  });

  test("a changed value lapses the confirmation: the finding is marked again and the lapse is said", async () => {
    const fake = createFakeExcel(wb);
    await run(fake, { confirm: I14, note: "" });
    fake.edit("评分表", "I14", 2);
    const report = await run(fake);
    const finding = findingAt(report.result.findings, I14);
    expect(finding).toBeDefined();
    expect(finding?.confirmed).toBeUndefined();
    expect(report.result.lapsedConfirmations).toEqual([expect.objectContaining({ ...I14, value: "3", valueNow: "2" })]);
    expect(cellOf(wb, I14).note).toMatch(new RegExp(`^${NOTE_PREFIX}`));
    expect(summaryText(wb)).toContainEqual(expect.stringMatching(/^评分表!I14 的“已核对”（扣分）已失效：单元格的值由“3”改为“2”/));
    // Lapsed once, it is gone: the next run says nothing more of it.
    expect((await run(fake)).result.lapsedConfirmations).toEqual([]);
  });
});

describe("已核对 in the CLI", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "ziping-confirm-"));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  /** Scored and confirmed in the add-in, then saved to a file. */
  async function confirmedFile(name: string, edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const wb = await readBook(CONTRADICTING_FILE);
    const fake = createFakeExcel(wb);
    await run(fake, { confirm: I14, note: "已核实" });
    edit?.(wb);
    const file = path.join(dir, name);
    await wb.xlsx.writeFile(file);
    return file;
  }

  test("ziping score treats the confirmed finding as confirmed, and its copy keeps the confirmation", async () => {
    const file = await confirmedFile("confirmed.xlsx");
    const output = path.join(dir, "confirmed-评分.xlsx");
    const { code, stdout } = await ziping("score", file, "-o", output, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { findings: (Finding & { confirmed?: unknown })[]; lapsedConfirmations: unknown[] };
    expect(findingAt(json.findings, I14)?.confirmed).toEqual({ note: "已核实", at: AT.toISOString() });
    expect(json.findings.filter((f) => f.confirmed)).toHaveLength(1);
    expect(json.lapsedConfirmations).toEqual([]);
    const copy = await readBook(output);
    expect(cellOf(copy, I14).note).toBeUndefined();
    expect(previousBackup(snapshotOf(copy))?.confirmations).toEqual([expect.objectContaining({ ...I14, note: "已核实", value: "3" })]);

    const human = await ziping("score", output, "--no-write");
    expect(human.stdout).toMatch(/（其中 1 处已核对）/);
    expect(human.stdout).toContain("[扣分，已核对] 评分表!I14");
  });

  test("a value changed after confirming lapses it in the CLI too", async () => {
    const file = await confirmedFile("edited.xlsx", (wb) => (wb.getWorksheet("评分表")!.getCell("I14").value = 2));
    const { stdout } = await ziping("score", file, "--no-write", "--json");
    const json = JSON.parse(stdout) as { findings: (Finding & { confirmed?: unknown })[]; lapsedConfirmations: unknown[] };
    expect(findingAt(json.findings, I14)?.confirmed).toBeUndefined();
    expect(json.lapsedConfirmations).toEqual([expect.objectContaining({ ...I14, value: "3", valueNow: "2" })]);
  });
});

describe("a workbook changed since scoring", () => {
  test("our own writes keep the fingerprint; the officer's edit changes it and Excel reports it", async () => {
    const wb = await readBook(CONTRADICTING_FILE);
    const fake = createFakeExcel(wb);
    const report = await run(fake);
    const now = () => fake.Excel.run((context) => fingerprintInContext(context as unknown as Excel.RequestContext));
    expect(await now()).toBe(report.fingerprint);
    // Marking and re-marking write fills, notes, 评分汇总 and the backup: none of it is the officer's.
    await run(fake, { confirm: I14, note: "" });
    expect(await now()).toBe(report.fingerprint);

    const heard = new Promise<unknown>((resolve) => {
      const context = fake.context as unknown as Excel.RequestContext;
      context.workbook.worksheets.onChanged.add(async (args) => resolve(args));
      void context.sync();
    });
    await Promise.resolve();
    fake.edit("评分表", "J19", "资产盘点不及时");
    expect(await heard).toMatchObject({ type: "WorksheetChanged", address: "J19", changeType: "RangeEdited" });
    expect(await now()).not.toBe(report.fingerprint);
    fake.edit("评分表", "J19", "");
    expect(await now()).toBe(report.fingerprint);
  });
});
