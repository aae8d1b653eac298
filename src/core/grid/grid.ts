import { ScoringError } from "../errors";
import { CellRange, CellValue, SheetSnapshot } from "../model";

/**
 * Read access to one sheet by absolute position, with merged areas resolved: every cell of a merged area reads as
 * its top-left value, the way an officer sees it.
 */
export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly mergesByRow = new Map<number, CellRange[]>();

  constructor(readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.top = sheet.top;
    this.left = sheet.left;
    this.bottom = sheet.top + sheet.values.length - 1;
    let width = 0;
    for (const r of sheet.values) if (r.length > width) width = r.length;
    this.right = sheet.left + width - 1;
    this.indexMerges(sheet.merges);
  }

  /**
   * Each merge is listed under the rows of the used range it covers: a whole-column merge (K1:L1048576) costs the used
   * height, not a million rows. Merges do not overlap in a sound file, so the lists together hold at most one entry
   * per used cell; more means overlapping merges, which no host shows consistently, and the sheet is refused.
   */
  private indexMerges(merges: CellRange[]): void {
    if (this.bottom < this.top) return;
    const limit = (this.bottom - this.top + 1) * (this.right - this.left + 1) + merges.length;
    let entries = 0;
    for (const m of merges) {
      const top = Math.max(m.top, this.top);
      const bottom = Math.min(m.bottom, this.bottom);
      for (let r = top; r <= bottom; r++) {
        const list = this.mergesByRow.get(r);
        if (list) list.push(m);
        else this.mergesByRow.set(r, [m]);
      }
      entries += Math.max(0, bottom - top + 1);
      if (entries > limit) throw new ScoringError(`工作表“${this.name}”中的合并单元格互相重叠，文件可能已损坏；请在 Excel 中打开、另存后再评分`);
    }
  }

  /** The raw value stored at a position (null outside the used range). */
  raw(row: number, col: number): CellValue {
    const r = this.sheet.values[row - this.top];
    if (!r) return null;
    const v = r[col - this.left];
    return v === undefined ? null : v;
  }

  /** The merged area holding this cell, if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    return this.mergesByRow.get(row)?.find((m) => col >= m.left && col <= m.right);
  }

  /** The value as shown: a merged area's value in every one of its cells. */
  value(row: number, col: number): CellValue {
    const m = this.mergeAt(row, col);
    return m ? this.raw(m.top, m.left) : this.raw(row, col);
  }

  /** The cell that owns the value: the top-left of a merged area, or the cell itself. */
  owner(row: number, col: number): { row: number; col: number } {
    const m = this.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** True for a cell that continues a merged area begun in an earlier row. */
  continuesMergeFromAbove(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return !!m && m.top < row;
  }
}
