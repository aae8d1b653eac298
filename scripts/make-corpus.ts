/** Writes the held-out corpus into test/corpus/workbooks/: `npm run corpus`. */
import { CORPUS, corpusFile } from "./corpus";
import { writeWorkbook } from "./corpus/write";

async function main(): Promise<void> {
  for (const entry of CORPUS) {
    await writeWorkbook(entry.build(), corpusFile(entry));
    console.log(`已生成 test/corpus/workbooks/${entry.expectation.file}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
