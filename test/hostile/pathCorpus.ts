/**
 * Hostile paths ("Never lose the officer's work", round two): each case lays out files, links and folders in an empty
 * folder and names the `ziping score` arguments over them. paths.test.ts runs each and checks the promise behind them
 * all: a refused or failed run leaves the folder exactly as it was (every file, link and folder, no temporary left
 * behind), and a run that succeeds changes nothing but the files it names.
 */
import { promises as fs } from "fs";
import path from "path";
import { seedBook } from "./corpus";
import { getBuiltInProfile } from "../../src/core/rules/profiles";

export interface PathCase {
  name: string;
  /** What is hostile about it, and what we decided. */
  about: string;
  /** Lays out the folder; returns the arguments after `ziping score` (absolute paths). */
  setUp: (dir: string) => Promise<string[]>;
  expect: {
    exit: 0 | 1 | 2;
    message?: RegExp;
    /** Entries (relative to the folder) the run creates or replaces; only with exit 0. */
    written?: string[];
  };
  /** Run as a child process whose files may grow to this many KiB: a disk that fills up in the middle of a write. */
  fileSizeLimitKiB?: number;
}

const seed = async (file: string) => seedBook().xlsx.writeFile(file);
const EARLIER = "前一次的评分结果，不得丢失";

/** The seed as in.xlsx, and absolute paths in the folder. */
async function withInput(dir: string): Promise<{ input: string; at: (...names: string[]) => string }> {
  const input = path.join(dir, "in.xlsx");
  await seed(input);
  return { input, at: (...names) => path.join(dir, ...names) };
}

/** The seed as real/in.xlsx, with linked → real beside it; returns the input's path. */
async function inputInLinkedFolder(dir: string): Promise<string> {
  await fs.mkdir(path.join(dir, "real"));
  await seed(path.join(dir, "real", "in.xlsx"));
  await fs.symlink("real", path.join(dir, "linked"));
  return path.join(dir, "real", "in.xlsx");
}

const SAME_AS_INPUT = /不能与输入文件相同（.*）：评分结果总是写入新文件，原表保持不变/;

