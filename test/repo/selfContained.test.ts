/**
 * `npm ci && npm test` must pass in a fresh clone with Node and npm only: no test, script or build file may read
 * outside the checkout (a sibling shared/ folder, a machine's own paths) or need a browser that only apt or a
 * download brings.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import path from "path";

const ROOT = path.resolve(__dirname, "../..");
const SCANNED = ["test", "scripts", "bench", "webpack.config.js", "jest.config.js", "eslint.config.js", "package.json", ".ci/run"];

const FORBIDDEN: [string, RegExp][] = [
  ["a shared/ folder beside the repository", /\.\.\/shared|["'/]shared["'/]/],
  ["a system browser at a fixed path", /\/usr\/(local\/)?bin\/(chromium|google-chrome|chrome)|executablePath:\s*["']/],
  ["installing with apt", /\bapt(-get)? install/],
  ["a browser download", /playwright(-core)? install|npx playwright/],
  ["a developer's own folders", /["'`](\/work|\/home|\/Users|[A-Z]:\\\\)/],
];

/** Text files under `entry` (a file or a folder), as paths relative to the repository. */
function filesUnder(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full).flatMap((name) => filesUnder(path.join(entry, name)));
}

const files = SCANNED.flatMap(filesUnder).filter((file) => /\.(ts|tsx|js|json|md)$|^\.ci\/run$/.test(file));

test("scans the tests, scripts and build files, this one excepted", () => {
  expect(files).toEqual(expect.arrayContaining(["test/browser/launchBrowser.ts", "scripts/site.js", "webpack.config.js", ".ci/run"]));
});

/**
 * The lines that the README's test line depends on. In .ci/run that is everything up to `npm test`: what CI installs
 * after it (LibreOffice for `npm run render`) serves checks of its own, which a fresh machine need not run.
 */
function linesThatTestsNeed(file: string): string[] {
  const lines = readFileSync(path.join(ROOT, file), "utf8").split("\n");
  if (file !== ".ci/run") return lines;
  const testLine = lines.findIndex((l) => /npm (run )?test\b/.test(l));
  return testLine === -1 ? lines : lines.slice(0, testLine + 1);
}

test.each(FORBIDDEN)("nothing reaches for %s", (_, pattern) => {
  const self = path.relative(ROOT, __filename);
  const hits = files
    .filter((file) => file !== self)
    .flatMap((file) => linesThatTestsNeed(file).flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
  expect(hits).toEqual([]);
});

test(".ci/run calls the README's test line before anything it installs for its own checks", () => {
  const run = readFileSync(path.join(ROOT, ".ci/run"), "utf8");
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  expect(readme).toContain("npm ci && npm test");
  expect(run.indexOf("npm ci && npm test")).toBeGreaterThan(-1);
  const install = run.search(/apt-get install/);
  if (install !== -1) expect(install).toBeGreaterThan(run.indexOf("npm ci && npm test"));
});
