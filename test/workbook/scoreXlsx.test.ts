import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SUMMARY_SHEET } from "../../src/core/model";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { FileError, scoreXlsx } from "../../src/workbook/scoreXlsx";
import { departmentBytes } from "../helpers/departments";

const profile = getBuiltInProfile("default");

/** A Word document's package: a zip with word/document.xml and no workbook part. */
async function docxBytes(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("word/document.xml", "<w:document/>");
  return zip.generateAsync({ type: "nodebuffer" });
}

test("bytes in, the result and a marked copy out; without writing, no copy", async () => {
  const bytes = await departmentBytes(1, "deducting");
  const scored = await scoreXlsx(new Uint8Array(bytes), "单位.xlsx", profile, true);
  expect(scored.result.total).toMatchObject({ declared: 93, computed: 93 });
  expect(scored.copyLacks).toEqual([]);
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.load(scored.copy as unknown as ArrayBuffer);
  expect(copy.getWorksheet(SUMMARY_SHEET)).toBeDefined();
  // The marking it reports is the copy's: one filled cell per cell with findings.
  const filled: string[] = [];
  for (const ws of copy.worksheets.filter((w) => w.name !== SUMMARY_SHEET && w.state === "visible")) {
    ws.eachRow((row) => row.eachCell((cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor && filled.push(`${ws.name}!${cell.address}`)));
  }
  const marked = new Set(scored.result.findings.map((f) => `${f.sheet}!${f.cell}`));
  expect(marked.size).toBeGreaterThan(0);
  expect(scored.marking).toEqual({ marked: marked.size, summarySheet: SUMMARY_SHEET });
  for (const cell of marked) expect(filled).toContain(cell);
  expect(await scoreXlsx(bytes, "单位.xlsx", profile, false)).toEqual({ result: scored.result, copy: null, copyLacks: [], marking: null });
});

test.each([
  ["旧表.xls", async () => Buffer.from("x"), "旧表.xls：是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再评分"],
  ["说明.docx", async () => Buffer.from("x"), "说明.docx：不是 .xlsx 文件"],
  ["改名.xlsx", docxBytes, "改名.xlsx：不是 Excel 工作簿（压缩包中没有 xl/workbook.xml，可能是改了扩展名的 Word 或其他文件）"],
  ["空.xlsx", async () => Buffer.alloc(0), "空.xlsx：不是有效的 .xlsx 文件（文件内容不是 Excel 工作簿）"],
])("%s is refused with the message ziping score gives", async (name, bytes, message) => {
  await expect(scoreXlsx(await bytes(), name, profile, true)).rejects.toEqual(new FileError(message));
});
