/// <reference types="office-js" />
/**
 * Tells a ribbon command's result in a small Office dialog. Excel has no notification API for add-ins (Outlook's
 * notificationMessages do not exist here), and the documented way for a UI-less function file to show anything is
 * Office.context.ui.displayDialogAsync with a page of our own origin.
 */

/** Percent of the Excel window: enough for two lines of Chinese text and a button. */
const DIALOG_SIZE = { height: 25, width: 30 };

/**
 * Opens notice.html with the message and calls `done` exactly once: when the officer closes the dialog, or at once
 * when the dialog cannot open. Completing the command only then keeps the function file (the dialog's parent) alive
 * while the dialog is up; closing the parent runtime would take the dialog down with it.
 */
export function showNotice(message: string, done: () => void): void {
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done();
  };
  if (!Office.context.requirements.isSetSupported("DialogApi", "1.1")) {
    finish();
    return;
  }
  const url = new URL("notice.html", window.location.href);
  url.searchParams.set("message", message);
  Office.context.ui.displayDialogAsync(url.href, { ...DIALOG_SIZE, displayInIframe: true }, (opened) => {
    if (opened.status !== Office.AsyncResultStatus.Succeeded) {
      finish();
      return;
    }
    const dialog = opened.value;
    // The 确定 button messages us; the dialog's own close box raises DialogEventReceived instead.
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
      dialog.close();
      finish();
    });
    dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
  });
}
