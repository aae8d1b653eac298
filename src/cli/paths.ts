import { promises as fs } from "fs";
import path from "path";

/** A combination of paths refused before anything is read or written: a usage error (exit 2). */
export class PathError extends Error {}

/** A file the run reads or writes, as the user named it, with what it is called in messages. */
export interface NamedPath {
  path: string;
  /** 输入文件, 评分规则文件, 输出文件, 报告草稿文件. */
  label: string;
  /** Why no output may be this file: said after the refusal. */
  because: string;
}

export interface OutputPath extends NamedPath {
  /** -o makes missing folders; --narrative does not (a mistyped folder is an error, not a new folder). */
  makeFolders: boolean;
}

/** Where an output goes: the real file a finished temporary is renamed onto, and the folders to make first. */
export interface OutputTarget {
  shown: string;
  label: string;
  file: string;
  /** Missing folders, outermost first. */
  folders: string[];
  /** The target exists now (it is replaced only once every output is complete). */
  existed: boolean;
}

interface Resolved {
  /** Equal for two names of one file: device and inode when it exists, else the real folder and the name. */
  key: string;
  /** The real path: links resolved, or for a missing file its nearest existing folder's real path and the rest. */
  real: string;
  existing: "file" | "folder" | "other" | null;
  /** Folders between the nearest existing one and the file, outermost first. */
  missing: string[];
  /** The nearest existing ancestor, when it is a file rather than a folder. */
  blockedBy: string | null;
}

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;
const absent = (e: unknown) => code(e) === "ENOENT" || code(e) === "ENOTDIR";
/** Windows and macOS compare file names without case: a file not yet written is named by its lower-case path there. */
const caseless = process.platform === "win32" || process.platform === "darwin";

async function statOf(p: string) {
  try {
    return await fs.stat(p, { bigint: true });
  } catch (e) {
    if (absent(e)) return null;
    throw new PathError(`无法访问 ${p}（${code(e) ?? String(e)}）`);
  }
}

async function resolve(p: string): Promise<Resolved> {
  const absolute = path.resolve(p);
  const stats = await statOf(absolute);
  if (stats) {
    const real = await fs.realpath(absolute);
    const existing = stats.isFile() ? "file" : stats.isDirectory() ? "folder" : "other";
    // Some file systems report no inode numbers (0); the real path then stands for the file.
    return { key: stats.ino ? `${stats.dev}:${stats.ino}` : real, real, existing, missing: [], blockedBy: null };
  }
  // Not there: the nearest existing ancestor, resolved, and the names below it.
  const rest: string[] = [];
  let ancestor = absolute;
  for (;;) {
    rest.unshift(path.basename(ancestor));
    ancestor = path.dirname(ancestor);
    const found = await statOf(ancestor);
    if (!found) continue;
    const real = path.join(await fs.realpath(ancestor), ...rest);
    const missing = rest.slice(0, -1).map((_, i) => path.join(ancestor, ...rest.slice(0, i + 1)));
    return { key: caseless ? real.toLowerCase() : real, real, existing: null, missing, blockedBy: found.isDirectory() ? null : ancestor };
  }
}

/** An absolute path as the user would write it: relative to the working folder when it lies inside it. */
function shown(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absolute;
}

function sameFileText(a: NamedPath, b: NamedPath): string {
  return path.resolve(a.path) === path.resolve(b.path) ? a.path : `${a.path} 与 ${b.path} 是同一个文件`;
}

/**
 * Checks the paths of a run before anything is read or written, comparing files by identity (device and inode, links
 * and linked folders resolved), not by spelling: no output may be an input or another output, every output must be
 * a file that can be replaced, in a folder that exists or that -o makes. Throws PathError in Chinese.
 */
export async function planOutputs(inputs: NamedPath[], outputs: OutputPath[]): Promise<OutputTarget[]> {
  const seen: { named: NamedPath; key: string }[] = [];
  for (const named of inputs) seen.push({ named, key: (await resolve(named.path).catch(() => null))?.key ?? path.resolve(named.path) });
  const targets: OutputTarget[] = [];
  const madeByOthers = new Set<string>();
  for (const out of outputs) {
    const r = await resolve(out.path);
    const clash = seen.find((s) => s.key === r.key);
    if (clash) throw new PathError(`${out.label}不能与${clash.named.label}相同（${sameFileText(out, clash.named)}）：${clash.named.because}`);
    if (r.blockedBy) throw new PathError(`无法写入${out.label} ${out.path}：路径中的 ${shown(r.blockedBy)} 是文件，不是文件夹`);
    if (r.existing === "folder") throw new PathError(`${out.label} ${out.path} 是一个文件夹，请写出文件名`);
    if (r.existing === "other") throw new PathError(`${out.label} ${out.path} 不是普通文件，不能写入`);
    const unmade = r.missing.filter((f) => !madeByOthers.has(f));
    if (!out.makeFolders && unmade.length > 0) throw new PathError(`${out.label} ${out.path} 所在的文件夹 ${shown(r.missing[r.missing.length - 1])} 不存在，请先建好文件夹`);
    if (out.makeFolders) r.missing.forEach((f) => madeByOthers.add(f));
    seen.push({ named: out, key: r.key });
    targets.push({ shown: out.path, label: out.label, file: r.real, folders: r.missing, existed: r.existing === "file" });
  }
  return targets;
}
