import type ExcelJS from "exceljs";
import { rangeFromA1 } from "../../src/core/grid/address";
import { FakeCommentCollection, FakeNoteCollection } from "./annotations";
import { usedRange } from "./cells";
import { assertLive, assertStructureEditable, FakeCollection, FakeHost, FakeObject, FakeOfficeError, findSheet, Handle, Queue, requireApi } from "./core";
import { FakeChangedEvent } from "./events";
import { FakeRange } from "./range";

type Visibility = "Visible" | "Hidden" | "VeryHidden";
const TO_OFFICE: Record<ExcelJS.WorksheetState, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };
const TO_EXCELJS: Record<Visibility, ExcelJS.WorksheetState> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/** The whole grid of a sheet, as Worksheet.getRange() with no address gives it. */
const WHOLE_SHEET = { top: 0, left: 0, bottom: 1_048_575, right: 16_383 };

/** Excel's rules for a sheet name: 1 to 31 characters, none of : \\ / ? * [ ], no apostrophe at either end. */
function assertSheetName(name: string): void {
  if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) throw new FakeOfficeError("InvalidArgument", `'${name}' is not a valid sheet name.`);
}

function visibleSheets(host: FakeHost): ExcelJS.Worksheet[] {
  return host.book.worksheets.filter((ws) => ws.state === "visible");
}

/** The active sheet: the last activated one while it exists and shows, else the first visible one. */
export function activeSheet(host: FakeHost): ExcelJS.Worksheet | undefined {
  const active = host.active;
  return active && host.book.worksheets.includes(active) && active.state === "visible" ? active : visibleSheets(host)[0];
}

export class FakeWorksheetProtection extends FakeObject<ExcelJS.Worksheet> {
  protected readers() {
    return { protected: (ws: ExcelJS.Worksheet) => !!(ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet };
  }

  get protected(): boolean {
    return this.loadedValue("protected");
  }
}

/**
 * Page layout (ExcelApi 1.9), written into the ExcelJS sheet's page setup and footer so that a saved copy prints the
 * same: orientation, paper, fit to pages wide, the centre footer for all pages.
 */
export class FakePageLayout extends FakeObject<ExcelJS.Worksheet> {
  protected readers() {
    return {
      orientation: (ws: ExcelJS.Worksheet) => (ws.pageSetup.orientation === "landscape" ? "Landscape" : "Portrait"),
      paperSize: (ws: ExcelJS.Worksheet) => (ws.pageSetup.paperSize === 9 ? "A4" : "Letter"),
    };
  }

  private set(write: (ws: ExcelJS.Worksheet) => void): void {
    this.later((ws) => {
      requireApi(this.queue.host, "1.9", "PageLayout");
      assertLive(this.queue.host, ws);
      write(ws);
    });
  }

