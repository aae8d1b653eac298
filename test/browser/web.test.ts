/**
 * The web page (dist/web.html) in headless Chromium, served on 127.0.0.1 and opened as a local file: workbooks go in
 * through the file input, and what comes out (the card, the findings, the draft, the downloaded copies and the zip)
 * is what the command line makes of the same files.
 */
import { mkdir, readdir, readFile, rm, writeFile } from "fs/promises";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Browser, Download, Page } from "playwright-core";
import { batchSummaryHtml } from "../../src/batch/summaryPage";
import { batchSummaryWorkbook } from "../../src/batch/summaryWorkbook";
import type { BatchEntry, BatchFailure } from "../../src/batch/summaryRows";
import { loadProfile } from "../../src/cli/loadProfile";
import { scoreFile } from "../../src/cli/scoreFile";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { departmentBytes } from "../helpers/departments";
import { buildPages } from "./buildPages";
import { launchBrowser } from "./launchBrowser";
import { serveDirectory, type StaticServer } from "./staticServer";

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, "test-output");
const SITE = path.join(OUT, "web-site");
/** The command line's outputs and the files uploaded, to compare with. */
const WORK = path.join(OUT, "web-files");
const EXAMPLES = path.join(ROOT, "examples");
const profile = getBuiltInProfile("default");

let browser: Browser;
let server: StaticServer;
let examples: string[];

beforeAll(async () => {
  await rm(SITE, { recursive: true, force: true });
  await rm(WORK, { recursive: true, force: true });
  await mkdir(WORK, { recursive: true });
  await buildPages(SITE, {}, ["web", "scoring"]);
  examples = (await readdir(EXAMPLES)).filter((f) => f.endsWith(".xlsx")).sort();
  server = await serveDirectory(SITE);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  requests: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

/** The page, with every request it makes recorded and anything not on 127.0.0.1 (or the local file) refused. */
async function open(url: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const requests: string[] = [];
  const pageErrors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.route("**/*", (route) => {
    const u = route.request().url();
    return u.startsWith(server.origin + "/") || u.startsWith("file://") ? route.continue() : route.abort();
  });
  await page.goto(url);
  return { page, requests, pageErrors, close: () => context.close() };
}

/** Every cell of every sheet with content or style: its value, its fill and its note. */
function cells(wb: ExcelJS.Workbook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        out[`${ws.name}!${cell.address}`] = { value: cell.value ?? null, fill: cell.fill ?? null, note: cell.note ?? null };
      })
    );
  }
  return out;
}

async function book(bytes: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent("download"), click()])) as [Download, void];
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** Upload through the file input, as the 选择文件 button does. */
async function upload(page: Page, files: string[]): Promise<void> {
  await page.getByLabel("选择自评表文件").setInputFiles(files);
}


/** How often the page fetched the worker's script: once per worker started. */
const workerLoads = (requests: string[]) => requests.filter((u) => /\/scoring\.[0-9a-f]+\.js$/.test(u)).length;

/** The page's own assets: the files of the built site. */
async function siteFiles(): Promise<Set<string>> {
  return new Set((await readdir(SITE)).map((f) => `${server.origin}/${f}`));
}

test("the page's policy lets it load from its own site and connect nowhere", async () => {
  const html = await readFile(path.join(SITE, "web.html"), "utf8");
  expect(html).toContain("<title>绩效自评助手 网页版</title>");
  const csp = /http-equiv=Content-Security-Policy content="([^"]*)"/.exec(html)?.[1] ?? "";
  expect(csp.split("; ")).toEqual(expect.arrayContaining(["default-src 'none'", "script-src 'self'", "worker-src 'self'", "connect-src 'none'"]));
  expect(csp.match(/https?:|\*/g)).toBeNull();
  // No office.js: the page needs no Office at all.
  expect(html).not.toContain("office.js");
});

