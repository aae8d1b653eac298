/**
 * Every case of the path corpus through `ziping score`: the exit code and message it promises, and that the folder
 * is exactly as it was after a refused or failed run (every file's bytes, inode and permissions, every link, no
 * temporary and no new folder), or changed only in the files the case names after a run that succeeds.
 */
import { execFile } from "child_process";
import { createHash } from "crypto";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";
import { ziping } from "../helpers/cli";
import { readBook } from "../helpers/cells";
import { PATH_CORPUS, PathCase } from "./pathCorpus";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
let base: string;

beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), "ziping-paths-"));
});
afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

/** Every entry under a folder, links not followed: "file <sha1> <inode> <mode>", "link <target>" or "folder <mode>". */
async function tree(dir: string, prefix = ""): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await fs.readdir(dir)).sort()) {
    const full = path.join(dir, name);
    const key = prefix ? `${prefix}/${name}` : name;
    const stats = await fs.lstat(full);
    const mode = (stats.mode & 0o777).toString(8);
    if (stats.isSymbolicLink()) out[key] = `link ${await fs.readlink(full)}`;
    else if (stats.isDirectory()) Object.assign(out, { [key]: `folder ${mode}` }, await tree(full, key));
    else out[key] = `file ${createHash("sha1").update(await fs.readFile(full)).digest("hex")} ${stats.ino} ${mode}`;
  }
  return out;
}

/** The command line in a child process whose files may grow to `kib` KiB (bash's ulimit -f), from the sources. */
async function zipingLimited(kib: number, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const command = [process.execPath, "-r", "ts-node/register/transpile-only", path.join(ROOT, "src/cli/ziping.ts"), "score", ...args];
  // ts-node's compile cache would itself be cut short by the limit: it is switched off.
  const env = { ...process.env, DISABLE_V8_COMPILE_CACHE: "1", TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json") };
  try {
    const { stdout, stderr } = await run("bash", ["-c", 'ulimit -f "$0" && exec "$@"', String(kib), ...command], { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe.each(PATH_CORPUS.map((c) => [c.name, c] as const))("%s", (_name, c: PathCase) => {
  let dir: string;
  let before: Record<string, string>;
  let after: Record<string, string>;
  let result: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(base, `${c.name}-`));
    const args = await c.setUp(dir);
    before = await tree(dir);
    result = c.fileSizeLimitKiB ? await zipingLimited(c.fileSizeLimitKiB, args) : await ziping("score", ...args);
    after = await tree(dir);
  }, 60000);

  test(`exit ${c.expect.exit}${c.expect.message ? " with its Chinese message, no stack trace" : ""}`, () => {
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: c.expect.exit, stderr: c.expect.message ? expect.stringMatching(c.expect.message) : "" });
    // The paths named are taken out first: a temporary folder's random name may itself hold "EKQW…".
    expect(result.stderr.split(dir).join("<临时文件夹>").split(base).join("<临时文件夹>")).not.toMatch(/意外错误|\bat .+:\d+:\d+|Error:|\bE[A-Z]{3,}\b/);
  });

  if (c.expect.exit !== 0) {
    test("the folder is exactly as it was: every file, link and folder, nothing left behind", () => {
      expect(after).toEqual(before);
    });
    return;
  }

  const written = c.expect.written ?? [];
  test("only the named files changed, each complete, replaced files keeping their permissions, no temporary left", async () => {
    const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]).sort();
    expect(changed).toEqual([...written].sort());
    for (const name of written) {
      const full = path.join(dir, name);
      if (name.endsWith(".xlsx")) expect((await readBook(full)).worksheets.map((w) => w.name)).toContain("评分汇总");
      if (name.endsWith(".txt")) expect(await fs.readFile(full, "utf8")).toContain("绩效自评情况");
      if (before[name]?.startsWith("file")) expect(after[name].split(" ").at(-1)).toBe(before[name].split(" ").at(-1));
    }
  });
});
