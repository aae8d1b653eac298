import type ExcelJS from "exceljs";
import type { CellRange } from "../../src/core/model";
import {
  addressOf,
  eachCell,
  grid,
  mergesIn,
  officeFill,
  officeNumberFormat,
  officeValue,
  restyle,
  setFill,
  uniform,
  writeOfficeValue,
} from "./cells";
import { raiseChanged } from "./events";
import { assertEditable, FakeObject, FakeOfficeError, Handle, qualifiedTarget, requireApi } from "./core";

export interface RangeTarget {
  sheet: ExcelJS.Worksheet;
  range: CellRange;
}

/** Excel's default font: 7 pixels a character plus 5 of padding; a pixel is 0.75 point. */
const pointsToChars = (points: number) => (points / 0.75 - 5) / 7;
const charsToPoints = (chars: number) => (chars * 7 + 5) * 0.75;
const DEFAULT_WIDTH = 8.43;

type RangeHyperlink = { address?: string; documentReference?: string; screenTip?: string; textToDisplay?: string };

function hyperlinkOf(cell: ExcelJS.Cell | undefined): RangeHyperlink | null {
  const v = cell?.value;
  if (!v || typeof v !== "object" || !("hyperlink" in v)) return null;
  const text = String(officeValue(cell));
  return /^[a-z]+:/i.test(v.hyperlink) ? { address: v.hyperlink, textToDisplay: text } : { documentReference: v.hyperlink, textToDisplay: text };
}

export class FakeRange extends FakeObject<RangeTarget> {
  private formatProxy: FakeRangeFormat | undefined;

  protected readers() {
    return {
      address: (t: RangeTarget) => addressOf(t.sheet, t.range),
      rowIndex: (t: RangeTarget) => t.range.top,
      columnIndex: (t: RangeTarget) => t.range.left,
      rowCount: (t: RangeTarget) => t.range.bottom - t.range.top + 1,
      columnCount: (t: RangeTarget) => t.range.right - t.range.left + 1,
      values: (t: RangeTarget) => grid(t.sheet, t.range, officeValue),
      numberFormat: (t: RangeTarget) => grid(t.sheet, t.range, officeNumberFormat),
      hyperlink: (t: RangeTarget) => hyperlinkOf(t.sheet.findCell(t.range.top + 1, t.range.left + 1)),
    };
  }

  protected child(name: string) {
    return name === "format" ? this.format : undefined;
  }

  /** The target now (inside a queued op), for collections that take a Range argument. */
  resolve(): RangeTarget {
    return this.handle.get();
  }

  get address(): string {
    return this.loadedValue("address");
  }
  get rowIndex(): number {
    return this.loadedValue("rowIndex");
  }
  get columnIndex(): number {
    return this.loadedValue("columnIndex");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }

  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  set values(values: unknown[][]) {
    this.write((t) => {
      assertShape(t.range, values);
      eachCell(t.sheet, t.range, (cell, r, c) => writeOfficeValue(cell, values[r][c]));
      raiseChanged(this.queue.host, t.sheet, t.range);
    });
  }

  get numberFormat(): string[][] {
    return this.loadedValue("numberFormat");
  }
  set numberFormat(formats: (string | null)[][]) {
    this.write((t) => {
      assertShape(t.range, formats);
      eachCell(t.sheet, t.range, (cell, r, c) => {
        const format = formats[r][c];
        if (format !== null) restyle(cell, (s) => (s.numFmt = format));
      });
    });
  }

  get hyperlink(): RangeHyperlink | null {
    return this.loadedValue("hyperlink");
  }
  set hyperlink(link: RangeHyperlink) {
    this.write((t) =>
      eachCell(t.sheet, t.range, (cell) => {
        const target = link.documentReference ?? link.address;
        if (!target) throw new FakeOfficeError("InvalidArgument", "A hyperlink needs an address or a documentReference");
        cell.value = { text: link.textToDisplay ?? String(officeValue(cell)), hyperlink: target };
      }),
    );
  }

