/**
 * The workbooks the officer hands the page: chosen files, a chosen folder, or files and folders dropped on it. Files
 * chosen one by one are all scored (one that is no workbook gets the CLI's message); from a folder only workbooks are
 * taken, not the documents beside them, nor the "~$" lock files Excel leaves while a workbook is open.
 */
export interface Upload {
  /** The name, or the path inside the chosen or dropped folder ("2024/甲单位.xlsx", as `ziping batch` names it). */
  file: string;
  blob: Blob;
}

const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;

function inFolder(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return WORKBOOK.test(name) && !name.startsWith("~$");
}

/** Without the chosen folder's own name, which a folder's files carry first in their path ("报送/2024/甲.xlsx"). */
const insideFolder = (path: string) => path.slice(path.indexOf("/") + 1);

/** From the file input: a chosen folder's files carry their path in it (webkitRelativePath). */
export function fromInput(files: FileList): Upload[] {
  return Array.from(files).flatMap((blob) => {
    if (blob.webkitRelativePath === "") return [{ file: blob.name, blob }];
    return inFolder(blob.webkitRelativePath) ? [{ file: insideFolder(blob.webkitRelativePath), blob }] : [];
  });
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Every entry of a dropped folder: the reader hands them out in batches until it returns none. */
async function entriesOf(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, top: boolean): Promise<Upload[]> {
  const path = entry.fullPath.replace(/^\//, "");
  if (entry.isFile) return top || inFolder(path) ? [{ file: path, blob: await fileOf(entry as FileSystemFileEntry) }] : [];
  const children = await entriesOf(entry as FileSystemDirectoryEntry);
  return (await Promise.all(children.map((child) => walk(child, false)))).flat();
}

/** From a drop: files as they are, folders walked for their workbooks. Entries must be taken before any await. */
export async function fromDrop(data: DataTransfer): Promise<Upload[]> {
  const entries = Array.from(data.items).map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return Array.from(data.files).map((blob) => ({ file: blob.name, blob }));
  return (await Promise.all(entries.map((entry) => walk(entry, true)))).flat();
}
