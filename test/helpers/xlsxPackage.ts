/**
 * Builds .xlsx packages by hand, for inputs ExcelJS cannot write: a sheet part under any name, defined names,
 * external links, workbook protection, t="d" cells, a million-row ledger. Tests and the bench share it.
 */
import JSZip from "jszip";
import { sheetParts } from "../../src/workbook/xlsxPackage";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const SHEET_TYPE = `${REL_NS}/worksheet`;
const SHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

export async function openZip(bytes: Buffer | Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

export async function zipBytes(zip: JSZip): Promise<Buffer> {
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 1 } });
}

export async function text(zip: JSZip, part: string): Promise<string> {
  const file = zip.file(part);
  if (!file) throw new Error(`包中没有 ${part}`);
  return file.async("string");
}

/** A worksheet part around `sheetData` rows (already XML) and what follows sheetData (mergeCells …). */
export function sheetXml(rows: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One row of inline cells: numbers as numbers, strings as inline strings, `{ xml }` verbatim. */
export function rowXml(r: number, cells: (string | number | null | { xml: string })[]): string {
  const cols = cells.map((v, i) => {
    const ref = `${columnName(i)}${r}`;
    if (v === null) return "";
    if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
    if (typeof v === "object") return v.xml.replace("{ref}", ref);
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
  });
  return `<row r="${r}">${cols.join("")}</row>`;
}

function columnName(i: number): string {
  let n = i + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Adds a worksheet part under `part` (any legal name) and lists it in the workbook, its rels and content types. */
export async function addSheet(zip: JSZip, name: string, xml: string, part: string): Promise<void> {
  zip.file(part, xml);
  const relsPart = "xl/_rels/workbook.xml.rels";
  const rels = await text(zip, relsPart);
  const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  const rid = `rId${Math.max(0, ...ids) + 1}`;
  zip.file(relsPart, rels.replace("</Relationships>", `<Relationship Id="${rid}" Type="${SHEET_TYPE}" Target="/${part}"/></Relationships>`));
  const book = await text(zip, "xl/workbook.xml");
  const sheetIds = [...book.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
  zip.file("xl/workbook.xml", book.replace("</sheets>", `<sheet name="${escapeXml(name)}" sheetId="${Math.max(0, ...sheetIds) + 1}" r:id="${rid}"/></sheets>`));
  const types = await text(zip, "[Content_Types].xml");
  zip.file("[Content_Types].xml", types.replace("</Types>", `<Override PartName="/${part}" ContentType="${SHEET_CONTENT}"/></Types>`));
}

/** The part path of a sheet, by name. */
export async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const part = (await sheetParts(zip)).find((s) => s.name === name)?.part;
  if (!part) throw new Error(`没有工作表 ${name}`);
  return part;
}

/** Adds merged ranges to a sheet part, beside any it has. */
export async function addMerges(zip: JSZip, sheet: string, refs: string[]): Promise<void> {
  const part = await sheetPart(zip, sheet);
  const xml = await text(zip, part);
  const cells = refs.map((r) => `<mergeCell ref="${r}"/>`).join("");
  const existing = /<mergeCells count="(\d+)">/.exec(xml);
  zip.file(
    part,
    existing
      ? xml.replace(existing[0], `<mergeCells count="${Number(existing[1]) + refs.length}">${cells}`)
      : xml.replace("</sheetData>", `</sheetData><mergeCells count="${refs.length}">${cells}</mergeCells>`),
  );
}

export interface PackageCell {
  /** "n", "b", "e", "d" or "text" (shared, inline and formula strings alike). */
  type: string;
  /** The stored text as written in the XML (escapes such as _x0041_ left as they are). */
  value: string;
  formula?: string;
}

/** Every cell of every sheet with a value or formula, read from the package XML itself: sheet → cell → content. */
export async function packageCells(bytes: Buffer): Promise<Record<string, Record<string, PackageCell>>> {
  const zip = await openZip(bytes);
  const shared = [...((await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]));
  const out: Record<string, Record<string, PackageCell>> = {};
  for (const { name, part } of await sheetParts(zip)) {
    const xml = await text(zip, part);
    const cells: Record<string, PackageCell> = {};
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = /\sr="([^"]+)"/.exec(c[1])?.[1] ?? "";
      const t = /\st="([^"]+)"/.exec(c[1])?.[1] ?? "n";
      const body = c[2] ?? "";
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const formula = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1];
      const value = t === "s" ? shared[Number(v)] : t === "inlineStr" ? texts(body) : v;
      if (value === undefined && formula === undefined) continue;
      cells[ref] = { type: ["s", "inlineStr", "str"].includes(t) ? "text" : t, value: value ?? "", ...(formula !== undefined ? { formula } : {}) };
    }
    out[name] = cells;
  }
  return out;
}

/** The text a cell shows: its <t> runs without phonetic hints, XML entities and ECMA-376 _xHHHH_ escapes decoded. */
function texts(xml: string): string {
  const raw = [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join("");
  const entities = raw
    .replace(/&#x([0-9A-Fa-f]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
  return entities.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}