  get orientation(): string {
    return this.loadedValue("orientation");
  }
  set orientation(o: "Landscape" | "Portrait") {
    this.set((ws) => (ws.pageSetup.orientation = o === "Landscape" ? "landscape" : "portrait"));
  }
  get paperSize(): string {
    return this.loadedValue("paperSize");
  }
  set paperSize(size: "A4") {
    if (size !== "A4") throw new Error("FakeExcel models A4 paper only");
    this.set((ws) => (ws.pageSetup.paperSize = 9));
  }
  set zoom(zoom: { horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.set((ws) => Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth: zoom.horizontalFitToPages ?? 0, fitToHeight: zoom.verticalFitToPages ?? 0 }));
  }
  /** headersFooters.defaultForAllPages.centerFooter only. */
  get headersFooters(): { defaultForAllPages: { centerFooter: string } } {
    const set = (write: (ws: ExcelJS.Worksheet) => void) => this.set(write);
    return {
      defaultForAllPages: {
        set centerFooter(text: string) {
          set((ws) => (ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${text}` }));
        },
        get centerFooter(): string {
          throw new Error("FakeExcel does not read footers back");
        },
      },
    };
  }
}

export class FakeWorksheet extends FakeObject<ExcelJS.Worksheet> {
  private protectionProxy: FakeWorksheetProtection | undefined;
  private pageLayoutProxy: FakePageLayout | undefined;

  protected readers() {
    return { name: (ws: ExcelJS.Worksheet) => ws.name, visibility: (ws: ExcelJS.Worksheet) => TO_OFFICE[ws.state] };
  }

  protected child(name: string) {
    return name === "protection" ? this.protection : undefined;
  }

  get name(): string {
    return this.loadedValue("name");
  }
  /** Renaming: the proxy keeps standing for the same sheet, under its new name. */
  set name(name: string) {
    this.later((ws) => {
      const host = this.queue.host;
      assertLive(host, ws);
      assertStructureEditable(host);
      assertSheetName(name);
      const other = findSheet(host, name);
      if (other && other !== ws) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
      ws.name = name;
    });
  }

  get visibility(): Visibility {
    return this.loadedValue("visibility");
  }
  /** Excel keeps at least one sheet visible. */
  set visibility(visibility: Visibility) {
    this.later((ws) => {
      assertLive(this.queue.host, ws);
      assertStructureEditable(this.queue.host);
      if (visibility !== "Visible" && visibleSheets(this.queue.host).every((v) => v === ws)) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      ws.state = TO_EXCELJS[visibility];
    });
  }

  get protection(): FakeWorksheetProtection {
    return (this.protectionProxy ??= new FakeWorksheetProtection(this.queue, this.handle));
  }

  get pageLayout(): FakePageLayout {
    return (this.pageLayoutProxy ??= new FakePageLayout(this.queue, this.handle));
  }

  /** Only the valuesOnly form is modelled: the fake does not know which formats Excel counts as "used". */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error("FakeExcel models getUsedRangeOrNullObject(true) only");
    const handle = Handle.later(
      this.queue,
      () => {
        const sheet = this.handle.get();
        assertLive(this.queue.host, sheet);
        const range = usedRange(sheet);
        return range && { sheet, range };
      },
      true,
      "The used range",
    );
    return new FakeRange(this.queue, handle);
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.queue,
      this.handle.map((sheet) => ({ sheet, range: address === undefined ? WHOLE_SHEET : rangeFromA1(address) })),
    );
  }

  activate(): void {
    this.later((ws) => {
      assertLive(this.queue.host, ws);
      if (ws.state !== "visible") throw new FakeOfficeError("InvalidOperation", `The sheet '${ws.name}' is hidden and cannot be activated.`);
      this.queue.host.active = ws;
    });
  }

  /** Deleting a protected sheet is allowed (protection guards its cells); deleting the last visible one is not. */
  delete(): void {
    this.later((ws) => {
      const host = this.queue.host;
      assertLive(host, ws);
      assertStructureEditable(host);
      if (ws.state === "visible" && visibleSheets(host).length === 1) throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      host.book.removeWorksheet(ws.id);
      host.comments.delete(ws);
    });
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  /** Changes of values on any sheet (ExcelApi 1.9). */
  readonly onChanged = new FakeChangedEvent(this.queue);

  protected current(): FakeWorksheet[] {
    return this.queue.host.book.worksheets.map((ws) => new FakeWorksheet(this.queue, Handle.of(ws)));
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.queue, Handle.later(this.queue, () => findSheet(this.queue.host, key), false, `The worksheet '${key}'`));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.queue, Handle.later(this.queue, () => findSheet(this.queue.host, key), true, `The worksheet '${key}'`));
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.queue, Handle.later(this.queue, () => activeSheet(this.queue.host), false, "The active worksheet"));
  }

  /** Adds at the end, as Excel does, without activating the new sheet. */
  add(name: string): FakeWorksheet {
    const host = this.queue.host;
    this.queue.enqueue(() => {
      assertStructureEditable(host);
      if (findSheet(host, name)) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
      assertSheetName(name);
      host.book.addWorksheet(name);
    });
    return this.getItem(name);
  }
}

/** WorkbookProtection: whether 保护工作簿 (structure) is on. */
export class FakeWorkbookProtection extends FakeObject<FakeHost> {
  protected readers() {
    return { protected: (host: FakeHost) => host.structureProtected };
  }

  get protected(): boolean {
    return this.loadedValue("protected");
  }
}

export class FakeWorkbook extends FakeObject<FakeHost> {
  private worksheetsProxy: FakeWorksheetCollection | undefined;
  private notesProxy: FakeNoteCollection | undefined;
  private commentsProxy: FakeCommentCollection | undefined;
  private protectionProxy: FakeWorkbookProtection | undefined;

  constructor(queue: Queue) {
    super(queue, Handle.of(queue.host));
  }

  /** Workbook.readOnly (ExcelApi 1.8). */
  protected readers() {
    return {
      readOnly: (host: FakeHost) => {
        requireApi(host, "1.8", "Workbook.readOnly");
        return host.readOnly;
      },
    };
  }

  protected child(name: string) {
    return name === "protection" ? this.protection : undefined;
  }

  get readOnly(): boolean {
    return this.loadedValue("readOnly");
  }

  /** Workbook.protection (ExcelApi 1.7). */
  get protection(): FakeWorkbookProtection {
    requireApi(this.queue.host, "1.7", "Workbook.protection");
    return (this.protectionProxy ??= new FakeWorkbookProtection(this.queue, this.handle));
  }

  get worksheets(): FakeWorksheetCollection {
    return (this.worksheetsProxy ??= new FakeWorksheetCollection(this.queue));
  }

  get notes(): FakeNoteCollection {
    return (this.notesProxy ??= new FakeNoteCollection(this.queue));
  }

  get comments(): FakeCommentCollection {
    return (this.commentsProxy ??= new FakeCommentCollection(this.queue));
  }

  /** The selection, or A1 of the active sheet when nothing was selected. */
  getSelectedRange(): FakeRange {
    const host = this.queue.host;
    const handle = Handle.later(
      this.queue,
      () => {
        const sheet = activeSheet(host);
        if (!sheet) return undefined;
        return host.selection && host.selection.sheet === sheet ? host.selection : { sheet, range: { top: 0, left: 0, bottom: 0, right: 0 } };
      },
      false,
      "The selection",
    );
    return new FakeRange(this.queue, handle);
  }
}