test("scores the examples uploaded together; each card, list, draft and downloaded copy is the command line's", async () => {
  const { page, requests, pageErrors, close } = await open(`${server.origin}/web.html`);
  try {
    await page.getByText("工作簿不会上传或发送到任何地方").waitFor();
    await upload(page, examples.map((f) => path.join(EXAMPLES, f)));
    await page.getByText(`已评分 ${examples.length} 个文件`).waitFor();

    for (const example of examples) {
      const stem = example.replace(/\.xlsx$/, "");
      const cliCopy = path.join(WORK, `${stem}-评分.xlsx`);
      const cli = await scoreFile(path.join(EXAMPLES, example), profile, cliCopy);
      const item = page.locator(`[aria-label="${example}"]`);
      await item.getByRole("button").first().click();

      const card = item.getByLabel("评分结果", { exact: true });
      const cardText = await card.innerText();
      expect(cardText).toContain(String(cli.result.total.declared));
      expect(cardText).toContain(String(cli.result.total.computed));
      expect(cardText).toContain(`（${cli.result.grade}）`);
      const marked = new Set(cli.result.findings.filter((f) => !f.confirmed).map((f) => `${f.sheet}!${f.cell}`)).size;
      expect(cardText).toContain(`已标注 ${marked} 个单元格`);
      expect(await item.locator("section button").count()).toBe(cli.result.findings.length);
      if (cli.result.narrative) expect((await item.getByRole("textbox", { name: "自评报告草稿" }).inputValue()).replace(/\r\n/g, "\n")).toBe(cli.result.narrative);

      const copy = await downloaded(page, () => item.getByRole("button", { name: /下载评分副本/ }).click());
      expect(copy.name).toBe(`${stem}-评分.xlsx`);
      expect(cells(await book(copy.bytes))).toEqual(cells(await book(await readFile(cliCopy))));
    }
    await page.screenshot({ path: path.join(OUT, "web.png"), fullPage: true });

    // Nothing but the page's own files was asked for, and the worker did the scoring.
    const own = await siteFiles();
    expect(requests.filter((u) => !own.has(u))).toEqual([]);
    expect(workerLoads(requests)).toBe(1);
    expect(requests.some((u) => /scoring-in-page/.test(u))).toBe(false);
    // And it could not connect anywhere if it tried: not even to its own site.
    expect(await page.evaluate(() => fetch("web.html").then(() => "fetched", () => "refused"))).toBe("refused");
    expect(pageErrors).toEqual([]);
  } finally {
    await close();
  }
});

