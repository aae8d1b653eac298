import type ExcelJS from "exceljs";
import { rangeFromA1 } from "../../src/core/grid/address";
import type { CellRange } from "../../src/core/model";
import type { ChangedHandler } from "./events";

/**
 * The machinery every FakeExcel proxy shares: the error Office.js throws, the host state behind the proxies, the
 * binding of a proxy to what it stands for, and load/read semantics.
 */

/**
 * What context.sync() rejects with in Office.js (OfficeExtension.Error): callers look at `code`, and at
 * `debugInfo.errorLocation` ("CommentCollection.add") for which call failed, where the fake knows it.
 */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export function notLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** The workbook and application state behind every context of one FakeExcel. */
export interface FakeHost {
  readonly book: ExcelJS.Workbook;
  syncs: number;
  /** Highest ExcelApi requirement set supported ("1.18"); null when none is. */
  readonly apiVersion: string | null;
  /** Threaded comments, which ExcelJS cannot hold: per sheet, by A1 address. */
  readonly comments: Map<ExcelJS.Worksheet, Map<string, { id: string; content: string }>>;
  nextCommentId: number;
  active: ExcelJS.Worksheet | undefined;
  selection: { sheet: ExcelJS.Worksheet; range: CellRange } | undefined;
  /** A document opened read-only where Excel refuses edits (Excel on the web in viewing mode): every write fails. */
  readOnly: boolean;
  /** 保护工作簿 (structure): sheets cannot be added, deleted, renamed, hidden or shown. */
  structureProtected: boolean;
  /** WorksheetCollection.onChanged handlers registered so far. */
  readonly changedHandlers: Set<ChangedHandler>;
}

/** What a proxy needs from its RequestContext: the host, and a queue that the next sync runs in order. */
export interface Queue {
  readonly host: FakeHost;
  enqueue(op: () => void): void;
}

function versionNumbers(v: string): number[] {
  return v.split(".").map(Number);
}

export function supports(host: FakeHost, version: string): boolean {
  if (host.apiVersion === null) return false;
  const [major, minor] = versionNumbers(version);
  const [maxMajor, maxMinor] = versionNumbers(host.apiVersion);
  return major < maxMajor || (major === maxMajor && minor <= maxMinor);
}

/** Using an API the host lacks fails as Office.js fails it. Thrown at once, so the stack shows the caller. */
export function requireApi(host: FakeHost, version: string, api: string): void {
  if (!supports(host, version)) throw new FakeOfficeError("ApiNotFound", `${api} needs ExcelApi ${version}; this host supports ${host.apiVersion ?? "none"}`);
}

export function assertLive(host: FakeHost, sheet: ExcelJS.Worksheet): void {
  if (!host.book.worksheets.includes(sheet)) throw new FakeOfficeError("ItemNotFound", `The worksheet '${sheet.name}' no longer exists.`);
}

/**
 * A read-only document refuses every change. What Excel reports then is not documented; the fake says AccessDenied,
 * the code a protected sheet gets, so that an adapter cannot rely on the error code to tell the two apart.
 */
export function assertWritable(host: FakeHost): void {
  if (host.readOnly) throw new FakeOfficeError("AccessDenied", "The workbook is read-only and cannot be changed.");
}

