/**
 * Why a file cannot be read as an .xlsx, in words an officer can act on: what the file is, and what to do. Decided
 * from the file's own bytes where they tell (an .xlsx is a zip; an encrypted workbook or an old .xls is an OLE2
 * compound file), and never by showing an error text from inside the .xlsx library.
 */

const ZIP = 0x04034b50;
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Names of the streams and storages in an OLE2 compound file's directory. */
function compoundFileNames(bytes: Buffer): Set<string> {
  const sectorSize = 1 << bytes.readUInt16LE(0x1e);
  const names = new Set<string>();
  if (sectorSize !== 512 && sectorSize !== 4096) return names;
  // Directory entries are 128 bytes, aligned to 128 in every sector after the header: reading each aligned slot that
  // holds a well-formed entry (name length, object type) finds them without following the allocation chains.
  for (let at = sectorSize; at + 128 <= bytes.length; at += 128) {
    const length = bytes.readUInt16LE(at + 0x40);
    const type = bytes[at + 0x42];
    if (length < 4 || length > 64 || length % 2 !== 0 || ![1, 2, 5].includes(type) || bytes.readUInt16LE(at + length - 2) !== 0) continue;
    names.add(bytes.toString("utf16le", at, at + length - 2));
  }
  return names;
}

/** What a compound file holds, said as what to do about it. */
function compoundFileMessage(bytes: Buffer): string {
  const names = compoundFileNames(bytes);
  if (names.has("EncryptedPackage")) return "文件设有打开密码，请先在 Excel 中取消密码后另存为 .xlsx";
  if (names.has("Workbook") || names.has("Book")) return "这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx";
  if (names.has("WordDocument")) return "这是 Word 文档（.doc），不是 Excel 工作簿";
  return "这是旧版 Office 格式的文件，不是 .xlsx 工作簿；如是 Excel 文件，请在 Excel 中另存为 .xlsx";
}

const DAMAGED = "文件已损坏（压缩包不完整或有误），无法打开：请重新获取原文件，或在 Excel 中打开修复后另存为 .xlsx";

/** A zip ends with its directory's end record (PK 5 6), within the last 64 KB; a file cut short has none. */
function endsLikeZip(bytes: Buffer): boolean {
  return bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]), bytes.length - 22) >= Math.max(0, bytes.length - 22 - 0xffff);
}

/** Why these bytes are no .xlsx package; null when they are a zip holding a workbook part. */
export function notAnXlsx(bytes: Buffer): string | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(CFB)) return compoundFileMessage(bytes);
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== ZIP) return "不是有效的 .xlsx 文件（文件内容不是 Excel 工作簿）";
  if (!endsLikeZip(bytes)) return DAMAGED;
  if (bytes.includes(Buffer.from("xl/workbook.xml"))) return null;
  if (bytes.includes(Buffer.from("xl/workbook.bin"))) return "这是 Excel 二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx";
  if (bytes.includes(Buffer.from("application/vnd.oasis.opendocument.spreadsheet"))) return "这是 OpenDocument 表格（.ods），请在 WPS 或 LibreOffice 中另存为 .xlsx";
  return "不是 Excel 工作簿（压缩包中没有 xl/workbook.xml，可能是改了扩展名的 Word 或其他文件）";
}

/** The zip library's words for a package cut short or damaged. */
const DAMAGED_ZIP = /zip|end of data|signature|inflate|compress|crc|unexpected end/i;

/**
 * What to tell about an error the .xlsx library threw on a package that looked like one. A zip cut short is damaged;
 * anything else is a structure the library does not follow (cells without references, x:-prefixed XML, parts where
 * it expects none), which Excel and WPS read and write back in the standard form.
 */
export function unreadablePackage(e: unknown): string {
  if (DAMAGED_ZIP.test(String((e as Error)?.message ?? e))) return DAMAGED;
  return "文件结构不规范，ExcelJS 无法读取：请在 Excel 或 WPS 中打开后另存为 .xlsx";
}
