/// <reference types="office-js" />
/**
 * The dialog page a ribbon command opens to tell its result. The text comes in the query string and is shown with
 * textContent, never as HTML.
 */
const message = new URLSearchParams(window.location.search).get("message") ?? "";
const text = document.getElementById("message");
const ok = document.getElementById("ok");
if (text !== null) text.textContent = message;

if (ok !== null) {
  ok.addEventListener("click", () => {
    // Only the parent (the function file) can close an Office dialog; without Office this is a plain browser tab.
    if (typeof Office !== "undefined" && Office.context?.ui) Office.context.ui.messageParent("close");
    else window.close();
  });
}

if (typeof Office !== "undefined") void Office.onReady();
