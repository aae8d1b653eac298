import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SHEETS } from "../../src/batch/summaryWorkbook";
import { fillOfCell, plainValue } from "../../src/workbook/exceljs";
import { readBook } from "../helpers/cells";
import { ziping } from "../helpers/cli";
import { departmentBytes } from "../helpers/departments";

let dir: string;
let input: string;

/** The folder a bureau receives: three kinds of department, one in a subfolder, and files that are no workbook. */
const SCORED = ["单位1-满分.xlsx", "单位2-扣分.xlsx", "单位3-矛盾.xlsx", "子目录/单位5-扣分.xlsx"];
const UNSCORABLE = ["损坏.xlsx", "空.xlsx", "说明.xlsx"];

async function docxBytes(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("word/document.xml", "<w:document/>");
  return zip.generateAsync({ type: "nodebuffer" });
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ziping-batch-"));
  input = path.join(dir, "收文");
  await fs.mkdir(path.join(input, "子目录"), { recursive: true });
  await fs.mkdir(path.join(input, ".隐藏目录"));
  await fs.writeFile(path.join(input, SCORED[0]), await departmentBytes(0, "clean"));
  await fs.writeFile(path.join(input, SCORED[1]), await departmentBytes(1, "deducting"));
  await fs.writeFile(path.join(input, SCORED[2]), await departmentBytes(2, "contradicting"));
  await fs.writeFile(path.join(input, SCORED[3]), await departmentBytes(4, "deducting"));
  const whole = await departmentBytes(3, "clean");
  await fs.writeFile(path.join(input, "损坏.xlsx"), whole.subarray(0, whole.length >> 1));
  await fs.writeFile(path.join(input, "空.xlsx"), "");
  await fs.writeFile(path.join(input, "说明.xlsx"), await docxBytes());
  // Excel's lock file, a hidden file and a hidden folder: never scored, never listed.
  await fs.writeFile(path.join(input, "~$单位1-满分.xlsx"), "lock");
  await fs.writeFile(path.join(input, ".单位6.xlsx"), whole);
  await fs.writeFile(path.join(input, ".隐藏目录", "单位7.xlsx"), whole);
  // A link back up the tree: followed once, no loop.
  await fs.symlink("..", path.join(input, "子目录", "回到上级"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every cell's value, fill and note in every sheet, for comparing two copies. */
async function cellsOf(file: string): Promise<Record<string, unknown>> {
  const wb = await readBook(file);
  const out: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    out[`${ws.name}|state`] = ws.state;
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        out[`${ws.name}!${r}:${c}`] = [plainValue(cell.value), fillOfCell(cell), cell.note ?? null];
      }),
    );
  }
  return out;
}

function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => (rows[r - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v && typeof v === "object" && "text" in v ? v.text : v))));
  return rows;
}

