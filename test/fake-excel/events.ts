import type ExcelJS from "exceljs";
import { rangeToA1 } from "../../src/core/grid/address";
import type { CellRange } from "../../src/core/model";
import { FakeHost, Queue, requireApi } from "./core";

/** What Excel passes to a WorksheetCollection.onChanged handler (the parts the fake models). */
export interface WorksheetChangedEventArgs {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: "RangeEdited";
  source: "Local";
}

export type ChangedHandler = (args: WorksheetChangedEventArgs) => Promise<unknown>;

/**
 * WorksheetCollection.onChanged (ExcelApi 1.9): handlers are registered by the sync that adds them, and each change of
 * values — by an add-in's write or by the officer typing — calls every handler afterwards, never inside the sync.
 */
export class FakeChangedEvent {
  constructor(private readonly queue: Queue) {}

  add(handler: ChangedHandler): { remove(): void } {
    requireApi(this.queue.host, "1.9", "WorksheetCollection.onChanged");
    const handlers = this.queue.host.changedHandlers;
    this.queue.enqueue(() => handlers.add(handler));
    return { remove: () => this.queue.enqueue(() => handlers.delete(handler)) };
  }
}

/** Tells every registered handler that values of `range` on `sheet` changed, as Excel does: after the change, asynchronously. */
export function raiseChanged(host: FakeHost, sheet: ExcelJS.Worksheet, range: CellRange): void {
  const args: WorksheetChangedEventArgs = { type: "WorksheetChanged", worksheetId: String(sheet.id), address: rangeToA1(range), changeType: "RangeEdited", source: "Local" };
  for (const handler of host.changedHandlers) setTimeout(() => void handler(args), 0);
}