  get format(): FakeRangeFormat {
    return (this.formatProxy ??= new FakeRangeFormat(this.queue, this.handle));
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    requireApi(this.queue.host, "1.13", "Range.getMergedAreasOrNullObject");
    const handle = Handle.later(
      this.queue,
      () => {
        const t = this.handle.get();
        const areas = mergesIn(t.sheet, t.range);
        return areas.length > 0 ? { sheet: t.sheet, areas } : undefined;
      },
      true,
      "The merged areas",
    );
    return new FakeRangeAreas(this.queue, handle);
  }

  /**
   * Range.copyFrom (ExcelApi 1.9), "Formats" only: each destination cell gets a deep copy of its source cell's whole
   * format (fill, font, borders, alignment, number format), as Paste Special → Formats does; the values stay. As the
   * Office.js reference says, a destination smaller than the source grows to the source's size, and one that is an
   * exact multiple of it gets the source repeated. Merged areas are not copied (the fake keeps merges apart).
   */
  copyFrom(source: FakeRange | string, copyType: string = "All", skipBlanks = false, transpose = false): void {
    requireApi(this.queue.host, "1.9", "Range.copyFrom");
    if (copyType !== "Formats") throw new Error(`FakeExcel models copyFrom(…, "Formats") only, not "${copyType}"`);
    if (skipBlanks || transpose) throw new Error("FakeExcel does not model copyFrom's skipBlanks or transpose");
    this.write((t) => {
      const from = typeof source === "string" ? qualifiedTarget(this.queue.host, source) : source.resolve();
      const rows = from.range.bottom - from.range.top + 1;
      const cols = from.range.right - from.range.left + 1;
      const range = pastedArea(t.range, rows, cols);
      // Read every source format before writing any: a source that overlaps its destination is copied as it was.
      const styles = grid(from.sheet, from.range, (cell) => structuredClone(cell?.style ?? {}));
      eachCell(t.sheet, range, (cell, r, c) => (cell.style = structuredClone(styles[r % rows][c % cols])));
    });
  }

  select(): void {
    this.later((t) => {
      this.queue.host.active = t.sheet;
      this.queue.host.selection = t;
    });
  }

  private write(op: (t: RangeTarget) => void): void {
    this.later((t) => {
      assertEditable(this.queue.host, t.sheet);
      op(t);
    });
  }
}

/** Where a paste of rows × cols lands on `range`: the source's size, or the whole range when it is an exact multiple. */
function pastedArea(range: CellRange, rows: number, cols: number): CellRange {
  const height = range.bottom - range.top + 1;
  const width = range.right - range.left + 1;
  const fits = (size: number, unit: number) => size % unit === 0;
  return {
    top: range.top,
    left: range.left,
    bottom: range.top + (fits(height, rows) ? height : rows) - 1,
    right: range.left + (fits(width, cols) ? width : cols) - 1,
  };
}

function assertShape(range: CellRange, matrix: unknown[][]): void {
  const rows = range.bottom - range.top + 1;
  const cols = range.right - range.left + 1;
  if (matrix.length !== rows || matrix.some((row) => row.length !== cols)) {
    throw new FakeOfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  }
}

/** Shared by the format objects: a write that protection forbids, applied to every cell of the range. */
abstract class FormatPart extends FakeObject<RangeTarget> {
  protected cells<V>(read: (cell: ExcelJS.Cell | undefined) => V): (t: RangeTarget) => V | null {
    return (t) => uniform(grid(t.sheet, t.range, read).flat());
  }

  protected writeCells(write: (cell: ExcelJS.Cell) => void): void {
    this.later((t) => {
      assertEditable(this.queue.host, t.sheet);
      eachCell(t.sheet, t.range, write);
    });
  }
}

export class FakeRangeFormat extends FormatPart {
  private fillProxy: FakeRangeFill | undefined;
  private fontProxy: FakeRangeFont | undefined;

  protected readers() {
    return {
      wrapText: this.cells((c) => !!c?.alignment?.wrapText),
      verticalAlignment: this.cells((c) => (c?.alignment?.vertical === "top" ? "Top" : c?.alignment?.vertical === "middle" ? "Center" : "Bottom")),
      columnWidth: (t: RangeTarget) => {
        const widths: number[] = [];
        for (let c = t.range.left; c <= t.range.right; c++) widths.push(charsToPoints(t.sheet.getColumn(c + 1).width ?? DEFAULT_WIDTH));
        return uniform(widths);
      },
    };
  }

