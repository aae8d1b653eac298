/**
 * The intranet build in headless Chromium with the real office.js from @microsoft/office-js, served on 127.0.0.1 and
 * opened outside Office: every byte comes from the add-in's own site, and the pane says it belongs in Excel.
 */
import { readdir, readFile, rm } from "fs/promises";
import * as path from "path";
import type { Browser } from "playwright-core";
import { buildPages } from "./buildPages";
import { launchBrowser } from "./launchBrowser";
import { serveDirectory, type StaticServer } from "./staticServer";

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, "test-output");
const SITE = path.join(OUT, "intranet-site");
const BASE = "https://内网地址/ziping/";
const OFFICE_DIST = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

const site = require(path.join(ROOT, "scripts/site.js")) as {
  OFFICE_DIR: string;
  parseBase(text: string): string;
  rebaseManifest(xml: string, base: string): string;
};

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  await rm(SITE, { recursive: true, force: true });
  await buildPages(SITE, { intranet: true, base: BASE });
  server = await serveDirectory(SITE);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

test("dist/ holds office.js and every runtime file of @microsoft/office-js, unchanged", async () => {
  const shipped = (await filesUnder(OFFICE_DIST)).filter((f) => !/\.debug\.js$|\.d\.ts$|vsdoc/.test(f)).sort();
  const copied = (await filesUnder(path.join(SITE, site.OFFICE_DIR))).sort();
  expect(copied).toEqual(shipped);
  // The loader and what it fetches for Excel in Chinese: the Windows host script and the zh-cn strings.
  for (const file of ["office.js", "excel-win32-16.01.js", "zh-cn/office_strings.js"]) {
    expect(copied).toContain(file);
    const same = (await readFile(path.join(SITE, site.OFFICE_DIR, file))).equals(await readFile(path.join(OFFICE_DIST, file)));
    expect({ file, same }).toEqual({ file, same: true });
  }
});

test("dist/manifest.xml is manifest.xml moved under the base", async () => {
  const manifest = await readFile(path.join(ROOT, "manifest.xml"), "utf8");
  const built = await readFile(path.join(SITE, "manifest.xml"), "utf8");
  expect(built).toBe(site.rebaseManifest(manifest, site.parseBase(BASE)));
  expect(built).not.toContain("localhost");
});

test.each(["taskpane.html", "commands.html", "notice.html"])(
  "%s loads its own office.js under a CSP that names no other origin",
  async (page) => {
    const html = await readFile(path.join(SITE, page), "utf8");
    expect(html).toContain(`<script src=${site.OFFICE_DIR}/office.js>`);
    const csp = /http-equiv=Content-Security-Policy content="([^"]*)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("script-src 'self';");
    expect(csp.match(/https?:|\*/g)).toBeNull();
  }
);

test("outside Office the pane asks to be opened in Excel, and no request leaves 127.0.0.1", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  context.setDefaultTimeout(30_000);
  try {
    const page = await context.newPage();
    const hosts: string[] = [];
    const pageErrors: string[] = [];
    page.on("request", (r) => hosts.push(new URL(r.url()).hostname));
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    // Nothing is routed or stubbed: a request for another host would fail, and is recorded all the same.
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByText("请在 Excel 中打开").waitFor();
    expect(await page.getByText("无法连接 Excel").count()).toBe(1);
    // The real office.js ran (it, not its absence, told the pane there is no Excel).
    expect(await page.evaluate(() => typeof (window as { Office?: { onReady?: unknown } }).Office?.onReady)).toBe("function");
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, "taskpane-intranet-outside-office.png") });

    expect(hosts.length).toBeGreaterThan(2);
    expect([...new Set(hosts)]).toEqual(["127.0.0.1"]);
    expect(pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test("the web page works from the intranet site too: it scores a workbook and asks nothing of any other host", async () => {
  const html = await readFile(path.join(SITE, "web.html"), "utf8");
  expect(html).toContain("connect-src 'none'");
  expect(html).not.toContain("office.js");
  const context = await browser.newContext();
  context.setDefaultTimeout(30_000);
  try {
    const page = await context.newPage();
    const hosts: string[] = [];
    page.on("request", (r) => hosts.push(new URL(r.url()).hostname));
    await page.goto(`${server.origin}/web.html`);
    await page.getByLabel("选择自评表文件").setInputFiles(path.join(ROOT, "examples", "雷州市科工贸和信息化局-2024-自评表.xlsx"));
    await page.getByText("已评分 1 个文件").waitFor();
    expect(await page.getByLabel("评分结果", { exact: true }).innerText()).toContain("雷州市科工贸和信息化局");
    expect([...new Set(hosts)]).toEqual(["127.0.0.1"]);
  } finally {
    await context.close();
  }
});
