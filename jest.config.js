/**
 * Unit tests live beside the layers in test/; browser tests run through the same jest.
 *
 * office-addin-manifest (and @microsoft/app-manifest under it) require two ESM-only packages, uuid and strip-bom.
 * Node >= 20.19 loads them through require(); jest's module loader does not, so ts-jest turns just those two into
 * CommonJS. Every other file under node_modules is left alone (only the last node_modules/ segment of a path counts).
 */
const ESM_ONLY = ["uuid", "strip-bom"];

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    [`/node_modules/(${ESM_ONLY.join("|")})/.+\\.js$`]: ["ts-jest", { tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join("|")})/)(?!.*/node_modules/)`],
  testTimeout: 60000,
};