describe("a folder scored into an output folder", () => {
  let out: string;
  let run: { code: number; stdout: string; stderr: string };
  let json: { files: Record<string, any>[]; failed: { file: string; message: string }[] };
  beforeAll(async () => {
    out = path.join(dir, "结果");
    run = await ziping("batch", input, "-o", out, "--json", "--jobs", "2");
    json = JSON.parse(run.stdout);
  });

  test("exit 0 with failed files; stdout holds only the JSON; progress goes to stderr line by line", () => {
    expect(run.code).toBe(0);
    expect(Object.keys(json)).toEqual(["files", "failed"]);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(SCORED.length + UNSCORABLE.length);
    expect(lines.map((l) => /^\[(\d+)\/7\] /.exec(l)?.[1])).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    expect(lines).toContainEqual(expect.stringMatching(/^\[\d\/7\] 单位3-矛盾\.xlsx：核算 85\.6 分（良）$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\[\d\/7\] 空\.xlsx：未能评分：不是有效的 \.xlsx 文件/));
  });

  test("the JSON lists each scored file in path order with its scores, counts and copy", () => {
    expect(json.files.map((f) => f.file)).toEqual(SCORED);
    expect(json.files.map((f) => f.output)).toEqual(SCORED);
    expect(json.files[2]).toEqual({
      file: "单位3-矛盾.xlsx",
      unit: "示例第3号单位",
      year: 2024,
      total: { max: 100, declared: 92, computed: 85.6, checked: { indicators: 9, of: 12, points: 75 } },
      grade: "良",
      declaredGrade: "优",
      counts: { deduction: 5, mismatch: 6, "missing-reason": 0, invalid: 1, manual: 0 },
      output: "单位3-矛盾.xlsx",
      copyLacks: [],
    });
  });

  test("each failure carries the message ziping score gives for the same file", async () => {
    expect(json.failed.map((f) => f.file)).toEqual(UNSCORABLE);
    for (const failed of json.failed) {
      const single = await ziping("score", path.join(input, failed.file), "-o", path.join(dir, "never.xlsx"));
      expect(single.code).toBe(1);
      expect(single.stderr).toBe(`ziping：${failed.message}\n`);
    }
    expect(json.failed[2].message).toBe("说明.xlsx：不是 Excel 工作簿（压缩包中没有 xl/workbook.xml，可能是改了扩展名的 Word 或其他文件）");
  });

  test("lock files, hidden files and hidden folders are neither scored nor copied", async () => {
    const written = (await fs.readdir(out, { recursive: true })).map(String).sort();
    expect(written).toEqual(["单位1-满分.xlsx", "单位2-扣分.xlsx", "单位3-矛盾.xlsx", "子目录", "子目录/单位5-扣分.xlsx", "评分汇总.html", "评分汇总表.xlsx"].sort());
  });

  test("each scored copy is what ziping score writes for the same file", async () => {
    for (const file of SCORED) {
      const single = path.join(dir, "single", file);
      expect((await ziping("score", path.join(input, file), "-o", single)).code).toBe(0);
      expect({ file, cells: await cellsOf(path.join(out, file)) }).toEqual({ file, cells: await cellsOf(single) });
    }
  });

  test("评分汇总表 ranks the departments, counts their findings, links to each copy and lists the failures", async () => {
    const wb = await readBook(path.join(out, "评分汇总表.xlsx"));
    const ranking = sheetRows(wb.getWorksheet(SHEETS.ranking)!);
    expect(ranking.slice(1, 5).map((r) => [r[0], r[1], r[3], r[4], r[6], r[8], r[9], r[12], r[13]])).toEqual([
      [1, "示例第1号单位", 100, 100, "优", 0, 0, 3, "单位1-满分.xlsx"],
      [2, "示例第5号单位", 94, 94, "优", 4, 0, 1, "子目录/单位5-扣分.xlsx"],
      [3, "示例第2号单位", 93, 93, "优", 5, 0, 0, "单位2-扣分.xlsx"],
      [4, "示例第3号单位", 92, 85.6, "良", 5, 6, 0, "单位3-矛盾.xlsx"],
    ]);
    // Every link leads, from the summary's folder, to the copy of that row's file.
    const ws = wb.getWorksheet(SHEETS.ranking)!;
    for (let r = 2; r <= 5; r++) {
      const link = ws.getCell(r, 14).value as ExcelJS.CellHyperlinkValue;
      expect(link.hyperlink).toBe(link.text);
      await expect(fs.access(path.join(out, decodeURI(link.hyperlink)))).resolves.toBeUndefined();
    }
    const findings = sheetRows(wb.getWorksheet(SHEETS.findings)!);
    expect(findings).toHaveLength(1 + json.files.reduce((n, f) => n + Object.values(f.counts as Record<string, number>).reduce((a, b) => a + b, 0), 0));
    expect((wb.getWorksheet(SHEETS.findings)!.getCell("F2").value as ExcelJS.CellHyperlinkValue).hyperlink).toMatch(/^单位1-满分\.xlsx#'评分表'!I\d+$/);
    expect(sheetRows(wb.getWorksheet(SHEETS.failures)!).slice(1).map((r) => r[0])).toEqual(UNSCORABLE);
  });

  test("评分汇总.html ranks the same departments and loads nothing", async () => {
    const html = await fs.readFile(path.join(out, "评分汇总.html"), "utf8");
    const at = ["示例第1号单位", "示例第5号单位", "示例第2号单位", "示例第3号单位"].map((u) => html.indexOf(`<td>${u}</td>`));
    expect(at.every((x, i) => x > 0 && (i === 0 || x > at[i - 1]))).toBe(true);
    expect(html).not.toMatch(/https?:|\/\/|url\(|<script|<link|<img|<[^>]*\ssrc=/i);
  });
});

test("without -o the results go beside the folder, and the report says where", async () => {
  const r = await ziping("batch", path.join(input, "子目录"));
  expect(r.code).toBe(0);
  const beside = path.join(input, "子目录-评分");
  // The link back up (回到上级) leads to the whole folder: its workbooks are found once each.
  expect(r.stdout).toContain(`已评分 4 个文件，未能评分 3 个：\n  回到上级/损坏.xlsx：文件已损坏`);
  expect(r.stdout).toContain(`评分汇总表：${path.join(beside, "评分汇总表.xlsx")}`);
  await expect(fs.access(path.join(beside, "单位5-扣分.xlsx"))).resolves.toBeUndefined();
  await fs.rm(beside, { recursive: true });
});

test("an output folder inside the scanned folder is never read as input", async () => {
  const inside = path.join(input, "结果");
  expect((await ziping("batch", input, "-o", inside)).code).toBe(0);
  const again = await ziping("batch", input, "-o", inside, "--json");
  expect(again.code).toBe(0);
  expect(JSON.parse(again.stdout).files.map((f: { file: string }) => f.file)).toEqual(SCORED);
  await fs.rm(inside, { recursive: true });
});

test("a department's file named like the summary keeps its copy apart from the summary", async () => {
  const folder = path.join(dir, "同名");
  await fs.mkdir(folder);
  await fs.writeFile(path.join(folder, "评分汇总表.xlsx"), await departmentBytes(1, "deducting"));
  const r = await ziping("batch", folder, "--json");
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).files).toMatchObject([{ file: "评分汇总表.xlsx", output: "评分汇总表-评分.xlsx", unit: "示例第2号单位" }]);
  const summary = await readBook(path.join(`${folder}-评分`, "评分汇总表.xlsx"));
  expect((summary.getWorksheet(SHEETS.ranking)!.getCell("N2").value as ExcelJS.CellHyperlinkValue).hyperlink).toBe("评分汇总表-评分.xlsx");
  expect((await readBook(path.join(`${folder}-评分`, "评分汇总表-评分.xlsx"))).getWorksheet("评分表")).toBeDefined();
});

