import ExcelJS from "exceljs";
import { plainValue } from "../../src/workbook/exceljs";

/** Every non-empty value of every sheet, as "sheet!A1" → value; for before/after comparisons. */
export function allValues(wb: ExcelJS.Workbook, sheets?: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    if (sheets && !sheets.includes(ws.name)) continue;
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = plainValue(cell.value);
        if (v !== null) out[`${ws.name}!${r}:${c}`] = v;
      }),
    );
  }
  return out;
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
