/**
 * The scored copy keeps what the officer's workbook holds beside its tables, checked in the package XML itself:
 * defined names, external links, workbook protection and settings, charts and pivot tables come over byte for byte
 * and still hang together; what no .xlsx copy can keep (macros, slicers) is named on stderr, in the JSON and on
 * 评分汇总, never lost silently.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { copyLosses } from "../../src/workbook/copyLosses";
import { attr, elements, readPart, relsOf, resolveTarget, sheetParts } from "../../src/workbook/xlsxPackage";
import { ziping } from "../helpers/cli";
import { SEED_FILE } from "../helpers/snapshots";
import { EXTERNAL_TARGET, EXTRA_PARTS, EXTRA_SHEET, withWorkbookExtras } from "../helpers/workbookExtras";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ziping-losses-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function scoreCopy(input: Buffer, name: string, ...flags: string[]) {
  const file = path.join(dir, `${name}.xlsx`);
  const out = path.join(dir, `${name}-评分.xlsx`);
  await fs.writeFile(file, input);
  const run = await ziping("score", file, "-o", out, "--json", ...flags);
  expect(run.code).toBe(0);
  const copy = await fs.readFile(out);
  return { run, json: JSON.parse(run.stdout), copy, zip: await JSZip.loadAsync(copy) };
}

/** Whatever would make Excel repair the file: a relationship to a missing part, a part without a content type, a repeated id. */
async function packageProblems(zip: JSZip): Promise<string[]> {
  const problems: string[] = [];
  const types = (await readPart(zip, "[Content_Types].xml")) ?? "";
  const overrides = new Set(elements(types, "Override").map((o) => attr(o, "PartName")));
  const defaults = new Set(elements(types, "Default").map((d) => attr(d, "Extension")?.toLowerCase()));
  for (const part of Object.keys(zip.files).filter((p) => !zip.files[p].dir && p !== "[Content_Types].xml")) {
    if (!overrides.has(`/${part}`) && !defaults.has(part.split(".").pop()!.toLowerCase())) problems.push(`${part} 没有内容类型`);
    if (!part.endsWith(".rels")) continue;
    const base = part.slice(0, part.lastIndexOf("_rels/")); // the folder of the part these relationships are of
    const rels = elements((await readPart(zip, part)) ?? "", "Relationship");
    const ids = rels.map((r) => attr(r, "Id"));
    if (new Set(ids).size !== ids.length) problems.push(`${part} 的关系编号重复`);
    for (const r of rels) {
      if (attr(r, "TargetMode") === "External") continue;
      const target = resolveTarget(attr(r, "Target") ?? "", base);
      if (!zip.file(target)) problems.push(`${part} 指向不存在的 ${target}`);
    }
  }
  for (const o of overrides) if (!zip.file(o!.slice(1))) problems.push(`内容类型列出不存在的 ${o}`);
  return problems;
}

/** The part a sheet reaches through a relationship of this type, and its bytes. */
async function reached(zip: JSZip, fromPart: string, type: string): Promise<string[]> {
  const base = fromPart.slice(0, fromPart.lastIndexOf("/") + 1);
  const rels = elements((await readPart(zip, relsOf(fromPart))) ?? "", "Relationship").filter((r) => attr(r, "Type")!.endsWith(`/${type}`));
  return Promise.all(rels.map((r) => readPart(zip, resolveTarget(attr(r, "Target")!, base)).then((x) => x ?? "")));
}