/** Adding, deleting, renaming, hiding or showing a sheet: refused by a read-only document and by 保护工作簿. */
export function assertStructureEditable(host: FakeHost): void {
  assertWritable(host);
  if (host.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
}

/** Excel refuses every change to a protected sheet's cells (the fake models no "allow formatting" exceptions). */
export function assertEditable(host: FakeHost, sheet: ExcelJS.Worksheet): void {
  assertLive(host, sheet);
  assertWritable(host);
  const protection = (sheet as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  if (protection?.sheet) throw new FakeOfficeError("AccessDenied", `The cell or chart you're trying to change is on the protected sheet '${sheet.name}'.`);
}

/** Excel matches sheet names without regard to case. */
export function findSheet(host: FakeHost, name: string): ExcelJS.Worksheet | undefined {
  return host.book.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
}

/** A sheet-qualified address ("'Sheet 1'!B2:C3") resolved at sync time. */
export function qualifiedTarget(host: FakeHost, address: string): { sheet: ExcelJS.Worksheet; range: CellRange } {
  const bang = address.lastIndexOf("!");
  const name = address.slice(0, Math.max(bang, 0)).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  const sheet = bang < 0 ? undefined : findSheet(host, name);
  if (!sheet) throw new FakeOfficeError("InvalidArgument", `The address ${address} names no sheet of the workbook.`);
  return { sheet, range: rangeFromA1(address.slice(bang + 1)) };
}

type Status = "pending" | "bound" | "null";

/**
 * What a proxy stands for, resolved in queue order at sync time as Office.js resolves object paths: a worksheet got by
 * name exists only once the sync runs, and an *OrNullObject proxy learns then whether it is null.
 */
export class Handle<T> {
  private constructor(
    private readonly read: () => T,
    private readonly status: () => Status,
  ) {}

  static of<T>(value: T): Handle<T> {
    return new Handle(
      () => value,
      () => "bound",
    );
  }

  /** Resolved by an op queued now; undefined means a null object (orNull) or ItemNotFound at sync. */
  static later<T>(queue: Queue, resolve: () => T | undefined, orNull: boolean, what: string): Handle<T> {
    let status: Status = "pending";
    let value: T | undefined;
    queue.enqueue(() => {
      value = resolve();
      if (value !== undefined) status = "bound";
      else if (orNull) status = "null";
      else throw new FakeOfficeError("ItemNotFound", `${what} does not exist.`);
    });
    return new Handle(
      () => value as T,
      () => status,
    );
  }

  /** A handle for a part of this one (a range of a sheet, the format of a range): null when this one is. */
  map<U>(f: (t: T) => U): Handle<U> {
    return new Handle(() => f(this.get()), this.status);
  }

  get(): T {
    const status = this.status();
    if (status === "null") throw new FakeOfficeError("InvalidOperation", "The object is a null object (isNullObject is true).");
    if (status === "pending") throw new Error("FakeExcel: a proxy was used before the sync that binds it");
    return this.read();
  }

  isNull(): boolean {
    const status = this.status();
    if (status === "pending") throw notLoaded("isNullObject");
    return status === "null";
  }
}

export type LoadSpec = string | string[] | { select?: string };

/** "a, b/c" → [["a"], ["b", "c"]]; the forms Office.js load() takes. */
function loadPaths(spec: LoadSpec | undefined): string[][] {
  const text = spec === undefined ? "" : typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : (spec.select ?? "");
  return text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split("/"));
}

/** Anything a load path can reach. */
export interface Capturable {
  capture(paths: string[][]): void;
}

/**
 * A proxy: properties are readable only once loaded and synced, and show the state at the moment of the sync;
 * setters and methods queue their effect for the next sync.
 */
export abstract class FakeObject<T> implements Capturable {
  private readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly queue: Queue,
    protected readonly handle: Handle<T>,
  ) {}

  get isNullObject(): boolean {
    return this.handle.isNull();
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.queue.enqueue(() => this.capture(paths));
    return this;
  }

  /** Reads the requested properties now, in queue order; no paths means every scalar property. A null object loads nothing. */
  capture(paths: string[][]): void {
    if (this.handle.isNull()) return;
    const readers = this.readers();
    const requested = paths.length > 0 ? paths : Object.keys(readers).map((k) => [k]);
    for (const [head, ...rest] of requested) {
      const child = this.child(head);
      if (child) child.capture(rest.length > 0 ? [rest] : []);
      else if (rest.length === 0 && readers[head]) this.loaded.set(head, readers[head](this.handle.get()));
      else throw new Error(`FakeExcel: ${this.constructor.name} does not model '${[head, ...rest].join("/")}'`);
    }
  }

  /** Readers of the scalar properties, by their Office.js names. */
  protected abstract readers(): Record<string, (target: T) => unknown>;

  /** Navigation properties that load paths go through ("format/fill/color"). */
  protected child(_name: string): Capturable | undefined {
    return undefined;
  }

  protected loadedValue<V>(property: string): V {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return this.loaded.get(property) as V;
  }

  /** Queues an effect on the target for the next sync. */
  protected later(op: (target: T) => void): void {
    this.queue.enqueue(() => op(this.handle.get()));
  }
}

/** A collection: `items` exists once loaded; "items/name" and "name" both load the items' names. */
export abstract class FakeCollection<I extends Capturable> extends FakeObject<null> {
  private loadedItems: I[] | undefined;

  constructor(queue: Queue) {
    super(queue, Handle.of(null));
  }

  get items(): I[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  capture(paths: string[][]): void {
    const itemPaths = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length > 0);
    const items = this.current();
    for (const item of items) item.capture(itemPaths);
    this.loadedItems = items;
  }

  /** Proxies for the items as they are at sync time. */
  protected abstract current(): I[];

  protected readers(): Record<string, (target: null) => unknown> {
    return {};
  }
}
