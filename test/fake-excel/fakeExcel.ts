import type ExcelJS from "exceljs";
import { rangeFromA1, rangeToA1 } from "../../src/core/grid/address";
import { writeOfficeValue } from "./cells";
import { raiseChanged } from "./events";
import { FakeHost, findSheet, supports } from "./core";
import { FakeRequestContext } from "./context";
import { activeSheet } from "./workbook";

export { FakeOfficeError } from "./core";
export { FakeRequestContext } from "./context";
export { dumpWorkbook } from "./dump";

/**
 * FakeExcel: an Office.js look-alike over an in-memory ExcelJS workbook, so that the real Office.js adapter runs
 * under jest (and, bundled, in a browser: nothing here uses Node APIs; loading a file is the test's business).
 * It models only what the adapter uses, with Office.js's names, value shapes and load/sync semantics.
 */

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the host supports: "1.18" (default), "1.10", "1.9"…; null for none. */
  apiVersion?: string | null;
  /** The document is open read-only and Excel refuses edits (as Excel on the web in viewing mode): every write fails. */
  readOnly?: boolean;
  /** 保护工作簿: sheets cannot be added, deleted, renamed, hidden or shown. */
  structureProtected?: boolean;
}

/** The enums of the Excel namespace that callers may use instead of their string values. */
const RangeCopyType = { all: "All", formulas: "Formulas", values: "Values", formats: "Formats", link: "Link" } as const;

export interface FakeExcel {
  Excel: { run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>; RangeCopyType: typeof RangeCopyType };
  Office: { context: { requirements: { isSetSupported(name: string, version?: string): boolean } } };
  /** A context for driving the fake directly, outside Excel.run. */
  context: FakeRequestContext;
  /** context.sync() calls so far, over every context. */
  syncCount(): number;
  /** Threaded comments, which ExcelJS cannot store. */
  comments(): { sheet: string; cell: string; content: string }[];
  /** The officer types `value` into a cell ("" empties it), not through any add-in: Excel then raises onChanged. */
  edit(sheet: string, cell: string, value: string | number | boolean): void;
  /** What the officer would see selected. */
  selection(): { sheet: string; address: string } | undefined;
  /** Puts Excel and Office on globalThis, as office.js does; returns the function that puts back what was there. */
  install(): () => void;
}

export function createFakeExcel(workbook: ExcelJS.Workbook, options: FakeExcelOptions = {}): FakeExcel {
  const host: FakeHost = {
    book: workbook,
    syncs: 0,
    apiVersion: options.apiVersion === undefined ? "1.18" : options.apiVersion,
    comments: new Map(),
    nextCommentId: 0,
    active: undefined,
    selection: undefined,
    readOnly: options.readOnly ?? false,
    structureProtected: options.structureProtected ?? false,
    changedHandlers: new Set(),
  };
  const Excel = {
    RangeCopyType,
    /** Unlike Excel, leftover commands are an error: the adapter syncs explicitly, so that every sync is counted. */
    async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
      const context = new FakeRequestContext(host);
      const result = await batch(context);
      if (context.queued > 0) throw new Error(`FakeExcel: ${context.queued} command(s) queued after the last sync`);
      return result;
    },
  };
  const Office = {
    context: { requirements: { isSetSupported: (name: string, version = "1.1") => name === "ExcelApi" && supports(host, version) } },
  };
  return {
    Excel,
    Office,
    context: new FakeRequestContext(host),
    syncCount: () => host.syncs,
    comments: () =>
      [...host.comments].flatMap(([sheet, byCell]) => [...byCell].map(([cell, c]) => ({ sheet: sheet.name, cell, content: c.content }))),
    edit: (sheet, cell, value) => {
      const ws = findSheet(host, sheet);
      if (!ws) throw new Error(`FakeExcel: no sheet ${sheet}`);
      writeOfficeValue(ws.getCell(cell), value);
      raiseChanged(host, ws, rangeFromA1(cell));
    },
    selection: () => {
      const sheet = activeSheet(host);
      if (!sheet) return undefined;
      const range = host.selection?.sheet === sheet ? host.selection.range : { top: 0, left: 0, bottom: 0, right: 0 };
      return { sheet: sheet.name, address: rangeToA1(range) };
    },
    install: () => {
      const g = globalThis as Record<string, unknown>;
      const before = { Excel: g.Excel, Office: g.Office };
      g.Excel = Excel;
      g.Office = Office;
      return () => {
        g.Excel = before.Excel;
        g.Office = before.Office;
      };
    },
  };
}
