import JSZip from "jszip";
import { PartCopier } from "./partCopier";
import { attr, dirOf, elementPattern, elements, escapeAttr, putInOrder, readPart, relsOf, resolveTarget, SHEET_DATA_END, SheetPart, sheetParts, WORKBOOK, WORKBOOK_RELS } from "./xlsxPackage";

/**
 * Carries into the copy ExcelJS wrote what it drops of the officer's workbook, taken verbatim from the original
 * package: defined names (constants too, which formulas still use), workbook settings and protection (structure
 * protection, the password to modify, calculation settings), external links (formulas still point at them), pivot
 * caches and tables, and each sheet's drawing (charts, shapes and pictures exactly as they were). Sheets of ours that
 * this run wrote anew (`replaced`) get nothing of their old selves back.
 */

/** CT_Workbook's sequence (ECMA-376 Part 1, 18.2.27): where each element carried here belongs. */
const WORKBOOK_ORDER = ["fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
/** Workbook elements taken whole from the original: they hold nothing that depends on the sheets' order. */
const VERBATIM = ["fileSharing", "workbookPr", "workbookProtection", "calcPr"];
/** CT_Worksheet's elements after <drawing>. */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** Drops a namespace prefix (x:definedName → definedName): the copy's workbook part uses the default namespace. */
const unprefixed = (xml: string) => xml.replace(/<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z])/g, "<$1");

const put = (xml: string, name: string, element: string) => putInOrder(xml, name, element, WORKBOOK_ORDER.slice(WORKBOOK_ORDER.indexOf(name) + 1), "workbook");

/** A relationships part and the ids it uses, to add relationships with ids of their own. */
class Rels {
  private n = 0;
  constructor(public xml: string) {}

  add(type: string, target: string): string {
    let id: string;
    do id = `rIdZiping${++this.n}`;
    while (this.xml.includes(`Id="${id}"`));
    this.xml = this.xml.replace(/<\/(?:\w+:)?Relationships>/, (end) => `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="/${escapeAttr(target)}"/>${end}`);
    return id;
  }

  /** The relationship's type and the part it reaches inside the package; null for a missing or outside one. */
  byId(id: string, base: string): { type: string; part: string } | null {
    const rel = elements(this.xml, "Relationship").find((r) => attr(r, "Id") === id);
    const target = rel && attr(rel, "TargetMode") !== "External" ? attr(rel, "Target") : undefined;
    return target ? { type: attr(rel!, "Type") ?? "", part: resolveTarget(target, base) } : null;
  }

  ofType(kind: string): { id: string; type: string; target: string }[] {
    return elements(this.xml, "Relationship")
      .filter((r) => (attr(r, "Type") ?? "").endsWith(`/${kind}`) && attr(r, "TargetMode") !== "External")
      .map((r) => ({ id: attr(r, "Id") ?? "", type: attr(r, "Type") ?? "", target: attr(r, "Target") ?? "" }));
  }

