/**
 * Copies text for pasting into the Word report. The async Clipboard API is often refused inside Office's task-pane
 * iframe (no clipboard-write permission), so we fall back to the old selection-based copy on the visible textarea.
 */
export async function copyText(text: string, source: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused by the host: try the fallback below.
  }
  if (source === null) return false;
  source.focus();
  source.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}
