/// <reference types="office-js" />
/**
 * Ribbon buttons that work without opening the pane (ExecuteFunction commands). Each is a thin call into the same
 * service the pane uses, then one message in a dialog.
 */
import { rememberedProfileId } from "../ui/profileChoice";
import { clearWorkbookMarks, scoreWorkbook } from "../addin/service";
import { showNotice } from "./showNotice";
import { clearSummaryMessage, failureMessage, scoreSummaryMessage } from "./summaryMessage";

/** Runs `work`, shows its message (or the failure), and completes the event whatever happens. */
async function runCommand(event: Office.AddinCommands.Event, action: string, work: () => Promise<string>) {
  let message: string;
  try {
    message = await work();
  } catch (error) {
    message = failureMessage(action, error);
  }
  try {
    showNotice(message, () => event.completed());
  } catch {
    // Office refused even to try the dialog; the command must still end or Excel keeps it "running".
    event.completed();
  }
}

// Without office.js (the page opened outside Office) there is nothing to register with. Actions are associated at
// load, as Office looks them up as soon as the function file has initialised.
if (typeof Office !== "undefined") {
  Office.actions.associate("scoreWorkbook", (event: Office.AddinCommands.Event) =>
    runCommand(event, "评分", async () => scoreSummaryMessage(await scoreWorkbook(rememberedProfileId())))
  );
  Office.actions.associate("clearMarks", (event: Office.AddinCommands.Event) =>
    runCommand(event, "清除标注", async () => clearSummaryMessage(await clearWorkbookMarks()))
  );
  void Office.onReady();
}
