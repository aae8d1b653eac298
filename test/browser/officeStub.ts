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

const ready: Promise<void> = (async () => {
  // Which workbook is open: ?fixture=name.xlsx on the page's URL, else the test's main example.
  const response = await fetch(new URLSearchParams(location.search).get("fixture") ?? "fixture.xlsx");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
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