const definedNames = (book: string) => [...book.matchAll(/<definedName\b[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);

describe("a workbook with names, links, protection, a chart and a pivot table", () => {
  let input: Buffer;
  let first: Awaited<ReturnType<typeof scoreCopy>>;
  beforeAll(async () => {
    input = await withWorkbookExtras(await fs.readFile(SEED_FILE));
    first = await scoreCopy(input, "extras");
  });

  test("the copy lacks nothing, says so, and scores as the plain seed does", async () => {
    expect(first.json.copyLacks).toEqual([]);
    expect(first.run.stderr).toBe("");
    expect(await copyLosses(input, first.copy)).toEqual([]);
    const plain = JSON.parse((await ziping("score", SEED_FILE, "--json", "--no-write")).stdout);
    expect(first.json.total).toEqual(plain.total);
  });

  test("defined names come over verbatim, a sheet's print titles still on its sheet", async () => {
    const book = (await readPart(first.zip, "xl/workbook.xml"))!;
    const names = definedNames(book);
    expect(names).toContain('<definedName name="税率">0.05</definedName>');
    expect(names).toContain(`<definedName name="附表金额">'${EXTRA_SHEET}'!$B$1:$B$3</definedName>`);
    expect(names).toContain('<definedName name="隐藏名称" hidden="1">"内部"</definedName>');
    const titles = names.find((n) => n.includes("_xlnm.Print_Titles"))!;
    const sheets = elements(book, "sheet").map((s) => attr(s, "name"));
    expect(sheets[Number(attr(titles, "localSheetId"))]).toBe("评分表");
  });

  test("protection and workbook settings come over with their attributes", async () => {
    const book = (await readPart(first.zip, "xl/workbook.xml"))!;
    expect(book).toContain('<workbookProtection lockStructure="1" workbookPassword="CC3D"/>');
    expect(book).toContain('<fileSharing readOnlyRecommended="1" userName="财务科"/>');
    expect(book).toMatch(/<calcPr [^>]*iterate="1" iterateCount="50"/);
    // In the schema's order: fileSharing before workbookPr, protection before sheets, names before calcPr.
    const at = (name: string) => book.indexOf(`<${name}`);
    expect(at("fileSharing")).toBeLessThan(at("workbookPr"));
    expect(at("workbookProtection")).toBeLessThan(at("sheets"));
    expect(at("externalReferences")).toBeLessThan(at("definedNames"));
    expect(at("definedNames")).toBeLessThan(at("calcPr"));
    expect(at("calcPr")).toBeLessThan(at("pivotCaches"));
  });

  test("the external link part is reachable and the formula that uses it is unchanged", async () => {
    const book = (await readPart(first.zip, "xl/workbook.xml"))!;
    const id = attr(elements(book, "externalReference")[0], "r:id")!;
    const rel = elements((await readPart(first.zip, "xl/_rels/workbook.xml.rels"))!, "Relationship").find((r) => attr(r, "Id") === id)!;
    const part = resolveTarget(attr(rel, "Target")!);
    expect(await readPart(first.zip, part)).toBe(EXTRA_PARTS.externalLink);
    expect(await readPart(first.zip, relsOf(part))).toContain(`Target="${encodeURI(EXTERNAL_TARGET)}" TargetMode="External"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(first.copy as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(EXTRA_SHEET)!;
    expect(sheet.getCell("A4").formula).toBe("税率*100");
    expect(sheet.getCell("B4").formula).toBe("[1]决算!$A$1");
  });

  test("the sheet's chart and pivot table hang on it as before, the pivot cache shared with the workbook", async () => {
    const extra = (await sheetParts(first.zip)).find((s) => s.name === EXTRA_SHEET)!.part;
    expect(await readPart(first.zip, extra)).toMatch(/<drawing [^>]*r:id="[^"]+"\/><\/worksheet>$/);
    const [drawing] = await reached(first.zip, extra, "drawing");
    expect(drawing).toBe(EXTRA_PARTS.drawing);
    const drawingPart = resolveTarget(/Target="\/([^"]+)"/.exec((await readPart(first.zip, relsOf(extra)))!)![1], "");
    expect(await reached(first.zip, drawingPart, "chart")).toEqual([EXTRA_PARTS.chart]);
    expect(await reached(first.zip, extra, "pivotTable")).toEqual([EXTRA_PARTS.pivotTable]);
    const book = (await readPart(first.zip, "xl/workbook.xml"))!;
    const cacheId = attr(elements(book, "pivotCache")[0], "r:id")!;
    const cacheRel = elements((await readPart(first.zip, "xl/_rels/workbook.xml.rels"))!, "Relationship").find((r) => attr(r, "Id") === cacheId)!;
    const pivotPart = Object.keys(first.zip.files).find((p) => /^xl\/pivotTables\/[^/]+\.xml$/.test(p))!;
    const fromTable = elements((await readPart(first.zip, relsOf(pivotPart)))!, "Relationship")[0];
    expect(resolveTarget(attr(fromTable, "Target")!)).toBe(resolveTarget(attr(cacheRel, "Target")!));
  });

  test("every relationship of the copy reaches a part and every part has a content type", async () => {
    expect(await packageProblems(first.zip)).toEqual([]);
  });

  test("scoring the copy again keeps it all once, not twice", async () => {
    const second = await scoreCopy(first.copy, "extras-again");
    expect(second.json.copyLacks).toEqual([]);
    const book = (await readPart(second.zip, "xl/workbook.xml"))!;
    expect(definedNames(book).sort()).toEqual(definedNames((await readPart(first.zip, "xl/workbook.xml"))!).sort());
    const parts = (zip: JSZip) => Object.keys(zip.files).filter((p) => /^xl\/(charts|drawings|pivotTables|pivotCache|externalLinks)\/[^/]+\.xml$/.test(p)).length;
    expect(parts(second.zip)).toBe(parts(first.zip));
    expect(await packageProblems(second.zip)).toEqual([]);
  });
});

test("the seed example's copy lacks nothing of the input and its package hangs together", async () => {
  const { run, json, zip } = await scoreCopy(await fs.readFile(SEED_FILE), "seed");
  expect(run.stderr).toBe("");
  expect(json.copyLacks).toEqual([]);
  expect(await packageProblems(zip)).toEqual([]);
});

test("macros and slicers, which no .xlsx copy keeps, are named on stderr, in the JSON and on 评分汇总", async () => {
  const zip = await JSZip.loadAsync(await fs.readFile(SEED_FILE));
  zip.file("xl/vbaProject.bin", Buffer.from("宏"));
  zip.file("xl/slicers/slicer1.xml", '<?xml version="1.0" encoding="UTF-8"?><slicers xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"/>');
  const input = await zip.generateAsync({ type: "nodebuffer" });
  const { run, json, copy } = await scoreCopy(input, "macros");
  expect(json.copyLacks).toEqual(await copyLosses(input, copy));
  expect(json.copyLacks).toEqual(["宏（VBA 代码） 1 个", "切片器 1 个"]);
  expect(run.stderr).toContain("宏（VBA 代码） 1 个、切片器 1 个");
  expect(run.stderr).toContain("原文件未改动");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(copy as unknown as ArrayBuffer);
  const said: string[] = [];
  workbook.getWorksheet("评分汇总")!.eachRow((row) => said.push(String(row.getCell(1).value ?? "")));
  expect(said.find((s) => s.includes("未能保留"))).toContain("宏（VBA 代码） 1 个、切片器 1 个");
});
