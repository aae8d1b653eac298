import { promises as fs, Stats } from "fs";
import path from "path";
import { readFailure } from "./readErrors";

/**
 * The workbooks in a folder and its subfolders, as a bureau receives them: Excel's lock files (~$名称.xlsx, left while
 * a workbook is open) and hidden files and folders are skipped, linked folders are followed once (a link back up
 * the tree is no loop), and one folder (the output, when it lies inside) is never entered.
 */

/** Spreadsheets a department may send: .xlsx is scored; the others are listed as not scored, with what to do. */
const SPREADSHEET = /\.(xlsx|xlsm|xls|xlsb|ods)$/i;

const skipped = (name: string) => name.startsWith(".") || name.startsWith("~$");
const identity = (s: Stats) => (s.ino ? `${s.dev}:${s.ino}` : null);

export interface FoundFile {
  /** As found on the disk. */
  path: string;
  /** Relative to the folder, with "/" between names, whatever the system. */
  relative: string;
}

export interface Walked {
  files: FoundFile[];
  /** Subfolders that could not be read, each with why: said, never passed over in silence. */
  unreadable: { relative: string; message: string }[];
}

/** Every spreadsheet under `folder`, ordered by relative path; `avoid` is a folder not to enter. */
export async function spreadsheetsUnder(folder: string, avoid: string | null): Promise<Walked> {
  const seen = new Set<string>();
  const avoided = avoid ? await fs.stat(avoid).then(identity, () => null) : null;
  const found: FoundFile[] = [];
  const unreadable: Walked["unreadable"] = [];
  async function visit(dir: string, relative: string[]): Promise<void> {
    const here = identity(await fs.stat(dir));
    if (here) {
      if (seen.has(here) || here === avoided) return;
      seen.add(here);
    }
    let names;
    try {
      names = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      unreadable.push({ relative: relative.join("/"), message: readFailure(dir, e) });
      return;
    }
    for (const entry of names) {
      if (skipped(entry.name)) continue;
      const full = path.join(dir, entry.name);
      // A link is judged by what it leads to; a broken one is left out.
      const stats = entry.isSymbolicLink() ? await fs.stat(full).catch(() => null) : entry;
      if (stats?.isDirectory()) await visit(full, [...relative, entry.name]);
      else if (stats?.isFile() && SPREADSHEET.test(entry.name)) found.push({ path: full, relative: [...relative, entry.name].join("/") });
    }
  }
  await visit(folder, []);
  return { files: found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0)), unreadable };
}
