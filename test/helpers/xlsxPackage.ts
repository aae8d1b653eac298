/**
 * Builds .xlsx packages by hand, for inputs ExcelJS cannot write: a sheet part under any name, defined names,
 * external links, workbook protection, t="d" cells, a million-row ledger. Tests and the bench share it.
 */
import JSZip from "jszip";

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

/** The part path of a sheet, by name, through workbook.xml and its rels. */
export async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const book = await text(zip, "xl/workbook.xml");
  const sheet = [...book.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((s) => s.includes(`name="${escapeXml(name)}"`));
  const rid = sheet && /r:id="([^"]+)"/.exec(sheet)?.[1];
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${rid}"`));
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  if (!target) throw new Error(`没有工作表 ${name}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
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