test("scores 20 files, one broken, while the page responds; the zip holds the copies and the batch summary", async () => {
  const files: string[] = [];
  for (let n = 0; n < 19; n++) {
    const file = path.join(WORK, `单位${String(n + 1).padStart(2, "0")}.xlsx`);
    await writeFile(file, await departmentBytes(n));
    files.push(file);
  }
  // Cut short, as a copy interrupted halfway.
  const broken = path.join(WORK, "残缺.xlsx");
  const whole = await readFile(path.join(EXAMPLES, examples[0]));
  await writeFile(broken, whole.subarray(0, whole.length >> 1));
  files.splice(7, 0, broken);
  const brokenMessage = await scoreFile(broken, profile, null).then(
    () => "scored",
    (e: Error) => e.message
  );
  expect(brokenMessage).toContain("残缺.xlsx：文件已损坏");

  const { page, requests, pageErrors, close } = await open(`${server.origin}/web.html`);
  try {
    await upload(page, files);
    // While the worker scores, the page takes typing: each keystroke is handled (and the list filtered) while the
    // progress still says 正在评分, as the page itself records at that moment.
    await page.getByText(/^正在评分 \d+ \/ 20/).waitFor();
    const filter = page.getByRole("textbox", { name: "按文件名筛选" });
    await filter.evaluate((input) => {
      const seen: string[] = ((window as unknown as { __typed: string[] }).__typed = []);
      input.addEventListener("input", () => seen.push(document.body.innerText.match(/(正在评分|已评分) [^\n]*/)?.[0] ?? ""));
    });
    await filter.pressSequentially("单位0");
    await page.getByText("已评分 19 个文件，1 个无法评分").waitFor();
    const typed = await page.evaluate(() => (window as unknown as { __typed: string[] }).__typed);
    expect(typed).toHaveLength("单位0".length);
    for (const line of typed) expect(line).toMatch(/^正在评分 \d+ \/ 20/);
    expect(await filter.inputValue()).toBe("单位0");
    expect(await page.locator('[aria-label^="单位0"]').count()).toBe(9);
    await filter.fill("");

    // The broken file says what the command line says, and the others were scored all the same.
    const failed = page.locator('[aria-label="残缺.xlsx"]');
    expect(await failed.innerText()).toContain("无法评分");
    await failed.getByRole("button").first().click();
    expect(await failed.getByText(brokenMessage).count()).toBe(1);
    await page.screenshot({ path: path.join(OUT, "web-20.png"), fullPage: true });

    const zipped = await downloaded(page, () => page.getByRole("button", { name: /下载全部评分结果/ }).click());
    expect(zipped.name).toBe("评分结果.zip");
    const zip = await JSZip.loadAsync(zipped.bytes);
    const names = Object.keys(zip.files).sort();
    const copies = files.filter((f) => f !== broken).map((f) => path.basename(f));
    expect(names).toEqual([...copies, "评分汇总.html", "评分汇总表.xlsx"].sort());

    // The summary workbook and page are `ziping batch`'s for the same files, as the command line scores them.
    const entries: BatchEntry[] = [];
    for (const file of files.filter((f) => f !== broken)) {
      const { result, copyLacks } = await scoreFile(file, profile, null);
      entries.push({ file: path.basename(file), output: path.basename(file), result, copyLacks });
    }
    const failures: BatchFailure[] = [{ file: "残缺.xlsx", message: brokenMessage }];
    const summary = await zip.file("评分汇总表.xlsx")!.async("uint8array");
    expect(cells(await book(summary))).toEqual(cells(await book(await batchSummaryWorkbook(entries, failures))));
    expect(await zip.file("评分汇总.html")!.async("string")).toBe(batchSummaryHtml(entries, failures));

    const own = await siteFiles();
    expect(requests.filter((u) => !own.has(u))).toEqual([]);
    // One worker scored all twenty.
    expect(workerLoads(requests)).toBe(1);
    expect(pageErrors).toEqual([]);
  } finally {
    await close();
  }
  // Twenty workbooks scored twice (in the page and by the command line) on a shared two-core machine.
}, 240_000);

test("a chosen folder gives its workbooks, by their paths in it; a dropped one too, and dropped files as they are", async () => {
  const folder = path.join(WORK, "部门报送");
  await mkdir(path.join(folder, "2024"), { recursive: true });
  await writeFile(path.join(folder, "2024", "单位A.xlsx"), await departmentBytes(0));
  await writeFile(path.join(folder, "单位B.xlsx"), await departmentBytes(1));
  await writeFile(path.join(folder, "2024", "说明.docx"), "不是工作簿");
  await writeFile(path.join(folder, "2024", "~$单位A.xlsx"), "Excel 打开时留下的锁文件");
  const { page, close } = await open(`${server.origin}/web.html`);
  try {
    await page.getByLabel("选择文件夹").setInputFiles(folder);
    await page.getByText("已评分 2 个文件").waitFor();
    // Paths inside the chosen folder, as `ziping batch 部门报送` names them and lays out its output folder.
    expect(await page.locator('[aria-label="2024/单位A.xlsx"]').innerText()).toContain("核算");
    expect(await page.locator('[aria-label="单位B.xlsx"]').count()).toBe(1);
    const zipped = await downloaded(page, () => page.getByRole("button", { name: /下载全部评分结果/ }).click());
    const zip = await JSZip.loadAsync(zipped.bytes);
    expect(Object.keys(zip.files).filter((f) => !f.endsWith("/")).sort()).toEqual(["2024/单位A.xlsx", "单位B.xlsx", "评分汇总.html", "评分汇总表.xlsx"]);

    // Dropped files (here made in the page, as a drag from the desktop brings them).
    const bytes = [...(await departmentBytes(2))];
    const dropped = await page.evaluateHandle((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], "拖来的.xlsx"));
      transfer.items.add(new File(["不是工作簿"], "备注.txt"));
      return transfer;
    }, bytes);
    await page.getByRole("region", { name: "拖放自评表" }).dispatchEvent("drop", { dataTransfer: dropped });
    await page.getByText("已评分 1 个文件，1 个无法评分").waitFor();
    expect(await page.locator('[aria-label="拖来的.xlsx"]').innerText()).toContain("核算");
    expect(await page.locator('[aria-label="备注.txt"]').innerText()).toContain("无法评分");
  } finally {
    await close();
  }
});

