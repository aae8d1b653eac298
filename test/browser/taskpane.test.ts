/**
 * The built add-in pages in headless Chromium: office.js is replaced by a stub whose Excel is FakeExcel over an
 * example workbook, so the real bundle scores, marks, selects and clears as it would in Excel.
 */
import { copyFile, mkdir, readdir, readFile, rm } from "fs/promises";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { scoreWorkbook } from "../../src/core/engine";
import type { ScoreResult } from "../../src/core/model";
import { BUILT_IN_PROFILES } from "../../src/core/rules/profiles";
import { snapshotOf } from "../../src/workbook/exceljs";
import { readBook } from "../helpers/cells";
import { buildOfficeStub, buildPages } from "./buildPages";
import { launchBrowser } from "./launchBrowser";
import { serveDirectory, type StaticServer } from "./staticServer";

const ROOT = path.resolve(__dirname, "../..");
const { OFFICE_CDN: OFFICE_JS, OFFICE_DIR } = require(path.join(ROOT, "scripts/site.js")) as { OFFICE_CDN: string; OFFICE_DIR: string };
const OUT = path.join(ROOT, "test-output");
const SITE = path.join(OUT, "browser-site");
/** The example with every kind of finding: deductions, mismatches, a missing reason, a data error, manual checks. */
const EXAMPLE = path.join(ROOT, "examples", "示例-数据与自评不符-2024-自评表.xlsx");

/** The test hooks officeStub.ts and the init script put on window. */
interface Hooks {
  __csp: string[];
  __fake: {
    selectedAddress(): string | null;
    sheetNames(): string[];
    edit(sheet: string, cell: string, value: string | number): void;
    cell(sheet: string, address: string): { fill: string | null; note: string | null };
    save(): Promise<void>;
    syncCount(): number;
  };
  __office: {
    actionNames(): string[];
    invoke(name: string): Promise<void>;
    dialogUrls(): string[];
    closeDialog(index: number): void;
  };
  __completed: boolean;
}

let browser: Browser;
let server: StaticServer;
let stub: string;
/** What the engine makes of the example in Node, to compare the pane against. */
let expected: ScoreResult;

beforeAll(async () => {
  await rm(SITE, { recursive: true, force: true });
  await mkdir(SITE, { recursive: true });
  await buildPages(SITE);
  stub = await readFile(await buildOfficeStub(path.join(OUT, "browser-stub")), "utf8");
  await copyFile(EXAMPLE, path.join(SITE, "fixture.xlsx"));
  await writeFixtures();
  expected = scoreWorkbook(snapshotOf(await readBook(EXAMPLE)), BUILT_IN_PROFILES[0]);
  server = await serveDirectory(SITE);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Workbooks for the unhappy paths: one with no scoring table, one whose scoring sheet is protected. */
async function writeFixtures(): Promise<void> {
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet("说明").addRow(["本表只有说明文字"]);
  await empty.xlsx.writeFile(path.join(SITE, "no-table.xlsx"));

  const locked = await readBook(EXAMPLE);
  await locked.getWorksheet("评分表")?.protect("", {});
  await locked.xlsx.writeFile(path.join(SITE, "protected.xlsx"));
}

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for, including the ones we answered or refused ourselves. */
  requests: string[];
  pageErrors: string[];
}

/** A page whose office.js is our stub, or missing (404); nothing else may leave 127.0.0.1. */
async function open(file: string, office: "stub" | "missing", width = 400): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  // Well above what any step takes, well below jest's limit, so a failure names the step that hung.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const requests: string[] = [];
  const pageErrors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  // Later routes win: anything not local is refused, then office.js is answered.
  await page.route("**/*", (route) =>
    route.request().url().startsWith(server.origin + "/") ? route.continue() : route.abort()
  );
  await page.route(OFFICE_JS, (route) =>
    office === "stub"
      ? route.fulfill({ status: 200, contentType: "text/javascript", body: stub })
      : route.fulfill({ status: 404, body: "" })
  );
  await page.goto(`${server.origin}/${file}`);
  return { context, page, requests, pageErrors };
}

function foreignRequests(requests: string[]): string[] {
  return requests.filter((url) => !url.startsWith(server.origin + "/") && url !== OFFICE_JS);
}

