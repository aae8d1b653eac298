/**
 * Files that are not the .xlsx ExcelJS writes, built byte by byte: OLE2 compound files (what Excel saves for a workbook
 * with an open password, and the old .xls format), and .xlsx packages rewritten in forms other writers use (cells
 * without references, x:-prefixed XML).
 */
import { MAIN_NS, openZip, text, zipBytes } from "../helpers/xlsxPackage";

const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

/**
 * A version-3 compound file holding the given streams at the top level: header, one FAT sector, one directory sector,
 * then each stream in whole sectors. Streams are padded to 4096 bytes so that none goes to the mini stream.
 */
export function compoundFile(streams: Record<string, Buffer>): Buffer {
  const entries = Object.entries(streams).map(([name, data]) => [name, Buffer.concat([data, Buffer.alloc(Math.max(0, 4096 - data.length))])] as const);
  if (entries.length > 3) throw new Error("one directory sector holds the root and three streams");
  const sectorsOf = (b: Buffer) => Math.ceil(b.length / SECTOR);
  const fat: number[] = [FAT_SECTOR, END_OF_CHAIN]; // sector 0: the FAT; sector 1: the directory
  const starts: number[] = [];
  for (const [, data] of entries) {
    starts.push(fat.length);
    const n = sectorsOf(data);
    for (let i = 0; i < n; i++) fat.push(i === n - 1 ? END_OF_CHAIN : fat.length + 1);
  }
  if (fat.length > SECTOR / 4) throw new Error("streams too large for one FAT sector");

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // sector shift
  header.writeUInt16LE(6, 0x20); // mini sector shift
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(END_OF_CHAIN, 0x3c); // no mini FAT
  header.writeUInt32LE(END_OF_CHAIN, 0x44); // no DIFAT sectors
  header.writeUInt32LE(0, 0x4c); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 0x4c + i * 4);

  const fatSector = Buffer.alloc(SECTOR, 0xff);
  fat.forEach((v, i) => fatSector.writeUInt32LE(v, i * 4));

  const directory = Buffer.alloc(SECTOR);
  const entry = (i: number, name: string, type: number, start: number, size: number, child: number, right: number) => {
    const at = i * 128;
    const utf16 = Buffer.from(`${name}\0`, "utf16le");
    utf16.copy(directory, at);
    directory.writeUInt16LE(utf16.length, at + 0x40);
    directory[at + 0x42] = type;
    directory[at + 0x43] = 1; // black
    directory.writeUInt32LE(NO_STREAM, at + 0x44);
    directory.writeUInt32LE(right, at + 0x48);
    directory.writeUInt32LE(child, at + 0x4c);
    directory.writeUInt32LE(start, at + 0x74);
    directory.writeUInt32LE(size, at + 0x78);
  };
  entry(0, "Root Entry", 5, END_OF_CHAIN, 0, entries.length > 0 ? 1 : NO_STREAM, NO_STREAM);
  entries.forEach(([name, data], i) => entry(i + 1, name, 2, starts[i], data.length, NO_STREAM, i + 2 <= entries.length ? i + 2 : NO_STREAM));

  const body = entries.map(([, data]) => Buffer.concat([data, Buffer.alloc(sectorsOf(data) * SECTOR - data.length)]));
  return Buffer.concat([header, fatSector, directory, ...body]);
}

/** What Excel saves for a workbook with an open password: the encrypted package and its encryption info. */
export const encryptedWorkbook = (): Buffer =>
  compoundFile({ EncryptionInfo: Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), EncryptedPackage: Buffer.alloc(8192, 0x5a) });

/** An old .xls: a BIFF8 Workbook stream (a BOF record is enough to say what it is). */
export const oldXls = (): Buffer => compoundFile({ Workbook: Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]) });

/** The package with each XML part changed by `edit` (part name → new text). */
async function rewritten(bytes: Buffer, edit: (name: string, xml: string) => string): Promise<Buffer> {
  const zip = await openZip(bytes);
  for (const name of Object.keys(zip.files)) {
    if (!name.endsWith(".xml")) continue;
    zip.file(name, edit(name, await text(zip, name)));
  }
  return zipBytes(zip);
}

/** Cells and rows without their r="B3" references: legal (positions follow from order) and written by some tools. */
export const withoutCellReferences = (bytes: Buffer): Promise<Buffer> =>
  rewritten(bytes, (name, xml) => (name.startsWith("xl/worksheets/") ? xml.replace(/<(c|row) r="[A-Z]*\d+"/g, "<$1") : xml));

/** The spreadsheet parts with their main namespace under the prefix x: (<x:worksheet xmlns:x=…>), as .NET writers do. */
export const prefixedXml = (bytes: Buffer): Promise<Buffer> =>
  rewritten(bytes, (name, xml) =>
    name.startsWith("xl/") && xml.includes(`xmlns="${MAIN_NS}"`)
      ? xml.replace(`xmlns="${MAIN_NS}"`, `xmlns:x="${MAIN_NS}"`).replace(/<(\/?)([A-Za-z]\w*)(?=[\s>/])/g, (all, slash: string, tag: string) => (tag === "xml" ? all : `<${slash}x:${tag}`))
      : xml,
  );
