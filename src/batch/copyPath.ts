import { SUMMARY_PAGE } from "./summaryPage";
import { SUMMARY_WORKBOOK } from "./summaryWorkbook";

/**
 * Where a batch puts a file's scored copy, relative to its output (`ziping batch`'s output folder, the web page's
 * zip): at the input's own path, unless at the top it would take the summary's name. "/"-separated, for both hosts.
 */
const RESERVED = [SUMMARY_WORKBOOK, SUMMARY_PAGE].map((n) => n.toLowerCase());

export function copyPath(relative: string): string {
  if (!RESERVED.includes(relative.toLowerCase())) return relative;
  const dot = relative.lastIndexOf(".");
  return `${relative.slice(0, dot)}-评分${relative.slice(dot)}`;
}
