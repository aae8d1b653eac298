import JSZip from "jszip";
import { readPart } from "./xlsxPackage";

/** Parts of a workbook that the copy, written through ExcelJS, may not carry over, and how each shows in a package. */
const FEATURES: { name: string; count: (zip: JSZip, workbookXml: string) => number }[] = [
  { name: "定义的名称", count: (_, wb) => (wb.match(/<(?:\w+:)?definedName\b/g) ?? []).length },
  { name: "外部链接", count: (zip) => zip.file(/^xl\/externalLinks\/[^/]+\.xml$/).length },
  { name: "工作簿结构保护", count: (_, wb) => (/<(?:\w+:)?workbookProtection\b/.test(wb) ? 1 : 0) },
  { name: "图表", count: (zip) => zip.file(/^xl\/charts\/chart[^/]*\.xml$/).length },
  { name: "数据透视表", count: (zip) => zip.file(/^xl\/pivotTables\/[^/]+\.xml$/).length },
  { name: "宏（VBA 代码）", count: (zip) => zip.file(/^xl\/vbaProject\.bin$/).length },
  { name: "切片器", count: (zip) => zip.file(/^xl\/slicers\/[^/]+\.xml$/).length },
];

async function counts(bytes: Buffer): Promise<number[]> {
  const zip = await JSZip.loadAsync(bytes);
  const workbookXml = (await readPart(zip, "xl/workbook.xml")) ?? "";
  return FEATURES.map((f) => f.count(zip, workbookXml));
}

/**
 * What the officer's workbook holds that its scored copy does not ("图表 2 个"), found by reading both packages: the
 * copy must never lose something silently. The original file keeps all of it.
 */
export async function copyLosses(original: Buffer, copy: Buffer): Promise<string[]> {
  const [before, after] = await Promise.all([counts(original), counts(copy)]);
  return FEATURES.flatMap((f, i) => (before[i] > after[i] ? [`${f.name} ${before[i] - after[i]} 个`] : []));
}
