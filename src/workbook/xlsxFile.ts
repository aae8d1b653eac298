import ExcelJS from "exceljs";
import { Prepared, preparePackage } from "./preparePackage";
import { restorePackage } from "./restorePackage";
import { WRITE_OPTIONS } from "./exceljs";

/**
 * An .xlsx through ExcelJS with the package passes around it: read what preparePackage made of the file, write the
 * copy and put back what restorePackage keeps.
 */
export interface OpenedXlsx {
  workbook: ExcelJS.Workbook;
  prepared: Prepared;
}

/** Throws ScoringError for a workbook too big to score; ExcelJS's own errors pass through. */
export async function openXlsx(bytes: Buffer): Promise<OpenedXlsx> {
  const prepared = await preparePackage(bytes);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(prepared.bytes as unknown as ArrayBuffer);
  return { workbook, prepared };
}

/** The copy's bytes; `replaced` are sheets of ours this run wrote anew, which get nothing of their old selves back. */
export async function copyBytes({ workbook, prepared }: OpenedXlsx, replaced: Iterable<string>): Promise<Buffer> {
  const keep: Prepared = { ...prepared, mergeElements: new Map(prepared.mergeElements), dates: new Map(prepared.dates) };
  for (const name of replaced) {
    keep.mergeElements.delete(name);
    keep.dates.delete(name);
  }
  const written = Buffer.from(await workbook.xlsx.writeBuffer(WRITE_OPTIONS));
  return restorePackage(written, keep);
}
