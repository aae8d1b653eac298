import JSZip from "jszip";
import { ScoringError } from "../core/errors";
import { uncarriedParts } from "./copyLosses";
import { attr, CONTENT_TYPES, decodeXml, elements, generate, P, partSize, readPart, relsOf, SheetPart, sheetParts, WORKBOOK_RELS } from "./xlsxPackage";

/**
 * What ExcelJS reads instead of the officer's file, and what it takes to put back into the copy what it would lose
 * or choke on (see restorePackage.ts):
 * - every sheet part renamed to xl/worksheets/sheetN.xml, the only names ExcelJS reads (others were dropped);
 * - merged ranges taken out: ExcelJS creates every cell of a merge (K1:L1048576 is two million cells) and checks each
 *   new merge against all earlier ones (50,000 merges, 1.25 billion checks); the engine gets them as a list;
 * - ISO dates (t="d") read as their text: ExcelJS parses "2024-03-01" as the number 2024.
 * A workbook whose sheets hold more XML than fits the time and memory a run may take (a minute, 1.5 GB) is refused up front.
 */
export interface Prepared {
  bytes: Buffer;
  /** The officer's file as it was read, to tell what the copy lacks (copyLosses.ts). */
  source: Buffer;
  /** By sheet name: merged ranges as written in the file ("A1:B2"). */
  merges: Map<string, string[]>;
  /** By sheet name: the sheet's own <mergeCells> element, put back unchanged into the copy. */
  mergeElements: Map<string, string>;
  /** By sheet name, then cell: the ISO text of each t="d" cell. */
  dates: Map<string, Map<string, string>>;
  /** What no .xlsx copy of this workbook can keep ("宏（VBA 代码） 1 个"), see copyLosses.ts. */
  lacks: string[];
  /** By sheet name, then cell: the text of inline strings holding control characters, which ExcelJS reads as escapes; openXlsx puts it in. */
  controlTexts: Map<string, Map<string, string>>;
}

/**
 * Sheet XML (all sheets and shared strings, uncompressed) beyond which a run would need more than 1.5 GB: ExcelJS
 * holds every cell as objects (measured with `npm run bench`: the seed beside a 170,000 × 6 ledger, 48 MB of XML,
 * took 35 s and 2.2 GB; 95,000 rows stay under the limit).
 */
export const MAX_SHEET_XML_BYTES = 28 * 2 ** 20;

const mib = (n: number) => `${Math.ceil(n / 2 ** 20)} MB`;

function checkSize(zip: JSZip, sheets: SheetPart[]): void {
  const sizes = sheets.map((s) => ({ name: s.name, size: partSize(zip, s.part) }));
  const total = sizes.reduce((n, s) => n + s.size, partSize(zip, "xl/sharedStrings.xml"));
  if (total <= MAX_SHEET_XML_BYTES) return;
  const largest = sizes.reduce((a, b) => (b.size > a.size ? b : a));
  throw new ScoringError(
    `工作簿的表格内容解压后约 ${mib(total)}（其中工作表“${largest.name}”约 ${mib(largest.size)}），超过一次评分能完整读写的 ${mib(MAX_SHEET_XML_BYTES)}；请把明细账等大表移到另一个工作簿，再对自评表评分（原文件未做任何改动）`,
  );
}

const MERGE_CELLS = new RegExp(`<${P}mergeCells\\b[^>]*?(?:/>|>[\\s\\S]*?</${P}mergeCells>)`);
const DATE_CELL = new RegExp(`(<${P}c\\b[^>]*?)\\st="d"([^>]*>)([\\s\\S]*?</${P}c>)`, "g");

/** Takes the merges and the ISO dates out of one sheet's XML. */
function prepareSheet(xml: string, name: string, out: Prepared): string {
  const merge = MERGE_CELLS.exec(xml);
  if (merge) {
    out.mergeElements.set(name, merge[0]);
    out.merges.set(name, elements(merge[0], "mergeCell").map((m) => attr(m, "ref") ?? "").filter((r) => r !== ""));
    xml = xml.replace(merge[0], "");
  }
  const dates = new Map<string, string>();
  xml = xml.replace(DATE_CELL, (_, open: string, close: string, rest: string) => {
    const ref = attr(`${open}>`, "r");
    const value = new RegExp(`<${P}v>([^<]*)</${P}v>`).exec(rest)?.[1];
    if (ref && value !== undefined) dates.set(ref, value);
    return `${open} t="str"${close}${rest}`;
  });
  if (dates.size > 0) out.dates.set(name, dates);
  return decodeInlineEscapes(xml, name, out);
}

