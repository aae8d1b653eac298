import JSZip from "jszip";
import { readPart } from "./xlsxPackage";

/**
 * Parts of a workbook that a copy written through ExcelJS could lose, and how each shows in a package. carryParts.ts
 * carries the `carried` ones over from the original; the others cannot be kept in an .xlsx copy (macros need .xlsm)
 * or hang on extension lists ExcelJS drops (slicers), and are named instead.
 */
const FEATURES: { name: string; carried: boolean; count: (zip: JSZip, workbookXml: string) => number }[] = [
  { name: "定义的名称", carried: true, count: (_, wb) => (wb.match(/<(?:\w+:)?definedName\b/g) ?? []).length },
  { name: "外部链接", carried: true, count: (zip) => zip.file(/^xl\/externalLinks\/[^/]+\.xml$/).length },
  { name: "工作簿结构保护", carried: true, count: (_, wb) => (/<(?:\w+:)?workbookProtection\b/.test(wb) ? 1 : 0) },
  { name: "图表", carried: true, count: (zip) => zip.file(/^xl\/charts\/chart[^/]*\.xml$/).length },
  { name: "数据透视表", carried: true, count: (zip) => zip.file(/^xl\/pivotTables\/[^/]+\.xml$/).length },
  { name: "宏（VBA 代码）", carried: false, count: (zip) => zip.file(/^xl\/vbaProject\.bin$/).length },
  { name: "切片器", carried: false, count: (zip) => zip.file(/^xl\/slicers\/[^/]+\.xml$/).length },
];

async function counts(zip: JSZip): Promise<number[]> {
  const workbookXml = (await readPart(zip, "xl/workbook.xml")) ?? "";
  return FEATURES.map((f) => f.count(zip, workbookXml));
}

/** What no copy of this workbook keeps ("宏（VBA 代码） 1 个"), known before the copy is written, for 评分汇总 to say. */
export async function uncarriedParts(original: JSZip): Promise<string[]> {
  const found = await counts(original);
  return FEATURES.flatMap((f, i) => (!f.carried && found[i] > 0 ? [`${f.name} ${found[i]} 个`] : []));
}

/**
 * What the officer's workbook holds that its scored copy does not ("图表 2 个"), found by reading both packages: the
 * copy must never lose something silently. The original file keeps all of it.
 */
export async function copyLosses(original: Buffer, copy: Buffer): Promise<string[]> {
  const [before, after] = await Promise.all([JSZip.loadAsync(original).then(counts), JSZip.loadAsync(copy).then(counts)]);
  return FEATURES.flatMap((f, i) => (before[i] > after[i] ? [`${f.name} ${before[i] - after[i]} 个`] : []));
}
