import type ExcelJS from "exceljs";
import { rangeFromA1 } from "../../src/core/grid/address";
import { FakeCommentCollection, FakeNoteCollection } from "./annotations";
import { usedRange } from "./cells";
import { assertLive, FakeCollection, FakeHost, FakeObject, FakeOfficeError, Handle, Queue } from "./core";
import { FakeRange } from "./range";

type Visibility = "Visible" | "Hidden" | "VeryHidden";
const TO_OFFICE: Record<ExcelJS.WorksheetState, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };
const TO_EXCELJS: Record<Visibility, ExcelJS.WorksheetState> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/** The whole grid of a sheet, as Worksheet.getRange() with no address gives it. */
const WHOLE_SHEET = { top: 0, left: 0, bottom: 1_048_575, right: 16_383 };

/** Excel matches sheet names without regard to case. */
function findSheet(host: FakeHost, name: string): ExcelJS.Worksheet | undefined {
  return host.book.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
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

export class FakeWorksheet extends FakeObject<ExcelJS.Worksheet> {
  private protectionProxy: FakeWorksheetProtection | undefined;

  protected readers() {
    return { name: (ws: ExcelJS.Worksheet) => ws.name, visibility: (ws: ExcelJS.Worksheet) => TO_OFFICE[ws.state] };
  }

  protected child(name: string) {
    return name === "protection" ? this.protection : undefined;
  }

  get name(): string {
    return this.loadedValue("name");
  }

  get visibility(): Visibility {
    return this.loadedValue("visibility");
  }
  /** Excel keeps at least one sheet visible. */
  set visibility(visibility: Visibility) {
    this.later((ws) => {
      assertLive(this.queue.host, ws);
      if (visibility !== "Visible" && visibleSheets(this.queue.host).every((v) => v === ws)) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      ws.state = TO_EXCELJS[visibility];
    });
  }

  get protection(): FakeWorksheetProtection {
    return (this.protectionProxy ??= new FakeWorksheetProtection(this.queue, this.handle));
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
      if (ws.state === "visible" && visibleSheets(host).length === 1) throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      host.book.removeWorksheet(ws.id);
      host.comments.delete(ws);
    });
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
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
      if (findSheet(host, name)) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
      if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new FakeOfficeError("InvalidArgument", `'${name}' is not a valid sheet name.`);
      host.book.addWorksheet(name);
    });
    return this.getItem(name);
  }
}

export class FakeWorkbook {
  private worksheetsProxy: FakeWorksheetCollection | undefined;
  private notesProxy: FakeNoteCollection | undefined;
  private commentsProxy: FakeCommentCollection | undefined;

  constructor(private readonly queue: Queue) {}

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
