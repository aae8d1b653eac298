/// <reference types="office-js" />
/**
 * The only door from the task pane and the ribbon commands to Excel. Components never touch `Office` or `Excel`;
 * they ask this module, which forwards to the Office.js adapter (src/workbook/officejs.ts, the one file that talks to Excel).
 */
import { getBuiltInProfile } from "../core/rules/profiles";
import type { FindingKey } from "../core/review/confirmations";
import { clearMarks, scoreActiveWorkbook, selectCell, watchWorkbookChanges, workbookFingerprint, type ClearReport, type RunReport } from "../workbook/officejs";

export type { ClearReport, FindingKey, RunReport };

export type HostState = { ready: true } | { ready: false; message: string };

/** The page loads office.js from Microsoft's CDN or, in an intranet build, from its own site: name the one it uses. */
function officeNotLoaded(): string {
  const script = document.querySelector<HTMLScriptElement>('script[src$="office.js"]');
  const where = script ? new URL(script.src).host : "office.js 所在的网站";
  return `未能加载 Office 组件（office.js），无法连接 Excel。请在 Excel 的“绩效自评”选项卡中点“评分面板”打开本窗格，并确认本机可以访问 ${where}。`;
}
const NOT_IN_EXCEL = "本加载项只能在 Excel 中使用。请在 Excel 中打开自评表，再从“绩效自评”选项卡启动。";
const CONNECT_TIMEOUT = "连接 Excel 超时。请关闭本窗格后重新打开。";

/** Long enough for a slow Excel start, short enough that the officer is not left staring at a spinner. */
const CONNECT_TIMEOUT_MS = 20000;

/**
 * Resolves once Office says which host we are in. Never throws: when office.js did not load (offline, blocked, or
 * the page opened in a plain browser) `Office` is undefined and the pane must still explain itself.
 */
export function connectToExcel(): Promise<HostState> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return Promise.resolve({ ready: false, message: officeNotLoaded() });
  }
  const ready = Office.onReady().then(
    (info): HostState =>
      info.host === Office.HostType.Excel && typeof Excel !== "undefined"
        ? { ready: true }
        : { ready: false, message: NOT_IN_EXCEL }
  );
  const timeout = new Promise<HostState>((resolve) =>
    setTimeout(() => resolve({ ready: false, message: CONNECT_TIMEOUT }), CONNECT_TIMEOUT_MS)
  );
  return Promise.race([ready, timeout]);
}

export function scoreWorkbook(profileId: string): Promise<RunReport> {
  return scoreActiveWorkbook(getBuiltInProfile(profileId));
}

/** Marks a finding 已核对 (the note may be empty) and scores again, so that its cell is unmarked and 评分汇总 lists it. */
export function confirmFinding(profileId: string, finding: FindingKey, note: string): Promise<RunReport> {
  return scoreActiveWorkbook(getBuiltInProfile(profileId), { confirm: finding, note });
}

/** Withdraws a finding's 已核对 and scores again, so that its cell is marked again. */
export function withdrawConfirmation(profileId: string, finding: FindingKey): Promise<RunReport> {
  return scoreActiveWorkbook(getBuiltInProfile(profileId), { withdraw: finding });
}

/** Whether the values of the officer's sheets differ from those of the run that reported `fingerprint`. */
export async function changedSince(fingerprint: string): Promise<boolean> {
  return (await workbookFingerprint()) !== fingerprint;
}

export function onWorkbookChanged(changed: () => void): Promise<void> {
  return watchWorkbookChanges(changed);
}

export function clearWorkbookMarks(): Promise<ClearReport> {
  return clearMarks();
}

export function goToCell(sheet: string, cell: string): Promise<void> {
  return selectCell(sheet, cell);
}
