/**
 * A headless Chromium for the browser tests on any machine, installed by `npm ci` alone: a Chromium, Chrome or Edge
 * the machine already has (CHROME_PATH, else the usual places), otherwise the Chromium that the npm package
 * @sparticuz/chromium ships for Linux x64. Nothing is ever downloaded. Text is drawn with the Noto Sans CJK font from
 * the npm package @embedpdf/fonts-sc rather than the system's fonts, so Chinese screenshots are legible everywhere.
 */
import { execFile } from "child_process";
import { existsSync, readFileSync } from "fs";
import { mkdir, mkdtemp, rename, rm, writeFile } from "fs/promises";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";
import { promisify } from "util";
import sparticuz from "@sparticuz/chromium";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
/** Unpacked browser and font configuration; `npm ci` starts it afresh with node_modules. */
const CACHE = path.join(ROOT, "node_modules", ".cache", "ziping-browser");

/**
 * Nothing may call home on this closed network, and as root (CI) Chromium only runs without its sandbox. Every
 * launch gets a fresh user-data-dir: Playwright's launch() makes a new temporary profile each time.
 */
const OFFLINE_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
/**
 * @sparticuz/chromium's flags for serverless hosts, less these: two would weaken what the tests check (origins, mixed
 * content), and one process for everything hangs the second browser context (it is for AWS Lambda's sandbox).
 */
const DROPPED_FLAGS = new Set(["--disable-web-security", "--allow-running-insecure-content", "--single-process"]);

/** The Noto Sans Hans faces (five weights) of @embedpdf/fonts-sc. */
const CJK_FONT_DIR = path.resolve(path.dirname(require.resolve("@embedpdf/fonts-sc")), "../fonts");

interface Choice {
  executable: string;
  flags: string[];
  fontDirs: string[];
}

/** Where Chrome, Chromium and Edge install themselves, by platform; on Linux they are found on PATH. */
function installedBrowsers(): string[] {
  const env = process.env;
  if (process.platform === "darwin") {
    return ["Google Chrome", "Chromium", "Microsoft Edge"].map((app) => `/Applications/${app}.app/Contents/MacOS/${app}`);
  }
  if (process.platform === "win32") {
    const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter((r): r is string => !!r);
    const exes = ["Google\\Chrome\\Application\\chrome.exe", "Chromium\\Application\\chrome.exe", "Microsoft\\Edge\\Application\\msedge.exe"];
    return roots.flatMap((root) => exes.map((exe) => path.win32.join(root, exe)));
  }
  const names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable"];
  // Snap's confined Chromium cannot be driven from outside its sandbox.
  const dirs = (env.PATH ?? "").split(path.delimiter).filter((dir) => dir !== "" && !dir.startsWith("/snap/"));
  return names.flatMap((name) => dirs.map((dir) => path.join(dir, name)));
}

function systemBrowser(): string | undefined {
  const chosen = process.env.CHROME_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROME_PATH names no file: ${chosen}`);
    return chosen;
  }
  return installedBrowsers().find((file) => existsSync(file));
}

/**
 * @sparticuz/chromium's browser, unpacked once per version into the cache. It unpacks into os.tmpdir(), so a child
 * process does it with TMPDIR set to a private folder, which is then renamed into place: parallel jest workers never
 * see half a browser, and nothing lands in the shared /tmp.
 */
async function packagedChromium(): Promise<Choice> {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error("No Chromium, Chrome or Edge found: install one or set CHROME_PATH to its executable.");
  }
  const packageDir = path.resolve(path.dirname(require.resolve("@sparticuz/chromium")), "../..");
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  const target = path.join(CACHE, `sparticuz-chromium-${version}`);
  if (!existsSync(path.join(target, "chromium"))) {
    await mkdir(CACHE, { recursive: true });
    const staging = await mkdtemp(path.join(CACHE, "unpacking-"));
    await run(process.execPath, ["-e", 'require("@sparticuz/chromium").executablePath()'], {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: staging },
    });
    await rename(staging, target).catch(async (error: NodeJS.ErrnoException) => {
      if (!existsSync(path.join(target, "chromium"))) throw error;
      await rm(staging, { recursive: true, force: true }); // another worker was first
    });
  }
  return {
    executable: path.join(target, "chromium"),
    flags: sparticuz.args.filter((flag) => !DROPPED_FLAGS.has(flag)),
    // Open Sans, for Latin text, as on the hosts the package was made for.
    fontDirs: [CJK_FONT_DIR, path.join(target, "fonts", "fonts")],
  };
}

/** A fontconfig file naming only the given font folders, written atomically (workers may write it at once). */
async function fontConfig(fontDirs: string[]): Promise<string> {
  const file = path.join(CACHE, "fonts.conf");
  const xml = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    "<fontconfig>",
    ...fontDirs.map((dir) => `  <dir>${dir}</dir>`),
    `  <cachedir>${path.join(CACHE, "fontconfig")}</cachedir>`,
    "</fontconfig>",
    "",
  ].join("\n");
  await mkdir(CACHE, { recursive: true });
  const partial = `${file}.${process.pid}`;
  await writeFile(partial, xml);
  await rename(partial, file);
  return file;
}

export async function launchBrowser(): Promise<Browser> {
  const installed = systemBrowser();
  const { executable, flags, fontDirs } = installed
    ? { executable: installed, flags: [], fontDirs: [CJK_FONT_DIR] }
    : await packagedChromium();
  const fonts = await fontConfig(fontDirs);
  return chromium.launch({
    executablePath: executable,
    args: [...flags, ...OFFLINE_FLAGS],
    // Chromium on Linux finds its fonts through fontconfig; elsewhere the system's CJK fonts serve.
    env: { ...process.env, FONTCONFIG_FILE: fonts },
  });
}