test("a city's rules file is used as ziping score --profile uses it; a broken one is refused with the command line's message", async () => {
  const rulesFile = path.join(WORK, "雷州规则.json");
  await writeFile(rulesFile, JSON.stringify({ ...profile, id: "leizhou", name: "雷州市部门整体支出绩效评价规则" }));
  const brokenFile = path.join(WORK, "有误的规则.json");
  await writeFile(brokenFile, "{ 不是 JSON");
  const seed = examples.find((f) => f.startsWith("雷州"))!;
  const cliCopy = path.join(WORK, "按规则文件-评分.xlsx");
  await scoreFile(path.join(EXAMPLES, seed), await loadProfile(rulesFile), cliCopy);
  // The command line's words, without the parser's own detail (Chromium's V8 words it differently from Node's).
  const cliBroken = await loadProfile(brokenFile).then(
    () => "",
    (e: Error) => e.message.replace(brokenFile, path.basename(brokenFile)).split("：")[0],
  );
  const { page, pageErrors, close } = await open(`${server.origin}/web.html`);
  try {
    await page.getByLabel("选择评分规则文件").setInputFiles(brokenFile);
    await page.getByText("评分规则文件有误，仍用原来的规则").waitFor();
    expect(cliBroken).toBe("评分规则文件 有误的规则.json 不是有效的 JSON");
    expect(await page.locator("body").innerText()).toContain(`${cliBroken}：`);
    await page.getByLabel("选择评分规则文件").setInputFiles(rulesFile);
    await page.getByText("正在使用评分规则文件 雷州规则.json（雷州市部门整体支出绩效评价规则）").waitFor();
    await upload(page, [path.join(EXAMPLES, seed)]);
    await page.getByText("已评分 1 个文件").waitFor();
    const copy = await downloaded(page, () => page.getByRole("button", { name: /下载评分副本/ }).click());
    const web = await book(copy.bytes);
    expect(String(web.getWorksheet("评分汇总")!.getCell("A2").value)).toContain("评分规则：leizhou；");
    expect(cells(web)).toEqual(cells(await book(await readFile(cliCopy))));
    expect(pageErrors).toEqual([]);
  } finally {
    await close();
  }
});

test("opened as a local file (file://), where Chrome starts no worker, it scores in the page", async () => {
  const example = examples.find((f) => f.startsWith("雷州市"))!;
  const cliCopy = path.join(WORK, "file-cli.xlsx");
  await scoreFile(path.join(EXAMPLES, example), profile, cliCopy);
  const { page, requests, pageErrors, close } = await open(`file://${SITE}/web.html`);
  try {
    await page.getByText("本页是从本机文件直接打开的").waitFor();
    await upload(page, [path.join(EXAMPLES, example)]);
    await page.getByText("已评分 1 个文件").waitFor();
    const copy = await downloaded(page, () => page.getByRole("button", { name: /下载评分副本/ }).click());
    expect(cells(await book(copy.bytes))).toEqual(cells(await book(await readFile(cliCopy))));
    expect(requests.every((u) => u.startsWith(`file://${SITE}/`))).toBe(true);
    expect(pageErrors).toEqual([]);
  } finally {
    await close();
  }
});
