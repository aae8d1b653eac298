/**
 * `npm run bench:web`: the web page's cost next to the command line's, in the same run. Builds the page and its worker
 * (as the browser tests do), prints their sizes (raw and gzip), then scores the seed example in headless Chromium
 * through the file input (from the choice to the result on screen) and with `ziping score`'s own code in Node (in
 * this process, and as a command with Node's start-up). Figures only; no test depends on them.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import { performance } from "perf_hooks";
import { promisify } from "util";
import { gzipSync } from "zlib";
import { scoreFile } from "../src/cli/scoreFile";
import { getBuiltInProfile } from "../src/core/rules/profiles";
import { buildPages } from "../test/browser/buildPages";
import { launchBrowser } from "../test/browser/launchBrowser";
import { serveDirectory } from "../test/browser/staticServer";

const ROOT = path.resolve(__dirname, "..");
const SITE = path.join(ROOT, "test-output", "bench-web");
const SEED = path.join(ROOT, "examples", "雷州市科工贸和信息化局-2024-自评表.xlsx");
const RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;
const kib = (n: number) => `${(n / 1024).toFixed(0).padStart(5)} KiB`;

async function sizes(): Promise<string[]> {
  const files = (await fs.readdir(SITE)).filter((f) => /^(web|scoring)\.[0-9a-f]+\.js$/.test(f)).sort();
  return Promise.all(
    files.map(async (f) => {
      const bytes = await fs.readFile(path.join(SITE, f));
      return `${f.padEnd(24)} ${kib(bytes.length)}   gzip ${kib(gzipSync(bytes, { level: 9 }).length)}`;
    })
  );
}

/**
 * From the choice of the file to its row showing the scores, checked at every frame (Playwright's default polling
 * backs off to half a second). Each run in a fresh page: the first pays for starting the worker and parsing ExcelJS;
 * then the same workbook again under another name, with the worker warm.
 */
async function browserRuns(): Promise<{ cold: number[]; warm: number[] }> {
  const again = path.join(SITE, "再次.xlsx");
  await fs.copyFile(SEED, again);
  const server = await serveDirectory(SITE);
  const browser = await launchBrowser();
  const cold: number[] = [];
  const warm: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/web.html`);
      for (const [file, times] of [[SEED, cold], [again, warm]] as const) {
        const t0 = performance.now();
        await page.getByLabel("选择自评表文件").setInputFiles(file);
        const scored = (name: string) => document.querySelector(`[aria-label="${name}"]`)?.textContent?.includes("核算") ?? false;
        await page.waitForFunction(scored, path.basename(file), { polling: "raf", timeout: 120_000 });
        times.push(performance.now() - t0);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { cold, warm };
}

async function cliRuns(out: string): Promise<number[]> {
  const profile = getBuiltInProfile("default");
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await scoreFile(SEED, profile, out);
    times.push(performance.now() - t0);
  }
  return times;
}

async function commandRun(out: string): Promise<number> {
  const t0 = performance.now();
  await promisify(execFile)(process.execPath, [path.join(ROOT, "bin", "ziping.js"), "score", SEED, "-o", out]);
  return performance.now() - t0;
}

async function main(): Promise<void> {
  await fs.rm(SITE, { recursive: true, force: true });
  await buildPages(SITE, {}, ["web", "scoring"]);
  const out = path.join(SITE, "cli-copy.xlsx");
  const { cold, warm } = await browserRuns();
  const cli = await cliRuns(out);
  const command = await commandRun(out);
  console.log(
    [
      `ziping web bench — ${path.basename(SEED)}, median of ${RUNS} runs, node ${process.version}`,
      ...(await sizes()),
      `browser, fresh page (worker start) ${ms(median(cold))}`,
      `browser, worker already running    ${ms(median(warm))}`,
      `node, scoreFile in process (warm)  ${ms(median(cli.slice(1)))}   first ${ms(cli[0])}`,
      `node, \`ziping score\` as a command ${ms(command)}`,
    ].join("\n")
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
