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
  // Inline strings with control characters, which ExcelJS read as their escapes: the text they mean, as a shared
  // string would have given it.
  for (const [sheet, cells] of prepared.controlTexts) {
    const ws = workbook.getWorksheet(sheet);
    if (ws) for (const [ref, text] of cells) ws.getCell(ref).value = text;
  }
  return { workbook, prepared };
}

/** The copy's bytes; `replaced` are sheets of ours this run wrote anew, which get nothing of their old selves back. */
export async function copyBytes({ workbook, prepared }: OpenedXlsx, replaced: Iterable<string>): Promise<Buffer> {
  const ours = new Set(replaced);
  escapeTexts(workbook);
  const written = Buffer.from(await workbook.xlsx.writeBuffer(WRITE_OPTIONS));
  return restorePackage(written, prepared, ours);
}

/**
 * Text in a cell is stored with _xHHHH_ escapes (ECMA-376 ST_Xstring): ExcelJS reads them but writes text raw, so a
 * literal "_x0041_" would come back as "A", and it drops control characters. Both are escaped here before writing.
 */
export function escapeXstring(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

// eslint-disable-next-line no-control-regex -- as above
const NEEDS_ESCAPE = /_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

function escapeTexts(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === "string" && NEEDS_ESCAPE.test(v)) cell.value = escapeXstring(v);
        else if (v && typeof v === "object" && "richText" in v && v.richText.some((r) => NEEDS_ESCAPE.test(r.text))) {
          cell.value = { richText: v.richText.map((r) => ({ ...r, text: escapeXstring(r.text) })) };
        }
      }),
    );
  }
}