  retarget(id: string, target: string): void {
    const rel = elements(this.xml, "Relationship").find((r) => attr(r, "Id") === id);
    if (rel) this.xml = this.xml.replace(rel, rel.replace(/\sTarget="[^"]*"/, ` Target="/${escapeAttr(target)}"`));
  }
}

/** The original's defined names, each sheet-scoped one renumbered to its sheet's place in the copy, plus the copy's own for our new sheets. */
function mergedNames(sourceBook: string, copyBook: string, sourceSheets: string[], copySheets: string[], replaced: Set<string>): string | null {
  const all = elementPattern("definedName", "g");
  const kept = new Set(sourceSheets.filter((s) => !replaced.has(s) && copySheets.includes(s)));
  const names: string[] = [];
  for (const m of sourceBook.matchAll(all)) {
    const local = attr(m[0], "localSheetId");
    if (local === undefined) {
      names.push(unprefixed(m[0]));
      continue;
    }
    const sheet = sourceSheets[Number(local)];
    if (sheet === undefined || !kept.has(sheet)) continue;
    names.push(unprefixed(m[0]).replace(/\slocalSheetId="[^"]*"/, ` localSheetId="${copySheets.indexOf(sheet)}"`));
  }
  for (const m of copyBook.matchAll(all)) {
    const local = attr(m[0], "localSheetId");
    if (local !== undefined && !kept.has(copySheets[Number(local)])) names.push(m[0]);
  }
  return names.length > 0 ? `<definedNames>${names.join("")}</definedNames>` : null;
}

const sheetNames = (book: string) => elements(book, "sheet").map((s) => attr(s, "name") ?? "");

/** Workbook-level parts reached through `<list><item r:id/></list>` (external links, pivot caches), re-linked in the copy. */
async function carryList(sourceBook: string, sourceRels: Rels, copyRels: Rels, copier: PartCopier, list: string, item: string): Promise<string | null> {
  const listed = elementPattern(list).exec(sourceBook)?.[0];
  if (!listed) return null;
  const items: string[] = [];
  for (const el of elements(listed, item)) {
    const id = /\s[\w.-]+:id="([^"]*)"/.exec(el)?.[1] ?? "";
    const rel = sourceRels.byId(id, "xl/");
    if (!rel) continue;
    const newId = copyRels.add(rel.type, await copier.copy(rel.part));
    items.push(unprefixed(el).replace(/\s[\w.-]+:id="[^"]*"/, ` r:id="${newId}"`));
  }
  return items.length > 0 ? `<${list}>${items.join("")}</${list}>` : null;
}

/** A sheet's drawing and pivot tables from the original; the drawing replaces any ExcelJS wrote (pictures only). */
async function carrySheet(source: JSZip, copy: JSZip, from: SheetPart, to: SheetPart, copier: PartCopier): Promise<boolean> {
  const sourceXml = await readPart(source, relsOf(from.part));
  if (sourceXml === null) return false;
  const sourceRels = new Rels(sourceXml);
  const drawing = sourceRels.ofType("drawing")[0];
  const pivots = sourceRels.ofType("pivotTable");
  if (!drawing && pivots.length === 0) return false;
  const rels = new Rels((await readPart(copy, relsOf(to.part))) ?? EMPTY_RELS);
  if (drawing) {
    const carried = await copier.copy(resolveTarget(drawing.target, dirOf(from.part)));
    let xml = (await readPart(copy, to.part)) ?? "";
    const existing = elementPattern("drawing").exec(xml)?.[0];
    const id = existing ? /\s[\w.-]+:id="([^"]*)"/.exec(existing)?.[1] : undefined;
    if (id) rels.retarget(id, carried);
    else {
      const sheetDataEnd = Math.max(0, xml.search(SHEET_DATA_END));
      xml = putInOrder(xml, "drawing", `<drawing xmlns:r="${REL}" r:id="${rels.add(drawing.type, carried)}"/>`, AFTER_DRAWING, "worksheet", sheetDataEnd);
      copy.file(to.part, xml);
    }
  }
  for (const pivot of pivots) rels.add(pivot.type, await copier.copy(resolveTarget(pivot.target, dirOf(from.part))));
  copy.file(relsOf(to.part), rels.xml);
  return true;
}

/** Whether anything was carried: most workbooks hold nothing ExcelJS drops, and their copy need not be zipped again. */
export async function carryParts(source: JSZip, copy: JSZip, replaced: Set<string>): Promise<boolean> {
  const sourceBook = (await readPart(source, WORKBOOK)) ?? "";
  const written = (await readPart(copy, WORKBOOK)) ?? "";
  let book = written;
  const sourceRels = new Rels((await readPart(source, WORKBOOK_RELS)) ?? EMPTY_RELS);
  const copyRels = new Rels((await readPart(copy, WORKBOOK_RELS)) ?? EMPTY_RELS);
  const copier = new PartCopier(source, copy);

  for (const name of VERBATIM) {
    const element = elementPattern(name).exec(sourceBook)?.[0];
    if (element) book = put(book, name, unprefixed(element));
  }
  const links = await carryList(sourceBook, sourceRels, copyRels, copier, "externalReferences", "externalReference");
  if (links) book = put(book, "externalReferences", links);
  const names = mergedNames(sourceBook, book, sheetNames(sourceBook), sheetNames(book), replaced);
  if (names) book = put(book, "definedNames", names);
  const caches = await carryList(sourceBook, sourceRels, copyRels, copier, "pivotCaches", "pivotCache");
  if (caches) book = put(book, "pivotCaches", caches);

  const copySheets = await sheetParts(copy);
  let sheetsChanged = false;
  for (const from of await sheetParts(source)) {
    const to = copySheets.find((s) => s.name === from.name);
    if (to && !replaced.has(from.name)) sheetsChanged = (await carrySheet(source, copy, from, to, copier)) || sheetsChanged;
  }
  if (book === written && !sheetsChanged) return false;
  copy.file(WORKBOOK, book);
  copy.file(WORKBOOK_RELS, copyRels.xml);
  copier.flush();
  return true;
}
