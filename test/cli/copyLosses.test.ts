/**
 * What the scored copy cannot keep is never lost silently: the command names it on stderr and in the JSON, read by
 * comparing the input and copy packages.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { copyLosses } from "../../src/workbook/copyLosses";
import { ziping } from "../helpers/cli";
import { SEED_FILE } from "../helpers/snapshots";

/** The seed example with a constant name, a workbook protection, an external link part and a chart part added. */
async function seedWithExtras(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await fs.readFile(SEED_FILE));
  let workbook = await zip.file("xl/workbook.xml")!.async("string");
  workbook = workbook.replace("<sheets>", '<workbookProtection lockStructure="1"/><sheets>');
  workbook = workbook.includes("<definedNames>")
    ? workbook.replace("<definedNames>", '<definedNames><definedName name="税率">0.05</definedName>')
    : workbook.replace("</sheets>", '</sheets><definedNames><definedName name="税率">0.05</definedName></definedNames>');
  zip.file("xl/workbook.xml", workbook);
  zip.file("xl/externalLinks/externalLink1.xml", '<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
  zip.file("xl/charts/chart1.xml", '<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
  return zip.generateAsync({ type: "nodebuffer" });
}

test("the seed example's copy lacks nothing of the input", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ziping-losses-"));
  const out = path.join(dir, "copy.xlsx");
  const run = await ziping("score", SEED_FILE, "-o", out);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe("");
  expect(await copyLosses(await fs.readFile(SEED_FILE), await fs.readFile(out))).toEqual([]);
});

test("names, protection, links and charts the copy cannot keep are named on stderr and in the JSON", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ziping-losses-"));
  const input = path.join(dir, "extras.xlsx");
  await fs.writeFile(input, await seedWithExtras());
  const out = path.join(dir, "copy.xlsx");
  const run = await ziping("score", input, "-o", out, "--json");
  expect(run.code).toBe(0);
  const lacks: string[] = JSON.parse(run.stdout).copyLacks;
  // Whatever the copy lacks is said; what it kept is not claimed lost.
  const actual = await copyLosses(await fs.readFile(input), await fs.readFile(out));
  expect(lacks).toEqual(actual);
  for (const feature of ["工作簿结构保护", "外部链接", "图表"]) expect(lacks.join("")).toContain(feature);
  for (const l of lacks) expect(run.stderr).toContain(l);
  expect(run.stderr).toContain("原文件未改动");
});