describe("usage errors exit 2 before anything is written", () => {
  test.each([
    ["the folder itself as output", () => [input, "-o", input], /输出文件夹不能是要评分的文件夹/],
    ["a link to the folder as output", () => [input, "-o", path.join(dir, "链接")], /输出文件夹不能是要评分的文件夹/],
    ["a file as output", () => [input, "-o", path.join(input, SCORED[0])], /输出文件夹 .* 是一个文件/],
    ["a missing folder", () => [path.join(dir, "没有")], /找不到文件夹/],
    ["a file instead of a folder", () => [path.join(input, SCORED[0])], /不是文件夹：.*单个文件请用 ziping score/],
    ["--jobs 0", () => [input, "--jobs", "0"], /--jobs 应为 1 到 8 之间的整数/],
  ])("%s", async (_, args, message) => {
    await fs.symlink(input, path.join(dir, "链接")).catch(() => undefined);
    const r = await ziping("batch", ...args());
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toMatch(message);
  });

  test("a copy that would land on an input file (through a link) is refused, and nothing is written", async () => {
    const out = path.join(dir, "链接的输出");
    await fs.mkdir(out);
    await fs.symlink(path.join(input, SCORED[1]), path.join(out, SCORED[1]));
    const r = await ziping("batch", input, "-o", out);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toContain(`输出文件不能与输入文件相同`);
    expect(await fs.readdir(out)).toEqual([SCORED[1]]);
  });
});

test("a folder with no workbook says so and exits 1", async () => {
  const empty = path.join(dir, "空文件夹");
  await fs.mkdir(empty);
  await fs.writeFile(path.join(empty, "~$锁.xlsx"), "lock");
  const r = await ziping("batch", empty);
  expect(r).toMatchObject({ code: 1, stdout: "" });
  expect(r.stderr).toContain("中没有找到 .xlsx 工作簿");
  await expect(fs.access(`${empty}-评分`)).rejects.toThrow();
});
