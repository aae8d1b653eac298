/**
 * Stands in for office.js in the browser test: `Office` as far as our pages use it, and `Excel` from FakeExcel over
 * a workbook the test server offers. Test hooks live on window.__fake (the workbook side) and
 * window.__office (ribbon commands and their dialogs).
 */
import ExcelJS from "exceljs";
import { createFakeExcel, type FakeExcel } from "../fake-excel/fakeExcel";

type Handler = (arg: unknown) => void;

interface StubDialog {
  url: string;
  handlers: Map<string, Handler>;
  closed: boolean;
}

const EventType = { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" };
/** Office's code for "the dialog was closed by the user". */
const DIALOG_CLOSED_BY_USER = 12006;

const actions = new Map<string, (event: { completed(): void }) => unknown>();
const dialogs: StubDialog[] = [];
let fake: FakeExcel | undefined;

/** Where __fake.save() keeps the saved workbook, so that the reloaded page (a reopened workbook) opens it. */
const SAVED = "ziping-test.saved";

async function openedBytes(): Promise<ArrayBuffer> {
  const saved = sessionStorage.getItem(SAVED);
  if (saved !== null) return Uint8Array.from(atob(saved), (c) => c.charCodeAt(0)).buffer;
  // Which workbook is open: ?fixture=name.xlsx on the page's URL, else the test's main example.
  const response = await fetch(new URLSearchParams(location.search).get("fixture") ?? "fixture.xlsx");
  return response.arrayBuffer();
}

const ready: Promise<void> = (async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await openedBytes());
  fake = createFakeExcel(book);
  Object.assign(window, {
    Excel: fake.Excel,
    __fake: {
      /** "Sheet!A1" of the officer's selection, or null before anything was selected. */
      selectedAddress: () => {
        const s = fake?.selection();
        return s ? `${s.sheet}!${s.address}` : null;
      },
      sheetNames: () => book.worksheets.map((ws) => ws.name),
      /** The officer types into a cell. */
      edit: (sheet: string, cell: string, value: string | number) => fake?.edit(sheet, cell, value),
      /** A cell's fill ("#RRGGBB" or null) and note, as the officer sees them. */
      cell: (sheet: string, address: string) => {
        const c = book.getWorksheet(sheet)?.getCell(address);
        const fill = c?.fill as { type?: string; fgColor?: { argb?: string } } | undefined;
        const note = c?.note as string | { texts?: { text: string }[] } | undefined;
        return {
          fill: fill?.type === "pattern" && fill.fgColor?.argb ? `#${fill.fgColor.argb.slice(2)}` : null,
          note: note === undefined ? null : typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join(""),
        };
      },
      /** Saves the workbook as .xlsx for the next load of the page: reloading then is closing and reopening it. */
      save: async () => {
        const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
        let text = "";
        for (const b of bytes) text += String.fromCharCode(b);
        sessionStorage.setItem(SAVED, btoa(text));
      },
      syncCount: () => fake?.syncCount() ?? 0,
    },
  });
})();

const Office = {
  HostType: { Excel: "Excel" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType,
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    return ready.then(() => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return info;
    });
  },
  context: {
    requirements: {
      isSetSupported: (name: string, version?: string) =>
        name === "DialogApi" || (fake?.Office.context.requirements.isSetSupported(name, version) ?? false),
    },
    ui: {
      displayDialogAsync(url: string, _options: unknown, callback: (result: unknown) => void) {
        const dialog: StubDialog = { url, handlers: new Map(), closed: false };
        dialogs.push(dialog);
        callback({
          status: "succeeded",
          value: {
            addEventHandler: (type: string, handler: Handler) => dialog.handlers.set(type, handler),
            close: () => {
              dialog.closed = true;
            },
          },
        });
      },
      messageParent() {
        // The notice page runs without a parent here; nothing to deliver to.
      },
    },
  },
  actions: {
    associate(name: string, handler: (event: { completed(): void }) => unknown) {
      actions.set(name, handler);
    },
  },
};

Object.assign(window, {
  Office,
  __office: {
    actionNames: () => [...actions.keys()],
    /** Runs a ribbon command once Office is initialised, as Office does; resolves when it calls event.completed(). */
    invoke: (name: string) =>
      ready.then(
        () =>
          new Promise<void>((resolve, reject) => {
            const action = actions.get(name);
            if (!action) reject(new Error(`no action ${name}`));
            else action({ completed: resolve });
          })
      ),
    dialogUrls: () => dialogs.map((d) => d.url),
    /** The officer closes dialog `index` with its close box. */
    closeDialog: (index: number) => dialogs[index].handlers.get(EventType.DialogEventReceived)?.({ error: DIALOG_CLOSED_BY_USER }),
  },
});
