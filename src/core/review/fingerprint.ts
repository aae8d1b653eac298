import { CellValue, WorkbookSnapshot } from "../model";
import { ownSheetNames } from "../plan/backup";

/**
 * A digest of what the officer's sheets hold (names and values; our summary and backup sheets left out), taken when
 * scoring and again when Excel reports a change: our own writes (fills, notes, our sheets) leave it as it was, an
 * edit of a value changes it, and undoing the edit restores it. Two 32-bit FNV-1a hashes: a check, not a secret.
 */
export function valuesFingerprint(snapshot: WorkbookSnapshot): string {
  const own = ownSheetNames(snapshot);
  let a = 0x811c9dc5;
  let b = 0x01000193;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x811c9dc5) ^ (b >>> 15);
    }
  };
  const tag = (v: CellValue) => (v === null ? "\u0000" : `${typeof v}:${String(v)}\u0001`);
  for (const sheet of snapshot.sheets) {
    if (own.has(sheet.name)) continue;
    add(`\u0002${sheet.name}\u0002${sheet.top},${sheet.left}\u0002`);
    for (const row of sheet.values) {
      for (const v of row) add(tag(v));
      add("\u0003");
    }
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return hex(a) + hex(b);
}