const INLINE_CELL = new RegExp(`(<${P}c\\b[^>]*>\\s*)(<${P}is>[\\s\\S]*?</${P}is>)`, "g");
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
const isControl = (code: number) => code !== 0x9 && code !== 0xa && code !== 0xd && code < 0x20;

/**
 * ExcelJS decodes _xHHHH_ escapes in shared strings but not in inline ones, and the copy escapes every literal
 * "_xHHHH_" it writes: an inline "_x0041_" (meaning "A") would come back as the text "_x0041_". Decoded here to XML
 * character references, which every reader takes as the character. Control characters, which XML 1.0 cannot carry
 * as references, stay escaped for ExcelJS to read; the text they mean is kept aside (plain inline strings only, not
 * rich text) for openXlsx to put into the cell, and the copy stores it escaped as Excel does.
 */
function decodeInlineEscapes(xml: string, sheet: string, out: Prepared): string {
  if (!xml.includes("_x")) return xml;
  return xml.replace(INLINE_CELL, (_, open: string, element: string) => {
    let control = false;
    const decoded = element.replace(ESCAPE, (escape, hex: string) => {
      const code = parseInt(hex, 16);
      if (!isControl(code)) return `&#x${hex};`;
      control = true;
      return escape;
    });
    const ref = attr(open, "r");
    if (control && ref && !new RegExp(`<${P}r>`).test(element)) {
      const texts = [...element.matchAll(new RegExp(`<${P}t\\b[^>]*>([^<]*)</${P}t>`, "g"))].map((m) => decodeXml(m[1]));
      const meant = texts.join("").replace(ESCAPE, (_e, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      if (!out.controlTexts.has(sheet)) out.controlTexts.set(sheet, new Map());
      out.controlTexts.get(sheet)!.set(ref, meant);
    }
    return open + decoded;
  });
}

/** Moves a sheet part (and its rels) to a name ExcelJS reads, updating the workbook's rels and content types. */
async function rename(zip: JSZip, sheet: SheetPart, to: string, rels: string, types: string): Promise<{ rels: string; types: string }> {
  zip.file(to, (await zip.file(sheet.part)!.async("uint8array")) as Uint8Array);
  zip.remove(sheet.part);
  const ownRels = zip.file(relsOf(sheet.part));
  if (ownRels) {
    zip.file(relsOf(to), await ownRels.async("string"));
    zip.remove(relsOf(sheet.part));
  }
  const rel = elements(rels, "Relationship").find((r) => attr(r, "Id") === sheet.rid)!;
  const target = `worksheets/${to.split("/").pop()}`;
  rels = rels.replace(rel, rel.replace(/\sTarget="[^"]*"/, ` Target="${target}"`));
  types = types.replace(new RegExp(`PartName="/${sheet.part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`), `PartName="/${to}"`);
  return { rels, types };
}

const EXCELJS_NAME = /^xl\/worksheets\/sheet\d+\.xml$/;

export async function preparePackage(bytes: Buffer): Promise<Prepared> {
  const zip = await JSZip.loadAsync(bytes);
  const sheets = await sheetParts(zip);
  checkSize(zip, sheets);
  const out: Prepared = { bytes, source: bytes, merges: new Map(), mergeElements: new Map(), dates: new Map(), lacks: await uncarriedParts(zip), controlTexts: new Map() };
  let changed = false;
  for (const sheet of sheets) {
    const xml = (await readPart(zip, sheet.part)) ?? "";
    const prepared = prepareSheet(xml, sheet.name, out);
    if (prepared !== xml) {
      zip.file(sheet.part, prepared);
      changed = true;
    }
  }
  const unusual = sheets.filter((s) => !EXCELJS_NAME.test(s.part));
  if (unusual.length > 0) {
    let rels = (await readPart(zip, WORKBOOK_RELS)) ?? "";
    let types = (await readPart(zip, CONTENT_TYPES)) ?? "";
    let n = 1;
    for (const sheet of unusual) {
      while (zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
      ({ rels, types } = await rename(zip, sheet, `xl/worksheets/sheet${n}.xml`, rels, types));
    }
    zip.file(WORKBOOK_RELS, rels);
    zip.file(CONTENT_TYPES, types);
    changed = true;
  }
  if (changed) out.bytes = await generate(zip);
  return out;
}