  protected child(name: string) {
    return name === "fill" ? this.fill : name === "font" ? this.font : undefined;
  }

  get fill(): FakeRangeFill {
    return (this.fillProxy ??= new FakeRangeFill(this.queue, this.handle));
  }
  get font(): FakeRangeFont {
    return (this.fontProxy ??= new FakeRangeFont(this.queue, this.handle));
  }

  get wrapText(): boolean | null {
    return this.loadedValue("wrapText");
  }
  set wrapText(wrap: boolean) {
    this.writeCells((cell) => restyle(cell, (s) => (s.alignment = { ...s.alignment, wrapText: wrap })));
  }

  get verticalAlignment(): string | null {
    return this.loadedValue("verticalAlignment");
  }
  set verticalAlignment(v: "Top" | "Center" | "Bottom") {
    const vertical = v === "Top" ? "top" : v === "Center" ? "middle" : "bottom";
    this.writeCells((cell) => restyle(cell, (s) => (s.alignment = { ...s.alignment, vertical })));
  }

  get columnWidth(): number | null {
    return this.loadedValue("columnWidth");
  }
  /** Sets the width of every column the range spans; a column's width is not a cell format, so it is set directly. */
  set columnWidth(points: number) {
    this.later((t) => {
      assertEditable(this.queue.host, t.sheet);
      for (let c = t.range.left; c <= t.range.right; c++) t.sheet.getColumn(c + 1).width = pointsToChars(points);
    });
  }
}

export class FakeRangeFill extends FormatPart {
  protected readers() {
    const tint = this.cells((c) => officeFill(c).tintAndShade);
    return {
      color: this.cells((c) => officeFill(c).color),
      tintAndShade: (t: RangeTarget) => {
        requireApi(this.queue.host, "1.9", "RangeFill.tintAndShade");
        return tint(t);
      },
    };
  }

  get color(): string | null {
    return this.loadedValue("color");
  }
  set color(color: string) {
    this.writeCells((cell) => setFill(cell, color));
  }

  get tintAndShade(): number | null {
    return this.loadedValue("tintAndShade");
  }

  clear(): void {
    this.writeCells((cell) => setFill(cell, null));
  }
}

export class FakeRangeFont extends FormatPart {
  protected readers() {
    return {
      bold: this.cells((c) => !!c?.font?.bold),
      color: this.cells((c) => (c?.font?.color?.argb ? `#${c.font.color.argb.slice(-6)}` : "#000000")),
      underline: this.cells((c) => (c?.font?.underline ? "Single" : "None")),
    };
  }

  get bold(): boolean | null {
    return this.loadedValue("bold");
  }
  set bold(bold: boolean) {
    this.writeCells((cell) => restyle(cell, (s) => (s.font = { ...s.font, bold })));
  }

  get color(): string | null {
    return this.loadedValue("color");
  }
  set color(color: string) {
    this.writeCells((cell) => restyle(cell, (s) => (s.font = { ...s.font, color: { argb: `FF${color.slice(1).toUpperCase()}` } })));
  }

  get underline(): string | null {
    return this.loadedValue("underline");
  }
  set underline(style: "None" | "Single") {
    this.writeCells((cell) => restyle(cell, (s) => (s.font = { ...s.font, underline: style === "Single" })));
  }
}

/** RangeAreas: only what a reader of merged areas needs, the address list ("Sheet1!A1:B2, Sheet1!D1:D4"). */
export class FakeRangeAreas extends FakeObject<{ sheet: ExcelJS.Worksheet; areas: CellRange[] }> {
  protected readers() {
    return {
      address: (t: { sheet: ExcelJS.Worksheet; areas: CellRange[] }) => t.areas.map((a) => addressOf(t.sheet, a)).join(", "),
      areaCount: (t: { sheet: ExcelJS.Worksheet; areas: CellRange[] }) => t.areas.length,
    };
  }

  get address(): string {
    return this.loadedValue("address");
  }
  get areaCount(): number {
    return this.loadedValue("areaCount");
  }
}
