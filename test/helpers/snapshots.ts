import path from "path";
import ExcelJS from "exceljs";
import { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/model";
import { snapshotOf } from "../../src/workbook/exceljs";
import { exampleWorkbook, Layout } from "../../scripts/examples/writeWorkbook";
import { ExampleDepartment } from "../../scripts/examples/model";

export const EXAMPLES_DIR = path.resolve(__dirname, "../../examples");
export const SEED_FILE = path.join(EXAMPLES_DIR, "雷州市科工贸和信息化局-2024-自评表.xlsx");
export const CLEAN_FILE = path.join(EXAMPLES_DIR, "示例-满分单位-2024-自评表.xlsx");
export const CONTRADICTING_FILE = path.join(EXAMPLES_DIR, "示例-数据与自评不符-2024-自评表.xlsx");

export async function snapshotOfFile(file: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return snapshotOf(wb);
}

/** A department laid out in a layout, through a real .xlsx round trip (merges and all). */
export async function snapshotOfLayout(dept: ExampleDepartment, layout?: Layout): Promise<WorkbookSnapshot> {
  const buffer = await exampleWorkbook(dept, layout).xlsx.writeBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  return snapshotOf(wb);
}

/** A one-sheet snapshot from rows starting at A1. */
export function sheet(name: string, values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  const width = Math.max(0, ...values.map((r) => r.length));
  return { name, visibility: "visible", protected: false, top: 0, left: 0, values: values.map((r) => [...r, ...new Array(width - r.length).fill(null)]), merges: [], ...extra };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}
