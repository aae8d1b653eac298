import JSZip from "jszip";

/**
 * Light access to the parts of an .xlsx package (a zip of XML parts), for what ExcelJS cannot be trusted with:
 * sizes before anything is parsed, sheet parts under any name, and parts to carry from the input to the copy.
 * Regular expressions rather than a parser: only a few well-known elements of small parts are touched.
 */

/** A prefix such as x: before an element name, as some writers use. */
export const P = "(?:[A-Za-z_][\\w.-]*:)?";

export interface SheetPart {
  name: string;
  /** Path inside the zip, without a leading slash: xl/worksheets/sheet1.xml. */
  part: string;
  /** The relationship id in xl/_rels/workbook.xml.rels. */
  rid: string;
}

export const WORKBOOK = "xl/workbook.xml";
export const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
export const CONTENT_TYPES = "[Content_Types].xml";

export async function readPart(zip: JSZip, part: string): Promise<string | null> {
  return (await zip.file(part)?.async("string")) ?? null;
}

/** Uncompressed size from the zip's directory: known before a byte of the part is inflated. */
export function partSize(zip: JSZip, part: string): number {
  const data = (zip.file(part) as unknown as { _data?: { uncompressedSize?: number } } | null)?._data;
  return data?.uncompressedSize ?? 0;
}

export function attr(element: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(element);
  return m ? decodeXml(m[1]) : undefined;
}

export function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : e === "amp" ? "&" : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

export function elements(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${P}${name}\\b[^>]*>`, "g"))].map((m) => m[0]);
}

/** A relationship target as a zip path: relative to xl/, or absolute from the package root. */
export function resolveTarget(target: string, base = "xl/"): string {
  const joined = target.startsWith("/") ? target.slice(1) : base + target;
  const out: string[] = [];
  for (const seg of joined.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== ".") out.push(seg);
  }
  return out.join("/");
}

/** The workbook's sheets in tab order, each with the part that holds it (chart sheets and missing parts left out). */
export async function sheetParts(zip: JSZip): Promise<SheetPart[]> {
  const book = (await readPart(zip, WORKBOOK)) ?? "";
  const rels = (await readPart(zip, WORKBOOK_RELS)) ?? "";
  const targets = new Map<string, string>();
  for (const rel of elements(rels, "Relationship")) {
    if ((attr(rel, "Type") ?? "").endsWith("/worksheet")) targets.set(attr(rel, "Id") ?? "", resolveTarget(attr(rel, "Target") ?? ""));
  }
  const out: SheetPart[] = [];
  for (const sheet of elements(book, "sheet")) {
    const rid = attr(sheet, "r:id") ?? /\s[\w.-]+:id="([^"]*)"/.exec(sheet)?.[1] ?? "";
    const part = targets.get(rid);
    if (part && zip.file(part)) out.push({ name: attr(sheet, "name") ?? "", part, rid });
  }
  return out;
}

export async function generate(zip: JSZip): Promise<Buffer> {
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 1 } });
}

/** Where a worksheet's cells end: what follows sheetData (merges, drawing …) goes after this. */
export const SHEET_DATA_END = new RegExp(`</${P}sheetData>|<${P}sheetData\\s*/>`);

/** Matches a whole element, `<name …/>` or `<name …>…</name>`, with any prefix. */
export function elementPattern(name: string, flags = ""): RegExp {
  return new RegExp(`<${P}${name}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${P}${name}>)`, flags);
}

/**
 * Puts `element` into `xml` where the schema's sequence wants it: in place of an existing `name` element, or before
 * the first element of `followers` present (searched from `from`), or before the closing `root` tag.
 */
export function putInOrder(xml: string, name: string, element: string, followers: string[], root: string, from = 0): string {
  const existing = elementPattern(name).exec(xml.slice(from));
  if (existing) return xml.slice(0, from + existing.index) + element + xml.slice(from + existing.index + existing[0].length);
  const next = new RegExp(`<${P}(?:${followers.join("|")})(?=[\\s/>])|</${P}${root}>`).exec(xml.slice(from));
  if (!next) return xml;
  const at = from + next.index;
  return xml.slice(0, at) + element + xml.slice(at);
}

export function dirOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels */
export function relsOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
}

/** Text as an XML attribute value in double quotes. */
export function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}
