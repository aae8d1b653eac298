import { SUMMARY_PAGE } from "./summaryPage";
import { SUMMARY_WORKBOOK } from "./summaryWorkbook";

/**
 * How scored copies are named, for every host: `ziping score` without -o, the web page's downloads, and the place of
 * each copy in a batch's output (`ziping batch`'s folder, the web page's zip). Paths are "/"-separated.
 */

/** 甲.xlsx → 甲-评分.xlsx; always .xlsx, since the copy holds no macros (Excel refuses an .xlsm without them). */
export function scoredCopyName(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return `${dot > 0 ? fileName.slice(0, dot) : fileName}-评分.xlsx`;
}

const RESERVED = [SUMMARY_WORKBOOK, SUMMARY_PAGE].map((n) => n.toLowerCase());

/**
 * Where a batch puts a file's copy: at the input's own path, unless the input is an .xlsm (the copy is an .xlsx) or at
 * the top it would take the summary's name; then under its scored name beside it.
 */
export function copyPath(relative: string): string {
  const slash = relative.lastIndexOf("/") + 1;
  const name = relative.slice(slash);
  if (!/\.xlsm$/i.test(name) && !RESERVED.includes(relative.toLowerCase())) return relative;
  return relative.slice(0, slash) + scoredCopyName(name);
}
