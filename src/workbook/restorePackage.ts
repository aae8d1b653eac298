import JSZip from "jszip";
import { carryParts } from "./carryParts";
import { Prepared } from "./preparePackage";
import { attr, generate, P, putInOrder, readPart, SHEET_DATA_END, sheetParts } from "./xlsxPackage";

/**
 * Puts back into the copy ExcelJS wrote what preparePackage took out of its input (each sheet's merged ranges exactly
 * as the officer's file had them, the ISO dates as dates) and carries over what ExcelJS drops (carryParts.ts).
 * Sheets of ours that this run wrote anew (`replaced`) get nothing of their old selves back.
 */

/** Elements that follow <mergeCells> in a worksheet (ECMA-376 order); it goes before the first one present. */
const AFTER_MERGES = ["phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

function putMerges(xml: string, element: string): string {
  const start = xml.search(SHEET_DATA_END);
  return start < 0 ? xml : putInOrder(xml, "mergeCells", element, AFTER_MERGES, "worksheet", start);
}

const CELL = new RegExp(`<${P}c\\b[^>]*?(?:/>|>[\\s\\S]*?</${P}c>)`, "g");

/** Each dated cell back to t="d" with its ISO text; its format (s) stays as ExcelJS numbered it. */
function putDates(xml: string, dates: Map<string, string>): string {
  return xml.replace(CELL, (cell) => {
    const open = /^<[^>]*?\/?>/.exec(cell)![0];
    const iso = dates.get(attr(open, "r") ?? "");
    if (iso === undefined) return cell;
    const style = attr(open, "s");
    const formula = new RegExp(`<${P}f\\b[^>]*?(?:/>|>[^<]*</${P}f>)`).exec(cell)?.[0] ?? "";
    return `<c r="${attr(open, "r")}"${style ? ` s="${style}"` : ""} t="d">${formula}<v>${iso}</v></c>`;
  });
}

export async function restorePackage(written: Buffer, prepared: Prepared, replaced: Set<string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(written);
  let changed = false;
  for (const sheet of await sheetParts(zip)) {
    if (replaced.has(sheet.name)) continue;
    const merges = prepared.mergeElements.get(sheet.name);
    const dates = prepared.dates.get(sheet.name);
    if (!merges && !dates) continue;
    let xml = (await readPart(zip, sheet.part)) ?? "";
    if (merges) xml = putMerges(xml, merges);
    if (dates) xml = putDates(xml, dates);
    zip.file(sheet.part, xml);
    changed = true;
  }
  if (await carryParts(await JSZip.loadAsync(prepared.source), zip, replaced)) changed = true;
  return changed ? generate(zip) : written;
}
