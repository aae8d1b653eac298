/**
 * The hostile inputs of issue 14 (item 7) for `npm run bench`: the seed workbook beside a huge ledger sheet, 50,000
 * merged ranges, one whole-column merge, ten 32,000-character 评分标准. Built as packages by hand (ExcelJS itself
 * would take minutes to write them) and cached in the temp folder, since building the ledger takes a while.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { exampleWorkbook } from "../scripts/examples/writeWorkbook";
import { SEED_DEPARTMENT } from "../scripts/examples/seedDepartment";
import { addMerges, addSheet, openZip, rowXml, sheetXml, zipBytes } from "../test/helpers/xlsxPackage";

const seedBytes = async () => Buffer.from(await exampleWorkbook(SEED_DEPARTMENT).xlsx.writeBuffer());

/** The seed plus a ledger of `rows` × 6 (date, voucher, summary, debit, credit, balance). */
export async function seedWithLedger(rows: number): Promise<Buffer> {
  const zip = await openZip(await seedBytes());
  const parts: string[] = [rowXml(1, ["日期", "凭证号", "摘要", "借方", "贷方", "余额"])];
  for (let r = 2; r <= rows; r++) parts.push(rowXml(r, [45292 + (r % 366), `记-${r}`, r % 3 ? "办公费" : "差旅费", r % 1000, 0, r * 3]));
  await addSheet(zip, "明细账", sheetXml(parts.join("")), "xl/worksheets/sheet9.xml");
  return zipBytes(zip);
}

/** The seed plus a sheet of `n` merged pairs (A1:B1, A2:B2, …), each with a value. */
export async function seedWithMerges(n: number): Promise<Buffer> {
  const zip = await openZip(await seedBytes());
  const rows = Array.from({ length: n }, (_, i) => rowXml(i + 1, [`第${i + 1}行`]));
  const merges = Array.from({ length: n }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join("");
  await addSheet(zip, "合并", sheetXml(rows.join(""), `<mergeCells count="${n}">${merges}</mergeCells>`), "xl/worksheets/sheet9.xml");
  return zipBytes(zip);
}

/** The seed with K1:L1048576 merged on its scoring sheet. */
export async function seedWithWholeColumnMerge(): Promise<Buffer> {
  const zip = await openZip(await seedBytes());
  await addMerges(zip, "评分表", ["K1:L1048576"]);
  return zipBytes(zip);
}

/** The seed with ten of its 评分标准 grown to 32,000 characters. */
export async function seedWithLongCriteria(): Promise<Buffer> {
  const wb = exampleWorkbook(SEED_DEPARTMENT);
  const ws = wb.getWorksheet("评分表")!;
  let col = 0;
  let header = 0;
  ws.eachRow((row, r) => row.eachCell((c, i) => (c.value === "评分标准" && !col ? ((col = i), (header = r)) : undefined)));
  for (let r = header + 1; r <= header + 10; r++) {
    const cell = ws.getCell(r, col);
    cell.value = `${String(cell.value ?? "")}${"每少一项扣1分，指标完成情况、".repeat(3000)}`.slice(0, 32000);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const HUGE_INPUTS: Record<string, () => Promise<Buffer>> = {
  "seed + 1,000,000 × 6 ledger": () => seedWithLedger(1_000_000),
  // Just under MAX_SHEET_XML_BYTES: what the largest workbook still scored costs.
  "seed + 95,000 × 6 ledger": () => seedWithLedger(95_000),
  "seed + 50,000 merges": () => seedWithMerges(50_000),
  "seed + whole-column merge K1:L1048576": seedWithWholeColumnMerge,
  "seed + ten 32,000-character criteria": seedWithLongCriteria,
};

/** The input file of a case, built once per machine. */
export async function hugeInput(name: string): Promise<string> {
  const dir = path.join(os.tmpdir(), "ziping-bench-inputs");
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w]+/g, "-")}.xlsx`);
  try {
    await fs.access(file);
  } catch {
    await fs.writeFile(file, await HUGE_INPUTS[name]());
  }
  return file;
}
