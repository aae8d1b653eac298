import JSZip from "jszip";
import { Prepared } from "./preparePackage";
import { attr, generate, P, readPart, sheetParts } from "./xlsxPackage";

/**
 * Puts back into the copy ExcelJS wrote what preparePackage took out of its input: each sheet's merged ranges,
 * exactly as the officer's file had them, and the ISO dates (t="d") as dates.
 */

/** Elements that follow <mergeCells> in a worksheet (ECMA-376 order); it goes before the first one present. */
const AFTER_MERGES = ["phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];
const AFTER_MERGES_RE = new RegExp(`<${P}(?:${AFTER_MERGES.join("|")})\\b|</${P}worksheet>`);

const SHEET_DATA_END = new RegExp(`</${P}sheetData>|<${P}sheetData\\s*/>`);

function putMerges(xml: string, element: string): string {
  const start = xml.search(SHEET_DATA_END);
  const at = start < 0 ? null : AFTER_MERGES_RE.exec(xml.slice(start));
  if (!at) return xml;
  return xml.slice(0, start + at.index) + element + xml.slice(start + at.index);
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

export async function restorePackage(written: Buffer, prepared: Prepared): Promise<Buffer> {
  if (prepared.mergeElements.size === 0 && prepared.dates.size === 0) return written;
  const zip = await JSZip.loadAsync(written);
  for (const sheet of await sheetParts(zip)) {
    const merges = prepared.mergeElements.get(sheet.name);
    const dates = prepared.dates.get(sheet.name);
    if (!merges && !dates) continue;
    let xml = (await readPart(zip, sheet.part)) ?? "";
    if (merges) xml = putMerges(xml, merges);
    if (dates) xml = putDates(xml, dates);
    zip.file(sheet.part, xml);
  }
  return generate(zip);
}
