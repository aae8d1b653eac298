import type ExcelJS from "exceljs";
import { rangeFromA1, toA1 } from "../../src/core/grid/address";
import { existingCells, noteText, removeNote } from "./cells";
import { assertEditable, FakeCollection, FakeHost, FakeObject, FakeOfficeError, Handle, qualifiedTarget, Queue, requireApi } from "./core";
import { FakeRange } from "./range";

/**
 * Notes (ExcelApi 1.18, held by ExcelJS as cell notes) and threaded comments (ExcelApi 1.10, which ExcelJS cannot
 * hold, so the host keeps them). Excel allows one note or one comment thread per cell, not both.
 */

interface CellTarget {
  sheet: ExcelJS.Worksheet;
  row: number;
  col: number;
}

const addressOf = (t: CellTarget) => toA1({ row: t.row, col: t.col });

function commentsOf(host: FakeHost, sheet: ExcelJS.Worksheet): Map<string, { id: string; content: string }> {
  let byCell = host.comments.get(sheet);
  if (!byCell) host.comments.set(sheet, (byCell = new Map()));
  return byCell;
}

function annotated(host: FakeHost, t: CellTarget): boolean {
  return noteText(t.sheet.findCell(t.row + 1, t.col + 1)) !== undefined || commentsOf(host, t.sheet).has(addressOf(t));
}

/** The one cell an add() names: a Range, or a sheet-qualified address. */
function targetCell(host: FakeHost, where: FakeRange | string): CellTarget {
  const { sheet, range } = typeof where === "string" ? qualifiedTarget(host, where) : where.resolve();
  if (range.bottom !== range.top || range.right !== range.left) throw new FakeOfficeError("InvalidArgument", "The range must be a single cell.");
  return { sheet, row: range.top, col: range.left };
}

/** Queues an add on a free cell; the returned handle binds to that cell. */
function queueAdd(queue: Queue, where: FakeRange | string, place: (t: CellTarget) => void, location: string): Handle<CellTarget> {
  let placed: CellTarget | undefined;
  queue.enqueue(() => {
    try {
      const t = targetCell(queue.host, where);
      assertEditable(queue.host, t.sheet);
      if (annotated(queue.host, t)) throw new FakeOfficeError("InvalidArgument", `${t.sheet.name}!${addressOf(t)} already has a note or a comment.`);
      place(t);
      placed = t;
    } catch (e) {
      throw e instanceof FakeOfficeError ? new FakeOfficeError(e.code, e.message, location) : e;
    }
  });
  return Handle.later(queue, () => placed, false, "The new note or comment");
}

function location(queue: Queue, handle: Handle<CellTarget>): FakeRange {
  return new FakeRange(
    queue,
    handle.map((t) => ({ sheet: t.sheet, range: { top: t.row, left: t.col, bottom: t.row, right: t.col } })),
  );
}

export class FakeNote extends FakeObject<CellTarget> {
  protected readers() {
    return { content: (t: CellTarget) => noteText(t.sheet.findCell(t.row + 1, t.col + 1)) };
  }

  get content(): string {
    return this.loadedValue("content");
  }

  getLocation(): FakeRange {
    return location(this.queue, this.handle);
  }

  delete(): void {
    this.later((t) => {
      assertEditable(this.queue.host, t.sheet);
      const cell = t.sheet.findCell(t.row + 1, t.col + 1);
      if (!cell || noteText(cell) === undefined) throw new FakeOfficeError("ItemNotFound", `No note at ${addressOf(t)}.`);
      removeNote(cell);
    });
  }
}

export class FakeNoteCollection extends FakeCollection<FakeNote> {
  constructor(queue: Queue) {
    requireApi(queue.host, "1.18", "Workbook.notes");
    super(queue);
  }

  protected current(): FakeNote[] {
    const notes: FakeNote[] = [];
    for (const sheet of this.queue.host.book.worksheets) {
      existingCells(sheet, (cell, row, col) => {
        if (noteText(cell) !== undefined) notes.push(new FakeNote(this.queue, Handle.of({ sheet, row, col })));
      });
    }
    return notes;
  }

  add(cellAddress: FakeRange | string, content: string): FakeNote {
    return new FakeNote(this.queue, queueAdd(this.queue, cellAddress, (t) => (t.sheet.getCell(t.row + 1, t.col + 1).note = content), "NoteCollection.add"));
  }
}

export class FakeComment extends FakeObject<CellTarget> {
  protected readers() {
    const entry = (t: CellTarget) => commentsOf(this.queue.host, t.sheet).get(addressOf(t));
    return { id: (t: CellTarget) => entry(t)?.id, content: (t: CellTarget) => entry(t)?.content };
  }

  get id(): string {
    return this.loadedValue("id");
  }
  get content(): string {
    return this.loadedValue("content");
  }

  getLocation(): FakeRange {
    return location(this.queue, this.handle);
  }

  delete(): void {
    this.later((t) => {
      assertEditable(this.queue.host, t.sheet);
      if (!commentsOf(this.queue.host, t.sheet).delete(addressOf(t))) throw new FakeOfficeError("ItemNotFound", `No comment at ${addressOf(t)}.`);
    });
  }
}

export class FakeCommentCollection extends FakeCollection<FakeComment> {
  constructor(queue: Queue) {
    requireApi(queue.host, "1.10", "Workbook.comments");
    super(queue);
  }

  protected current(): FakeComment[] {
    return this.queue.host.book.worksheets.flatMap((sheet) =>
      [...commentsOf(this.queue.host, sheet).keys()].map((address) => {
        const { top, left } = rangeFromA1(address);
        return new FakeComment(this.queue, Handle.of({ sheet, row: top, col: left }));
      }),
    );
  }

  add(cellAddress: FakeRange | string, content: string): FakeComment {
    const host = this.queue.host;
    return new FakeComment(
      this.queue,
      queueAdd(this.queue, cellAddress, (t) => commentsOf(host, t.sheet).set(addressOf(t), { id: `comment-${++host.nextCommentId}`, content }), "CommentCollection.add"),
    );
  }
}
