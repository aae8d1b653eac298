import ExcelJS from "exceljs";
import { createFakeExcel, dumpWorkbook, FakeOfficeError } from "./fakeExcel";

function book(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表1");
  ws.getCell("B2").value = "标题";
  ws.getCell("C3").value = 5;
  ws.getCell("D4").value = new Date(Date.UTC(2025, 0, 1));
  ws.getCell("B5").value = { formula: "C3*2", result: 10 };
  ws.getCell("C5").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
  ws.getCell("D5").value = { richText: [{ text: "富" }, { text: "文本" }] };
  ws.mergeCells("B6:C7");
  ws.getCell("B6").value = "合并";
  wb.addWorksheet("Other sheet");
  return wb;
}

const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

describe("load and sync", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded", async () => {
    const { context } = createFakeExcel(book());
    const ws = context.workbook.worksheets.getItem("表1");
    expect(() => ws.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    ws.load("visibility");
    await context.sync();
    expect(() => ws.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });

  test("a loaded property is readable after sync only, and shows the workbook as it was at that sync", async () => {
    const wb = book();
    const { context } = createFakeExcel(wb);
    const range = context.workbook.worksheets.getItem("表1").getRange("C3").load("values");
    expect(() => range.values).toThrow(FakeOfficeError);
    await context.sync();
    expect(range.values).toEqual([[5]]);
    wb.getWorksheet("表1")!.getCell("C3").value = 6;
    expect(range.values).toEqual([[5]]);
  });

  test("collections expose items once loaded, with the items' properties", async () => {
    const { context } = createFakeExcel(book());
    const sheets = context.workbook.worksheets.load("items/name,items/protection/protected");
    expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(sheets.items.map((s) => [s.name, s.protection.protected])).toEqual([
      ["表1", false],
      ["Other sheet", false],
    ]);
  });

  test("a queued write lands only at sync, in the order queued", async () => {
    const wb = book();
    const { context } = createFakeExcel(wb);
    const range = context.workbook.worksheets.getItem("表1").getRange("E1");
    range.values = [["first"]];
    range.values = [["second"]];
    expect(wb.getWorksheet("表1")!.getCell("E1").value).toBeNull();
    await context.sync();
    expect(wb.getWorksheet("表1")!.getCell("E1").value).toBe("second");
  });

  test("the sync counter counts every sync of every context", async () => {
    const fake = createFakeExcel(book());
    await fake.context.sync();
    await fake.Excel.run(async (context) => {
      await context.sync();
      await context.sync();
    });
    expect(fake.syncCount()).toBe(3);
  });

  test("Excel.run refuses commands left unsynced", async () => {
    const fake = createFakeExcel(book());
    await expect(fake.Excel.run(async (context) => context.workbook.worksheets.getItem("表1").activate())).rejects.toThrow(/queued after the last sync/);
  });

  test("an *OrNullObject proxy tells whether it exists after a sync; getItem of a missing sheet fails the sync", async () => {
    const { context } = createFakeExcel(book());
    const missing = context.workbook.worksheets.getItemOrNullObject("无此表");
    const present = context.workbook.worksheets.getItemOrNullObject("other SHEET");
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect([missing.isNullObject, present.isNullObject]).toEqual([true, false]);
    context.workbook.worksheets.getItem("无此表").activate();
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("values as Office.js reports them", () => {
  test("used range with its position; dates as serials, errors as text, formulas by result, merged cells empty", async () => {
    const { context } = createFakeExcel(book());
    const ws = context.workbook.worksheets.getItem("表1");
    const used = ws.getUsedRangeOrNullObject(true).load("address,values,numberFormat,rowIndex,columnIndex,rowCount,columnCount");
    const empty = context.workbook.worksheets.getItem("Other sheet").getUsedRangeOrNullObject(true);
    const merged = ws.getRange().getMergedAreasOrNullObject().load("address");
    await context.sync();
    expect([used.address, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount]).toEqual(["表1!B2:D6", 1, 1, 5, 3]);
    expect(used.values).toEqual([
      ["标题", "", ""],
      ["", 5, ""],
      ["", "", 45658],
      [10, "#REF!", "富文本"],
      ["合并", "", ""],
    ]);
    expect(used.numberFormat[2][2]).toBe("m/d/yyyy");
    expect(used.numberFormat[1][1]).toBe("General");
    expect(empty.isNullObject).toBe(true);
    expect(merged.address).toBe("表1!B6:C7");
  });

  test("no fill reads as white with tintAndShade null; a white fill has a number", async () => {
    const wb = book();
    const ws = wb.getWorksheet("表1")!;
    ws.getCell("A1").fill = solid("FFFFFFFF");
    ws.getCell("A2").fill = solid("FFFFC7CE");
    ws.getCell("A3").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 4 } };
    const { context } = createFakeExcel(wb);
    const sheet = context.workbook.worksheets.getItem("表1");
    const fills = ["A1", "A2", "A3", "A4"].map((a) => sheet.getRange(a).format.fill.load("color,tintAndShade"));
    await context.sync();
    expect(fills.map((f) => [f.color, f.tintAndShade])).toEqual([
      ["#FFFFFF", 0],
      ["#FFC7CE", 0],
      ["#4472C4", 0],
      ["#FFFFFF", null],
    ]);
  });

  test("a string that starts with = is a formula unless the cell is formatted as text", async () => {
    const wb = book();
    const { context } = createFakeExcel(wb);
    const ws = context.workbook.worksheets.getItem("表1");
    ws.getRange("F1:G1").values = [["=1+1", "12"]];
    const text = ws.getRange("F2:G2");
    text.numberFormat = [["@", "@"]];
    text.values = [["=1+1", "12"]];
    await context.sync();
    const sheet = wb.getWorksheet("表1")!;
    expect([sheet.getCell("F1").value, sheet.getCell("G1").value]).toEqual([{ formula: "1+1" }, 12]);
    expect([sheet.getCell("F2").value, sheet.getCell("G2").value]).toEqual(["=1+1", "12"]);
  });

  test("a value array of the wrong shape is refused", async () => {
    const { context } = createFakeExcel(book());
    context.workbook.worksheets.getItem("表1").getRange("A1:B1").values = [["only one"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("host rules", () => {
  test("a write to a protected sheet fails the sync; the commands before it stay applied", async () => {
    const wb = book();
    await wb.getWorksheet("Other sheet")!.protect("", {});
    const { context } = createFakeExcel(wb);
    context.workbook.worksheets.getItem("表1").getRange("A1").format.fill.color = "#FFEB9C";
    context.workbook.worksheets.getItem("Other sheet").getRange("A1").format.fill.color = "#FFEB9C";
    context.workbook.worksheets.getItem("表1").getRange("A2").format.fill.color = "#FFEB9C";
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    const dump = dumpWorkbook(wb);
    expect(dump["表1"].cells.A1.fill).toBe("#FFEB9C");
    expect(dump["表1"].cells.A2).toBeUndefined();
  });

  test("APIs above the host's requirement set are refused", () => {
    const { context, Office } = createFakeExcel(book(), { apiVersion: "1.10" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(false);
    expect(() => context.workbook.notes).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    expect(() => context.workbook.comments).not.toThrow();
    expect(() => context.workbook.worksheets.getItem("表1").getRange().getMergedAreasOrNullObject()).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
  });

  test("one note or comment per cell; notes live in the workbook, comments beside it", async () => {
    const wb = book();
    const fake = createFakeExcel(wb);
    const { context } = fake;
    const ws = context.workbook.worksheets.getItem("表1");
    context.workbook.notes.add(ws.getRange("C3"), "便笺");
    context.workbook.comments.add("表1!C4", "批注");
    await context.sync();
    expect(wb.getWorksheet("表1")!.getCell("C3").note).toBe("便笺");
    expect(fake.comments()).toEqual([{ sheet: "表1", cell: "C4", content: "批注" }]);

    context.workbook.comments.add(ws.getRange("C3"), "again");
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument", debugInfo: { errorLocation: "CommentCollection.add" } });

    const notes = context.workbook.notes.load("items/content");
    const comments = context.workbook.comments.load("items/content");
    await context.sync();
    const where = [...notes.items, ...comments.items].map((a) => a.getLocation().load("address"));
    await context.sync();
    expect(where.map((w) => w.address)).toEqual(["表1!C3", "表1!C4"]);
    notes.items[0].delete();
    comments.items[0].delete();
    await context.sync();
    expect(dumpWorkbook(wb)["表1"].cells.C3).toEqual({ value: 5, fill: null });
    expect(fake.comments()).toEqual([]);
  });

  test("copyFrom(…, \"Formats\") copies each cell's whole format, deep, and leaves the values", async () => {
    const wb = book();
    const sheet = wb.getWorksheet("表1")!;
    sheet.getCell("C3").style = { fill: solid("FFFFFF00"), border: { top: { style: "thin" } }, font: { bold: true }, numFmt: "0.00" };
    sheet.getCell("C4").fill = solid("FFFFFFFF");
    const { context } = createFakeExcel(wb);
    const ws = context.workbook.worksheets.getItem("表1");
    ws.getRange("F3:F5").copyFrom(ws.getRange("C3:C5"), "Formats");
    context.workbook.worksheets.getItem("Other sheet").getRange("A1").copyFrom("'表1'!C3", "Formats");
    ws.getRange("G1:G4").copyFrom("表1!C3:C4", "Formats"); // an exact multiple repeats the source
    ws.getRange("H1").copyFrom("表1!C3:C4", "Formats"); // a smaller destination grows to the source's size
    await context.sync();
    const style = (name: string, a: string) => JSON.parse(JSON.stringify(wb.getWorksheet(name)!.getCell(a).style)) as unknown;
    expect([style("表1", "F3"), style("表1", "F4"), style("表1", "F5")]).toEqual([style("表1", "C3"), style("表1", "C4"), {}]);
    expect(style("Other sheet", "A1")).toEqual(style("表1", "C3"));
    expect(["G1", "G2", "G3", "G4", "H1", "H2"].map((a) => style("表1", a))).toEqual([1, 2, 1, 2, 1, 2].map((i) => style("表1", `C${2 + i}`)));
    expect(sheet.getCell("F3").value).toBeNull();
    // A copy, not a shared object: changing the copy leaves the original alone.
    sheet.getCell("F3").style.font!.bold = false;
    expect(sheet.getCell("C3").font.bold).toBe(true);
  });

  test("copyFrom needs ExcelApi 1.9 and is refused on a protected sheet", async () => {
    const wb = book();
    await wb.getWorksheet("Other sheet")!.protect("", {});
    expect(() => createFakeExcel(wb, { apiVersion: "1.8" }).context.workbook.worksheets.getItem("表1").getRange("A1").copyFrom("表1!B2", "Formats")).toThrow(
      expect.objectContaining({ code: "ApiNotFound" }),
    );
    const { context } = createFakeExcel(wb);
    context.workbook.worksheets.getItem("Other sheet").getRange("A1").copyFrom("表1!B2", "Formats");
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });

  test("a sheet is renamed; a proxy keeps standing for it; a taken name is refused", async () => {
    const wb = book();
    const { context } = createFakeExcel(wb);
    const ws = context.workbook.worksheets.getItem("表1");
    ws.name = "改名";
    ws.getRange("A1").values = [["still the same sheet"]];
    await context.sync();
    expect(wb.worksheets.map((w) => w.name)).toEqual(["改名", "Other sheet"]);
    expect(wb.getWorksheet("改名")!.getCell("A1").value).toBe("still the same sheet");
    context.workbook.worksheets.getItem("改名").name = "OTHER SHEET";
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  test("a read-only document reads but refuses every write; Workbook.readOnly says so", async () => {
    const wb = book();
    const { context } = createFakeExcel(wb, { readOnly: true });
    const workbook = context.workbook.load("readOnly");
    const used = context.workbook.worksheets.getItem("表1").getUsedRangeOrNullObject(true).load("address");
    await context.sync();
    expect([workbook.readOnly, used.address]).toEqual([true, "表1!B2:D6"]);
    for (const write of [
      () => (context.workbook.worksheets.getItem("表1").getRange("A1").format.fill.color = "#FFEB9C"),
      () => context.workbook.worksheets.add("新表"),
      () => (context.workbook.worksheets.getItem("表1").name = "改名"),
      () => context.workbook.notes.add("表1!A1", "便笺"),
    ]) {
      write();
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    }
    expect(wb.worksheets.map((w) => w.name)).toEqual(["表1", "Other sheet"]);
  });

  test("保护工作簿 refuses adding, deleting, renaming and hiding sheets, not cell writes", async () => {
    const wb = book();
    const { context } = createFakeExcel(wb, { structureProtected: true });
    const protection = context.workbook.protection.load("protected");
    await context.sync();
    expect(protection.protected).toBe(true);
    for (const write of [
      () => context.workbook.worksheets.add("新表"),
      () => context.workbook.worksheets.getItem("Other sheet").delete(),
      () => (context.workbook.worksheets.getItem("表1").name = "改名"),
      () => (context.workbook.worksheets.getItem("Other sheet").visibility = "Hidden"),
    ]) {
      write();
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    }
    context.workbook.worksheets.getItem("表1").getRange("A1").values = [["ok"]];
    await context.sync();
    expect(wb.getWorksheet("表1")!.getCell("A1").value).toBe("ok");
  });

  test("select and activate move what the officer sees", async () => {
    const fake = createFakeExcel(book());
    await fake.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Other sheet");
      ws.activate();
      ws.getRange("B3:C4").select();
      await context.sync();
    });
    expect(fake.selection()).toEqual({ sheet: "Other sheet", address: "B3:C4" });
  });
});
