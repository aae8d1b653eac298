import { SUMMARY_PAGE } from "./summaryPage";
import { SUMMARY_WORKBOOK } from "./summaryWorkbook";

/**
 * Where a batch puts a file's scored copy, relative to its output (`ziping batch`'s output folder, the web page's
 * zip): at the input's own path, unless at the top it would take the summary's name, or the input is an .xlsm (the
 * copy is a macro-free .xlsx, which Excel refuses to open under .xlsm). "/"-separated, for both hosts.
 */
const RESERVED = [SUMMARY_WORKBOOK, SUMMARY_PAGE].map((n) => n.toLowerCase());

export function copyPath(relative: string): string {
  const dot = relative.lastIndexOf(".");
  if (relative.slice(dot).toLowerCase() === ".xlsm") return `${relative.slice(0, dot)}-评分.xlsx`;
  if (!RESERVED.includes(relative.toLowerCase())) return relative;
  return `${relative.slice(0, dot)}-评分${relative.slice(dot)}`;
}
