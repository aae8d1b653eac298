/** Writing a corpus workbook so that a rerun gives the same bytes. */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";

/** 2025-07-10 00:00 as an MS-DOS date and time, the form zip entries carry. */
const DOS_DATE = ((2025 - 1980) << 9) | (7 << 5) | 10;
const DOS_TIME = 0;

/**
 * ExcelJS stamps every zip entry with the current time, which is all that differs between two runs. This walks the
 * central directory and sets each entry's time, there and in its local header, to a fixed one.
 */
export function withFixedZipDates(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("不是 zip 文件：找不到中央目录结尾");
  const count = out.readUInt16LE(eocd + 10);
  let entry = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (out.readUInt32LE(entry) !== 0x02014b50) throw new Error(`zip 中央目录第 ${i + 1} 项损坏`);
    out.writeUInt16LE(DOS_TIME, entry + 12);
    out.writeUInt16LE(DOS_DATE, entry + 14);
    const local = out.readUInt32LE(entry + 42);
    out.writeUInt16LE(DOS_TIME, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    entry += 46 + out.readUInt16LE(entry + 28) + out.readUInt16LE(entry + 30) + out.readUInt16LE(entry + 32);
  }
  return out;
}

export async function writeWorkbook(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await fs.writeFile(file, withFixedZipDates(buffer));
}
