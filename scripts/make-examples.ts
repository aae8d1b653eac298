/** Writes the example workbooks into examples/: `npm run examples`. */
import path from "path";
import { ALL_EXAMPLES } from "./examples/otherDepartments";
import { exampleWorkbook, REORDERED_LAYOUT, STANDARD_LAYOUT } from "./examples/writeWorkbook";

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, "..", "examples");
  for (const [i, dept] of ALL_EXAMPLES.entries()) {
    // The clean department uses the other layout, so that the examples show both.
    const workbook = exampleWorkbook(dept, i === 1 ? REORDERED_LAYOUT : STANDARD_LAYOUT);
    await workbook.xlsx.writeFile(path.join(dir, dept.file));
    console.log(`已生成 examples/${dept.file}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
