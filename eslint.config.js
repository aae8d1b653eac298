/**
 * Lint for src/: the Office add-in rules (no context.sync() in a loop, load before read, sync before read, …) from
 * eslint-plugin-office-addins, on top of the TypeScript and React recommendations.
 *
 * The plugin's own `recommended` preset is not used verbatim: it matches only .js/.ts (not .tsx) and turns on
 * prettier/prettier, a formatter this project does not use. We take its office-addins rules and levels instead.
 */
const js = require("@eslint/js");
const officeAddins = require("eslint-plugin-office-addins");
const react = require("eslint-plugin-react");
const tseslint = require("typescript-eslint");

/** The office-addins/* rules with the levels the plugin recommends. */
const officeAddinsRecommended = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/"))
);

module.exports = tseslint.config(
  { ignores: ["dist/", "build/", "out/", "coverage/", "test-output/", "node_modules/"] },
  {
    files: ["src/**/*.{ts,tsx}"],
    extends: [
      js.configs.recommended,
      ...tseslint.configs.recommended,
      react.configs.flat.recommended,
      react.configs.flat["jsx-runtime"],
    ],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parserOptions: {
        ecmaFeatures: { jsx: true },
        // typescript-eslint 8.8 (pinned by the plugin) predates TypeScript 5.9; parsing is unaffected.
        warnOnUnsupportedTypeScriptVersion: false,
      },
    },
    settings: { react: { version: "detect" } },
    rules: {
      ...officeAddinsRecommended,
      // ARCHITECTURE: a scoring run is at most three syncs whatever the workbook's size, so this one is an error.
      "office-addins/no-context-sync-in-loop": "error",
      "no-eval": "error",
      // typescript-eslint 8.8 reads this rule's options without defaults under ESLint >= 9.15 and crashes; spelling
      // them out (with ESLint's default values) avoids that.
      "@typescript-eslint/no-unused-expressions": [
        "error",
        { allowShortCircuit: false, allowTernary: false, allowTaggedTemplates: false, enforceForJSX: false },
      ],
    },
  }
);
