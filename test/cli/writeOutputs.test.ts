/**
 * All-or-nothing writes with a write that fails part-way, injected as the content writer (the disk filling up after
 * half the bytes): every target keeps what it held, nothing is left beside it, folders made for it go again.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";
import { planOutputs } from "../../src/cli/paths";
import { WriteError, writeOutputs } from "../../src/cli/writeOutputs";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ziping-write-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const diskFull = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

/** Writes half of `content`, then fails as a full disk does. */
const halfThenFull = (content: string) => async (file: string) => {
  await fs.writeFile(file, content.slice(0, content.length / 2));
  throw diskFull;
};

async function listing(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { recursive: true });
  return entries.map(String).sort();
}

const targets = (outputs: { path: string; makeFolders: boolean }[]) =>
  planOutputs(
    [],
    outputs.map((o, i) => ({ ...o, label: ["输出文件", "报告草稿文件"][i], because: "" })),
  );

test("a write failing part-way leaves both earlier files as they were and no temporary beside them", async () => {
  const [book, draft] = [path.join(dir, "out.xlsx"), path.join(dir, "draft.txt")];
  await fs.writeFile(book, "earlier workbook");
  await fs.writeFile(draft, "earlier draft");
  const planned = await targets([
    { path: book, makeFolders: true },
    { path: draft, makeFolders: false },
  ]);
  const written = writeOutputs([
    { target: planned[0], write: (file) => fs.writeFile(file, "new workbook, complete") },
    { target: planned[1], write: halfThenFull("new draft that does not fit") },
  ]);
  await expect(written).rejects.toThrow(new WriteError(`无法写入报告草稿文件 ${draft}：磁盘空间不足。已删除未写完的临时文件，原有的 ${book} 保持不变，原有的 ${draft} 保持不变`));
  expect(await listing(dir)).toEqual(["draft.txt", "out.xlsx"]);
  expect(await fs.readFile(book, "utf8")).toBe("earlier workbook");
  expect(await fs.readFile(draft, "utf8")).toBe("earlier draft");
});

test("folders made for the outputs are removed again, and nothing is written", async () => {
  const book = path.join(dir, "新建", "年度", "out.xlsx");
  const planned = await targets([{ path: book, makeFolders: true }]);
  expect(planned[0].folders).toEqual([path.join(dir, "新建"), path.join(dir, "新建", "年度")]);
  await expect(writeOutputs([{ target: planned[0], write: halfThenFull("workbook") }])).rejects.toThrow(/^无法写入输出文件 .*：磁盘空间不足。已删除未写完的临时文件，没有写出 .*out\.xlsx$/);
  expect(await listing(dir)).toEqual([]);
});

test("when every output is complete, each is renamed into place and only the targets remain", async () => {
  const [book, draft] = [path.join(dir, "out.xlsx"), path.join(dir, "draft.txt")];
  await fs.writeFile(book, "earlier workbook", { mode: 0o600 });
  const planned = await targets([
    { path: book, makeFolders: true },
    { path: draft, makeFolders: false },
  ]);
  await writeOutputs([
    { target: planned[0], write: (file) => fs.writeFile(file, "new workbook") },
    { target: planned[1], write: (file) => fs.writeFile(file, "new draft") },
  ]);
  expect(await listing(dir)).toEqual(["draft.txt", "out.xlsx"]);
  expect(await fs.readFile(book, "utf8")).toBe("new workbook");
  expect(await fs.readFile(draft, "utf8")).toBe("new draft");
  expect((await fs.stat(book)).mode & 0o777).toBe(0o600);
});

test("a run interrupted in the middle of a write (SIGTERM, as Ctrl+C or a closed terminal) removes what it wrote and ends as signalled", async () => {
  const book = path.join(dir, "新建", "out.xlsx");
  const draft = path.join(dir, "draft.txt");
  await fs.writeFile(draft, "earlier draft");
  // A child process whose second write is interrupted half-way (the signal comes from inside the write, which would
  // otherwise wait for ever).
  const script = `
    const { promises: fs } = require("fs");
    const { planOutputs } = require("./src/cli/paths");
    const { writeOutputs } = require("./src/cli/writeOutputs");
    (async () => {
      const targets = await planOutputs([], [
        { path: ${JSON.stringify(book)}, label: "输出文件", because: "", makeFolders: true },
        { path: ${JSON.stringify(draft)}, label: "报告草稿文件", because: "", makeFolders: false },
      ]);
      await writeOutputs([
        { target: targets[0], write: (file) => fs.writeFile(file, "new workbook, complete") },
        { target: targets[1], write: async (file) => { await fs.writeFile(file, "half a dra"); process.kill(process.pid, "SIGTERM"); await new Promise(() => setInterval(() => undefined, 1000)); } },
      ]);
    })();`;
  const root = path.resolve(__dirname, "../..");
  const env = { ...process.env, TS_NODE_PROJECT: path.join(root, "tsconfig.json") };
  const child = promisify(execFile)(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], { cwd: root, env });
  await expect(child).rejects.toMatchObject({ signal: "SIGTERM" });
  expect(await listing(dir)).toEqual(["draft.txt"]);
  expect(await fs.readFile(draft, "utf8")).toBe("earlier draft");
});
