/**
 * A link from the summary to a scored copy, by its path relative to the summary's folder: relative, so that the
 * output folder can be moved or shared as a whole. Only what would end or bend the path in a link is escaped
 * (%, #, ?, spaces); Chinese names stay as they are, as Excel writes them.
 */
export function fileLink(relative: string): string {
  return relative.replace(/[%#? ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A link to one cell of a scored copy: the file, then the sheet and cell as Excel names a place in a workbook. */
export function cellLink(relative: string, sheet: string, cell: string): string {
  return `${fileLink(relative)}#'${sheet.replace(/'/g, "''")}'!${cell}`;
}