export const PATH_CORPUS: PathCase[] = [
  {
    name: "narrative-is-input",
    about: "--narrative names the input itself: the workbook would be replaced by text",
    setUp: async (dir) => {
      const { input } = await withInput(dir);
      return [input, "--narrative", input];
    },
    expect: { exit: 2, message: /^ziping：报告草稿文件不能与输入文件相同（.*in\.xlsx）：评分结果总是写入新文件，原表保持不变\n$/ },
  },
  {
    name: "narrative-is-input-no-write",
    about: "the same with --no-write, which writes no workbook but still the narrative",
    setUp: async (dir) => {
      const { input } = await withInput(dir);
      return [input, "--no-write", "--json", "--narrative", input];
    },
    expect: { exit: 2, message: SAME_AS_INPUT },
  },
  {
    name: "narrative-is-output",
    about: "--narrative equal to -o: the scored workbook would be replaced by text",
    setUp: async (dir) => {
      const { input, at } = await withInput(dir);
      return [input, "-o", at("out.xlsx"), "--narrative", at("out.xlsx")];
    },
    expect: { exit: 2, message: /报告草稿文件不能与输出文件相同（.*out\.xlsx）：标注后的工作簿与报告草稿要写入两个不同的文件/ },
  },
  {
    name: "narrative-links-to-earlier-output",
    about: "--narrative is a symbolic link to the earlier scored copy that -o names again",
    setUp: async (dir) => {
      const { input, at } = await withInput(dir);
      await fs.writeFile(at("out.xlsx"), EARLIER);
      await fs.symlink("out.xlsx", at("report.txt"));
      return [input, "-o", at("out.xlsx"), "--narrative", at("report.txt")];
    },
    expect: { exit: 2, message: /报告草稿文件不能与输出文件相同（.*report\.txt 与 .*out\.xlsx 是同一个文件）/ },
  },
  {
    name: "output-is-link-to-input",
    about: "-o is a symbolic link to the input",
    setUp: async (dir) => {
      const { input, at } = await withInput(dir);
      await fs.symlink("in.xlsx", at("link.xlsx"));
      return [input, "-o", at("link.xlsx")];
    },
    expect: { exit: 2, message: /^ziping：输出文件不能与输入文件相同（.*link\.xlsx 与 .*in\.xlsx 是同一个文件）/ },
  },
  {
    name: "output-is-hard-link-of-input",
    about: "-o is a hard link of the input: another name for the same inode",
    setUp: async (dir) => {
      const { input, at } = await withInput(dir);
      await fs.link(input, at("hard.xlsx"));
      return [input, "-o", at("hard.xlsx")];
    },
    expect: { exit: 2, message: SAME_AS_INPUT },
  },
  {
    name: "output-through-linked-folder",
    about: "-o reaches the input through a symbolically linked folder (linked/in.xlsx is real/in.xlsx)",
    setUp: async (dir) => {
      const input = await inputInLinkedFolder(dir);
      return [input, "-o", path.join(dir, "linked", "in.xlsx")];
    },
    expect: { exit: 2, message: SAME_AS_INPUT },
  },
  {
    name: "narrative-through-linked-folder",
    about: "--narrative reaches the input through a linked folder, spelt with a detour (linked/./in.xlsx)",
    setUp: async (dir) => {
      const input = await inputInLinkedFolder(dir);
      return [input, "--no-write", "--narrative", `${path.join(dir, "linked")}/./in.xlsx`];
    },
    expect: { exit: 2, message: SAME_AS_INPUT },
  },
  {
    name: "outputs-over-profile-file",
    about: "-o and --narrative over the profile file the rules are read from",
    setUp: async (dir) => {
      const { input, at } = await withInput(dir);
      await fs.writeFile(at("rules.json"), JSON.stringify(getBuiltInProfile("default")));
      await fs.symlink("rules.json", at("rules-link.txt"));
      return [input, "--profile", at("rules.json"), "-o", at("out.xlsx"), "--narrative", at("rules-link.txt")];
    },
    expect: { exit: 2, message: /报告草稿文件不能与评分规则文件相同（.*rules-link\.txt 与 .*rules\.json 是同一个文件）：评分规则文件只读不写/ },
  },
  {
    name: "narrative-into-missing-folder",
    about: "--narrative into a folder that does not exist: refused before the workbook is written (no folder made for -o either)",
    setUp: async (dir) => {
      const { input, at } = await withInput(dir);
      return [input, "-o", at("new", "out.xlsx"), "--narrative", at("missing", "report.txt")];
    },
    expect: { exit: 2, message: /^ziping：报告草稿文件 .*report\.txt 所在的文件夹 .*missing 不存在，请先建好文件夹\n$/ },
  },
  {
    name: "narrative-into-folder-output-makes",
    about: "-o makes its missing folder, and --narrative may go into that same folder",
    setUp: async (dir) => {
      const { input, at } = await withInput(dir);
      return [input, "-o", at("结果", "out.xlsx"), "--narrative", at("结果", "report.txt")];
    },
    expect: { exit: 0, written: ["结果", "结果/out.xlsx", "结果/report.txt"] },
  },
  {
    name: "output-under-a-file",
    about: "-o names a path whose folder is a file: a Chinese message, not a raw EEXIST or ENOTDIR",
    setUp: async (dir) => {
      const { input, at } = await withInput(dir);
      await fs.writeFile(at("notes"), "a file, not a folder");
      return [input, "-o", at("notes", "sub", "out.xlsx")];
    },
    expect: { exit: 2, message: /^ziping：无法写入输出文件 .*out\.xlsx：路径中的 .*notes 是文件，不是文件夹\n$/ },
  },
  {
    name: "output-is-folder",
    about: "-o names an existing folder: told it is a folder, not that its name lacks .xlsx",
    setUp: async (dir) => {
      const { input, at } = await withInput(dir);
      await fs.mkdir(at("结果"));
      return [input, "-o", at("结果")];
    },
    expect: { exit: 2, message: /^ziping：输出文件 .*结果 是一个文件夹，请写出文件名\n$/ },
  },
  {
    name: "output-is-folder-named-like-a-workbook",
    about: "-o names an existing folder called 结果.xlsx",
    setUp: async (dir) => {
      const { input, at } = await withInput(dir);
      await fs.mkdir(at("结果.xlsx"));
      return [input, "-o", at("结果.xlsx")];
    },
    expect: { exit: 2, message: /^ziping：输出文件 .*结果\.xlsx 是一个文件夹，请写出文件名\n$/ },
  },
  {
    name: "full-disk-keeps-earlier-results",
    about: "the disk fills up in the middle of writing the workbook: the earlier scored copy and draft at -o and --narrative stay exactly as they were, and no temporary is left",
    fileSizeLimitKiB: 12,
    setUp: async (dir) => {
      const { input, at } = await withInput(dir);
      await fs.writeFile(at("out.xlsx"), EARLIER);
      await fs.writeFile(at("report.txt"), EARLIER);
      return [input, "-o", at("out.xlsx"), "--narrative", at("report.txt")];
    },
    expect: { exit: 1, message: /^ziping：无法写入输出文件 .*out\.xlsx：文件超出系统允许的大小。已删除未写完的临时文件，原有的 .*out\.xlsx 保持不变，原有的 .*report\.txt 保持不变\n$/ },
  },
  {
    name: "full-disk-new-folder",
    about: "the disk fills up while writing into a folder -o made: the folder goes again",
    fileSizeLimitKiB: 12,
    setUp: async (dir) => {
      const { input, at } = await withInput(dir);
      return [input, "-o", at("新建", "out.xlsx")];
    },
    expect: { exit: 1, message: /没有写出 .*out\.xlsx/ },
  },
  {
    name: "replaces-earlier-result",
    about: "an earlier scored copy and draft at the targets are replaced whole, keeping their permissions",
    setUp: async (dir) => {
      const { input, at } = await withInput(dir);
      await fs.writeFile(at("out.xlsx"), EARLIER, { mode: 0o600 });
      await fs.writeFile(at("report.txt"), EARLIER, { mode: 0o640 });
      return [input, "-o", at("out.xlsx"), "--narrative", at("report.txt")];
    },
    expect: { exit: 0, written: ["out.xlsx", "report.txt"] },
  },
  {
    name: "output-is-link-to-another-file",
    about: "-o is a symbolic link to an earlier result elsewhere: the link stays, the file it points to is replaced",
    setUp: async (dir) => {
      const { input, at } = await withInput(dir);
      await fs.mkdir(at("archive"));
      await fs.writeFile(at("archive", "2024.xlsx"), EARLIER);
      await fs.symlink(path.join("archive", "2024.xlsx"), at("latest.xlsx"));
      return [input, "-o", at("latest.xlsx")];
    },
    expect: { exit: 0, written: ["archive/2024.xlsx"] },
  },
];
