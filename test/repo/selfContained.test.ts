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

test.each(FORBIDDEN)("nothing reaches for %s", (_, pattern) => {
  const self = path.relative(ROOT, __filename);
  const hits = files
    .filter((file) => file !== self)
    .flatMap((file) =>
      readFileSync(path.join(ROOT, file), "utf8")
        .split("\n")
        .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []))
    );
  expect(hits).toEqual([]);
});