/** The page is no wider than the viewport: nothing to scroll sideways to. */
async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

test("the CDN build ships manifest.xml as it is and no copy of office.js", async () => {
  expect(await readFile(path.join(SITE, "manifest.xml"), "utf8")).toBe(await readFile(path.join(ROOT, "manifest.xml"), "utf8"));
  await expect(readdir(path.join(SITE, OFFICE_DIR))).rejects.toThrow("ENOENT");
});

test("scores, shows and visits findings, and clears the marks", async () => {
  const { context, page, requests, pageErrors } = await open("taskpane.html", "stub");
  try {
    await page.getByRole("button", { name: "评分", exact: true }).click();
    const card = page.getByLabel("评分结果");
    await card.waitFor();
    const cardText = await card.innerText();
    expect(cardText).toContain(String(expected.total.declared));
    expect(cardText).toContain(String(expected.total.computed));
    expect(cardText).toContain(`（${expected.grade}）`);

    const items = page.locator("section button[data-finding]");
    expect(await items.count()).toBe(expected.findings.length);

    // Clicking a finding selects its cell in Excel and marks it current.
    const first = expected.findings.length > 1 ? items.nth(1) : items.first();
    const where = (await first.locator("span").first().innerText()).match(/\S+!\S+/)?.[0];
    await first.click();
    await page.waitForFunction((cell) => (window as unknown as Hooks).__fake.selectedAddress() === cell, where);
    expect(await first.getAttribute("aria-current")).toBe("true");

    // 下一处 moves to the next finding in display order.
    await page.getByRole("button", { name: "下一处" }).click();
    const next = items.nth(expected.findings.length > 1 ? 2 % expected.findings.length : 0);
    expect(await next.getAttribute("aria-current")).toBe("true");
    const nextWhere = (await next.locator("span").first().innerText()).match(/\S+!\S+/)?.[0];
    await page.waitForFunction((cell) => (window as unknown as Hooks).__fake.selectedAddress() === cell, nextWhere);

    // Hiding a kind hides its findings.
    const deductions = expected.findings.filter((f) => f.kind === "deduction").length;
    await page.getByRole("button", { name: `扣分 ${deductions}` }).click();
    expect(await items.count()).toBe(expected.findings.length - deductions);
    await page.getByRole("button", { name: `扣分 ${deductions}` }).click();

    const copy = page.getByRole("button", { name: "复制", exact: true });
    if (expected.narrative) {
      expect(await copy.isVisible()).toBe(true);
      expect(await page.getByText("草稿，请核对后使用").isVisible()).toBe(true);
    } else {
      expect(await copy.count()).toBe(0);
    }

    await page.screenshot({ path: path.join(OUT, "taskpane.png"), fullPage: true });
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await overflowsSideways(page)).toBe(false);
    await page.screenshot({ path: path.join(OUT, "taskpane-320.png"), fullPage: true });

    expect(await page.evaluate(() => (window as unknown as Hooks).__fake.sheetNames())).toContain("评分汇总");
    // The card opens 评分汇总 and says when the results were computed.
    await page.getByRole("button", { name: "打开“评分汇总”" }).click();
    await page.waitForFunction(() => (window as unknown as Hooks).__fake.selectedAddress() === "评分汇总!A1");
    expect(await card.innerText()).toMatch(/\d{2}:\d{2}:\d{2} 评分/);

    await page.getByRole("button", { name: "清除标注" }).click();
    await page.getByText(/已清除 \d+ 处标注/).waitFor();
    expect(await page.evaluate(() => (window as unknown as Hooks).__fake.sheetNames())).not.toContain("评分汇总");
    // What the pane said about the marks is gone with them.
    expect(await card.count()).toBe(0);
    expect(await items.count()).toBe(0);

    expect(foreignRequests(requests)).toEqual([]);
    expect(requests).toContain(OFFICE_JS);
    expect(await page.evaluate(() => (window as unknown as Hooks).__csp)).toEqual([]);
    expect(pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test("a finding marked 已核对 is unmarked but counted, survives save → reopen → re-score, and lapses when its value changes", async () => {
  const { context, page, pageErrors } = await open("taskpane.html", "stub");
  try {
    const scoreButton = page.getByRole("button", { name: "评分", exact: true });
    // The pane shows once Office is ready, and the stub is ready once the workbook is open.
    await scoreButton.waitFor();
    const before = await page.evaluate(() => (window as unknown as Hooks).__fake.syncCount());
    await scoreButton.click();
    const card = page.getByLabel("评分结果");
    await card.waitFor();
    // Our own writes are reported as changes too: the pane checks them (two more round trips) and does not prompt.
    await page.waitForFunction((n) => (window as unknown as Hooks).__fake.syncCount() >= n + 5, before);
    expect(await page.getByText("评分后工作簿已修改，请重新评分").count()).toBe(0);
    const item = page.locator("section > div", { hasText: "评分表!I14" });
    expect(await page.evaluate(() => (window as unknown as Hooks).__fake.cell("评分表", "I14").note)).toMatch(/^【绩效自评助手】/);

    await item.getByRole("button", { name: "标为已核对" }).click();
    await item.getByLabel("核对说明").fill("已对照绩效目标表核实");
    await item.getByRole("button", { name: "确认已核对" }).click();
    await item.getByText(/已核对 .*：已对照绩效目标表核实/).waitFor();
    expect(await card.innerText()).toContain("其中 1 处已核对");
    // Still counted: the list holds every finding; the cell is as the officer had it.
    expect(await page.locator("section button[data-finding]").count()).toBe(expected.findings.length);
    expect(await page.evaluate(() => (window as unknown as Hooks).__fake.cell("评分表", "I14"))).toEqual({ fill: null, note: null });
    await page.screenshot({ path: path.join(OUT, "taskpane-confirmed.png"), fullPage: true });

    // Saved, closed and reopened: a new pane, the workbook from its file.
    await page.evaluate(() => (window as unknown as Hooks).__fake.save());
    await page.reload();
    await scoreButton.click();
    await item.getByText(/已核对 .*：已对照绩效目标表核实/).waitFor();
    expect(await page.getByRole("button", { name: "重新评分" }).count()).toBe(0);

    // The officer changes the confirmed cell: the pane asks for a re-score, which shows the finding again.
    await page.evaluate(() => (window as unknown as Hooks).__fake.edit("评分表", "I14", 2));
    await page.getByText("评分后工作簿已修改，请重新评分").waitFor();
    await page.screenshot({ path: path.join(OUT, "taskpane-changed.png"), fullPage: true });
    await page.getByRole("button", { name: "重新评分" }).click();
    await page.getByText(/评分表!I14 的“已核对”（扣分）已失效：单元格的值由“3”改为“2”/).waitFor();
    expect(await page.getByText("评分后工作簿已修改，请重新评分").count()).toBe(0);
    expect(await item.getByRole("button", { name: "标为已核对" }).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as Hooks).__fake.cell("评分表", "I14").note)).toMatch(/^【绩效自评助手】/);
    expect(pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test.each(["clipboard API", "selection fallback"])("copies the draft report text via the %s", async (way) => {
  if (!expected.narrative) return; // the engine drafts no text for this workbook
  const { context, page } = await open("taskpane.html", "stub");
  try {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
    if (way === "selection fallback") {
      // As inside Office's task-pane iframe, where the host refuses the async Clipboard API.
      await page.evaluate(() =>
        Object.defineProperty(navigator.clipboard, "writeText", {
          value: () => Promise.reject(new DOMException("refused", "NotAllowedError")),
        })
      );
    }
    await page.getByRole("button", { name: "评分", exact: true }).click();
    await page.getByRole("button", { name: "复制", exact: true }).click();
    await page.getByRole("button", { name: "已复制" }).waitFor();
    // The textarea may normalise line endings; compare the text, not the bytes.
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.replace(/\r\n/g, "\n")).toBe(expected.narrative);
  } finally {
    await context.close();
  }
});

test("asks the officer to copy by hand when every way of copying is refused", async () => {
  if (!expected.narrative) return;
  const { context, page } = await open("taskpane.html", "stub");
  try {
    await page.evaluate(() => {
      Object.defineProperty(navigator.clipboard, "writeText", {
        value: () => Promise.reject(new DOMException("refused", "NotAllowedError")),
      });
      document.execCommand = () => false;
    });
    await page.getByRole("button", { name: "评分", exact: true }).click();
    await page.getByRole("button", { name: "复制", exact: true }).click();
    await page.getByText("复制失败，请在文本框中全选后按 Ctrl+C 复制").waitFor();
  } finally {
    await context.close();
  }
});

test("before the first run the intro links to the web page beside the pane", async () => {
  const { context, page } = await open("taskpane.html", "stub");
  try {
    const link = page.getByRole("link", { name: "网页版" });
    expect(await link.evaluate((a: HTMLAnchorElement) => a.href)).toBe(`${server.origin}/web.html`);
    expect(await readdir(SITE)).toContain("web.html");
  } finally {
    await context.close();
  }
});

test("shows the engine's Chinese message when the workbook cannot be scored", async () => {
  const { context, page } = await open("taskpane.html?fixture=no-table.xlsx", "stub");
  try {
    await page.getByRole("button", { name: "评分", exact: true }).click();
    await page.getByText("评分未完成").waitFor();
    expect(await page.getByText(/没有找到评分表/).count()).toBe(1);
  } finally {
    await context.close();
  }
});

test("says which protected sheets were left unmarked", async () => {
  const { context, page } = await open("taskpane.html?fixture=protected.xlsx", "stub");
  try {
    await page.getByRole("button", { name: "评分", exact: true }).click();
    await page.getByText("工作表 评分表 受保护，未作标注").waitFor();
    expect(await page.getByLabel("评分结果").isVisible()).toBe(true);
  } finally {
    await context.close();
  }
});

test("explains itself in Chinese when office.js does not load", async () => {
  const { context, page, pageErrors } = await open("taskpane.html", "missing", 320);
  try {
    await page.getByText("未能加载 Office 组件").waitFor();
    expect(await page.getByText("确认本机可以访问 appsforoffice.microsoft.com").count()).toBe(1);
    await page.screenshot({ path: path.join(OUT, "taskpane-no-office.png"), fullPage: true });
    expect(await page.getByRole("button", { name: "评分", exact: true }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test("ribbon commands tell their result in a dialog and complete when it closes", async () => {
  const { context, page, requests, pageErrors } = await open("commands.html", "stub");
  try {
    await page.waitForFunction(() => (window as unknown as Hooks).__office.actionNames().length === 2);

    /** Runs a command up to its dialog; returns the dialog's message once the officer closed it. */
    const run = async (name: string, index: number) => {
      await page.evaluate((n) => {
        const w = window as unknown as Hooks;
        w.__completed = false;
        void w.__office.invoke(n).then(() => (w.__completed = true));
      }, name);
      await page.waitForFunction((i) => (window as unknown as Hooks).__office.dialogUrls().length > i, index);
      // The command stays open while its dialog shows: completing would unload the dialog's parent.
      expect(await page.evaluate(() => (window as unknown as Hooks).__completed)).toBe(false);
      await page.evaluate((i) => (window as unknown as Hooks).__office.closeDialog(i), index);
      await page.waitForFunction(() => (window as unknown as Hooks).__completed);
      const url = new URL((await page.evaluate(() => (window as unknown as Hooks).__office.dialogUrls()))[index]);
      expect(url.origin + url.pathname).toBe(`${server.origin}/notice.html`);
      return url.searchParams.get("message") ?? "";
    };

    const scored = await run("scoreWorkbook", 0);
    expect(scored).toContain(`自评 ${expected.total.declared} 分（${expected.declaredGrade}）`);
    expect(scored).toContain(`核算 ${expected.total.computed} 分（${expected.grade}）`);
    expect(await run("clearMarks", 1)).toMatch(/^已清除 \d+ 处标注，删除工作表 评分汇总。$/);
    expect(foreignRequests(requests)).toEqual([]);
    expect(pageErrors).toEqual([]);

    // The dialog page itself shows the message as text.
    await page.goto(`${server.origin}/notice.html?message=${encodeURIComponent(scored)}`);
    expect(await page.locator("#message").innerText()).toBe(scored);
    expect(await page.getByRole("button", { name: "确定" }).isVisible()).toBe(true);
  } finally {
    await context.close();
  }
});
