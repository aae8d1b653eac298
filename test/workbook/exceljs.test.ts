import ExcelJS from "exceljs";
import { scoreWorkbook } from "../../src/core/engine";
import { BACKUP_SHEET } from "../../src/core/model";
import { planClear, planWrite } from "../../src/core/plan/writePlan";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { applyPlan, fillOfCell, snapshotOf } from "../../src/workbook/exceljs";
import { allValues } from "../helpers/cells";
import { SEED_FILE } from "../helpers/snapshots";

const profile = getBuiltInProfile("default");

/** Every cell's fill (including styled empty cells) of the named sheets. */
function allFills(wb: ExcelJS.Workbook, sheets: string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const name of sheets) {
    wb.getWorksheet(name)!.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        out[`${name}!${r}:${c}`] = fillOfCell(cell);
      }),
    );
  }
  return out;
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(await wb.xlsx.writeBuffer());
  return copy;
}

/** A scored copy, saved and reloaded; the workbook given is left as it was. */
async function score(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const copy = await roundTrip(wb);
  const snapshot = snapshotOf(copy);
  applyPlan(copy, planWrite(scoreWorkbook(snapshot, profile), snapshot));
  return roundTrip(copy);
}

test("clearing restores every original fill exactly, through saved files, after one run or two", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED_FILE);
  const sheet = wb.getWorksheet("评分表")!;
  // The officer's own colours on cells we will mark: a white fill (not the same as none) and a theme-like yellow.
  sheet.getCell("I13").style = { ...sheet.getCell("I13").style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFFFF" } } };
  sheet.getCell("I18").style = { ...sheet.getCell("I18").style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } } };
  const original = await roundTrip(wb);
  const names = original.worksheets.map((w) => w.name);
  const before = { values: allValues(original), fills: allFills(original, names) };

  const once = await score(await roundTrip(original));
  expect(fillOfCell(once.getWorksheet("评分表")!.getCell("I13"))).not.toBe("#FFFFFF");
  expect(String(once.getWorksheet("评分表")!.getCell("I13").note)).toContain("扣 1 分");
  const twice = await score(once);

  for (const marked of [once, twice]) {
    const plan = planClear(snapshotOf(marked))!;
    expect(plan.backup).toBeNull();
    applyPlan(marked, plan);
    const cleared = await roundTrip(marked);
    expect(cleared.worksheets.map((w) => w.name)).toEqual(names);
    expect(allValues(cleared)).toEqual(before.values);
    expect(allFills(cleared, names)).toEqual(before.fills);
    expect(cleared.getWorksheet(BACKUP_SHEET)).toBeUndefined();
    const notes: string[] = [];
    cleared.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => c.note && notes.push(String(c.note)))));
    expect(notes).toEqual([]);
  }
});

test("a workbook with no run of ours has nothing to clear", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED_FILE);
  expect(planClear(snapshotOf(wb))).toBeNull();
});
