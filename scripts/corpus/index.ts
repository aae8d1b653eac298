/** Every workbook of the held-out corpus, in file order, and where the written files live. */
import path from "path";
import { CorpusEntry } from "./types";
import { c01 } from "./c01-f1";
import { c02 } from "./c02-f2-d2";
import { c03 } from "./c03-f3-d3";
import { c04 } from "./c04-f3-defen-d3-years";
import { c05 } from "./c05-d5-f4";
import { c06 } from "./c06-f5";
import { c07 } from "./c07-f5-qs";
import { c08 } from "./c08-f6";
import { c09 } from "./c09-d1-f1";
import { c10 } from "./c10-d4-f1";
import { c11 } from "./c11-one-sheet";
import { c12 } from "./c12-two-level";
import { c13 } from "./c13-repeated-header";
import { c14 } from "./c14-d5-f4-yuan";

export const CORPUS: CorpusEntry[] = [c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, c12, c13, c14];

export const CORPUS_DIR = path.resolve(__dirname, "..", "..", "test", "corpus", "workbooks");

export function corpusFile(entry: CorpusEntry): string {
  return path.join(CORPUS_DIR, entry.expectation.file);
}
