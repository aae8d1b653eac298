import { fmt } from "../decimal";

/** A sentence of the draft with the cells it states: nothing is said that the workbook does not say. */
export interface Sentence {
  text: string;
  cells: string[];
}

/** The declared total, for sentences that state it (it is the sum of the declared scores, not one cell). */
export const DECLARED_TOTAL = "total.declared";

export function sentence(text: string, cells: string[]): Sentence {
  const body = text.replace(/[。；，,;\s]+$/, "");
  return { text: `${body}。`, cells: [...new Set(cells)] };
}

/** A paragraph: its sentences run on. */
export function paragraph(sentences: Sentence[]): string {
  return sentences.map((s) => s.text).join("");
}

/** Percentages as reports write them: 100%, 82.17%, 45.2%. */
export function percentText(value: number): string {
  return `${fmt(value)}%`;
}

export function amountText(value: number, unit: string): string {
  return `${fmt(value)}${unit}`;
}

/** Marks officers put in a reason cell that say nothing. */
const NO_REASON = /^[—\-－/／\\、.。无]*$/;

/**
 * An officer's reason as a clause of the report: the label, a leading 因/由于 and a trailing 扣N分 dropped, blanks
 * between Chinese characters and digits closed up, repeated parts said once, end punctuation removed. Null when the
 * cell says nothing ("—", "/", "无").
 */
export function tidyReason(reason: string | undefined | null): string | null {
  if (!reason) return null;
  const text = reason
    .replace(/^\s*(扣分原因|原因|扣分说明|说明)\s*[:：]\s*/, "")
    .replace(/^\s*(由于|因为|因)\s*/, "")
    .replace(/([\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff\d])/g, "$1")
    // Percentages as reports write them, the value unchanged: 100.00% → 100%, 45.20% → 45.2%.
    .replace(/(\d+)\.00%/g, "$1%")
    .replace(/(\d+\.\d)0%/g, "$1%")
    .replace(/\s+/g, " ")
    .trim();
  if (NO_REASON.test(text)) return null;
  // The points are the draft's to state: a trailing "扣5分" in the reason would say them twice.
  const parts = text
    .split(/[；;。\n]+/)
    .map((p) => p.trim().replace(/[，,]?\s*扣\s*[\d.]+\s*分$/, "").replace(/[，,、\s]+$/, ""))
    .filter((p) => p && !NO_REASON.test(p));
  const distinct = parts.filter((p, i) => parts.indexOf(p) === i);
  return distinct.length > 0 ? distinct.join("；") : null;
}
