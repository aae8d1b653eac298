/**
 * 评分汇总.html in headless Chromium, served from 127.0.0.1: it renders its histogram, ranking and kinds from inline
 * styles and drawings alone, requests nothing but itself, and a department named like markup stays text.
 */
import { mkdtemp, rm, writeFile } from "fs/promises";
import os from "os";
import * as path from "path";
import type { Browser } from "playwright-core";
import { batchSummaryHtml } from "../../src/batch/summaryPage";
import { BatchEntry } from "../../src/batch/summaryRows";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { scoreXlsx } from "../../src/workbook/scoreXlsx";
import { departmentBytes } from "../helpers/departments";
import { launchBrowser } from "./launchBrowser";
import { serveDirectory, type StaticServer } from "./staticServer";

const OUT = path.resolve(__dirname, "../../test-output");
const HOSTILE = `<img src="http://example.com/x.png" onerror="window.__ran=1">局`;
let site: string;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const entries: BatchEntry[] = [];
  for (let n = 0; n < 6; n++) {
    const file = `单位${n + 1}.xlsx`;
    const { result } = await scoreXlsx(await departmentBytes(n), file, getBuiltInProfile("default"), false);
    entries.push({ file, output: file, result: n === 2 ? { ...result, unit: HOSTILE } : result, copyLacks: [] });
  }
  site = await mkdtemp(path.join(os.tmpdir(), "ziping-batch-page-"));
  await writeFile(path.join(site, "评分汇总.html"), batchSummaryHtml(entries, [{ file: "损坏.xlsx", message: "损坏.xlsx：文件已损坏" }]));
  server = await serveDirectory(site);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(site, { recursive: true, force: true });
});

test("the summary page renders from itself alone and requests nothing else", async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => ((window as unknown as { __csp?: string[] }).__csp ??= []).push(e.blockedURI)));
    await page.goto(`${server.origin}/${encodeURIComponent("评分汇总.html")}`);
    await page.waitForLoadState("load");

    expect(await page.locator("h1").textContent()).toBe("评分汇总");
    // Six departments ranked, the hostile name shown as text; six score bars a row apart; histogram bars drawn.
    const units = await page.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(units.slice(0, 6)).toEqual(["示例第1号单位", "示例第4号单位", "示例第5号单位", "示例第2号单位", "示例第6号单位", HOSTILE]);
    expect(await page.locator("svg[aria-label=核算得分分布] rect").count()).toBe(9);
    const tallest = await page.locator("svg[aria-label=核算得分分布] rect").evaluateAll((rects) => Math.max(...rects.map((r) => r.getBoundingClientRect().height)));
    expect(tallest).toBeGreaterThan(100);
    expect(await page.getByText("未能评分的文件（1 个）").count()).toBe(1);
    await page.screenshot({ path: path.join(OUT, "batch-summary-page.png"), fullPage: true });

    expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
    expect(requests).toEqual([`${server.origin}/${encodeURIComponent("评分汇总.html")}`]);
  } finally {
    await context.close();
  }
});
