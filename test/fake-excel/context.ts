import { FakeHost, Queue } from "./core";
import { FakeWorkbook } from "./workbook";

/**
 * Excel.RequestContext: proxies queue their loads and writes here, and sync() runs them in order, as one round trip.
 * Like Excel, the first failing command ends the batch: what came before it stays applied, the rest is dropped.
 */
export class FakeRequestContext implements Queue {
  readonly workbook: FakeWorkbook;
  private pending: (() => void)[] = [];

  constructor(readonly host: FakeHost) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(op: () => void): void {
    this.pending.push(op);
  }

  /** Commands queued since the last sync. */
  get queued(): number {
    return this.pending.length;
  }

  async sync(): Promise<void> {
    this.host.syncs++;
    const batch = this.pending;
    this.pending = [];
    await Promise.resolve(); // a round trip never completes synchronously
    for (const op of batch) op();
  }
}
