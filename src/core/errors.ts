/** A workbook that cannot be scored or written safely; the message is Chinese and names what is wrong. */
export class ScoringError extends Error {}
