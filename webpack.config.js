/**
 * Builds the Excel add-in's web pages into dist/: the task pane, the function file behind the ribbon commands, and
 * the small dialog those commands use to tell their result; and the web page (web.html) that scores workbooks in any
 * browser, with the worker that runs the scoring. `npm run dev-server` serves the same pages over https on port 3000
 * with the Office dev certificate.
 *
 * `--env base=https://…/` builds for an intranet web server instead (scripts/site.js): office.js and the files it
 * loads on demand are copied from @microsoft/office-js into dist/, and the manifest names only `base`.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { ProvidePlugin } = require("webpack");
const { OFFICE_DIR, WEB_CONTENT_SECURITY_POLICY, rebaseManifest, siteFor } = require("./scripts/site");

const DEV_SERVER_PORT = 3000;

/** One HTML page per entry, each loading only its own bundle (office.js comes from a <script> tag in the page). */
const PAGES = [
  { name: "taskpane", entry: "./src/taskpane/index.tsx", template: "./src/taskpane/taskpane.html" },
  { name: "commands", entry: "./src/commands/commands.ts", template: "./src/commands/commands.html" },
  { name: "notice", entry: "./src/commands/notice.ts", template: "./src/commands/notice.html" },
  { name: "web", entry: "./src/web/index.tsx", template: "./src/web/web.html" },
];

/** The web page's scoring worker: an entry of its own, loaded by web.js from the name web.html gives it. */
const WORKER = { name: "scoring", entry: "./src/web/scoring.worker.ts" };

/** The file an entry was bundled into, as the page refers to it. */
function entryFile(compilation, name) {
  return [...compilation.entrypoints.get(name).getFiles()].find((file) => file.endsWith(".js"));
}

/** What a page's template fills in: office.js and the policy for the add-in's pages; the web page has its own. */
function templateParameters(page, site) {
  if (page.name !== "web") return { officeJs: site.officeJs, contentSecurityPolicy: site.contentSecurityPolicy };
  return (compilation) => ({ contentSecurityPolicy: WEB_CONTENT_SECURITY_POLICY, workerFile: entryFile(compilation, WORKER.name) });
}

/** Only the dev server needs the certificate; importing it lazily keeps builds and tests free of it. */
async function devServer() {
  const devCerts = require("office-addin-dev-certs");
  return {
    port: DEV_SERVER_PORT,
    server: { type: "https", options: await devCerts.getHttpsServerOptions() },
    // Office loads the pages from its own origin on the web; allow it to fetch them.
    headers: { "Access-Control-Allow-Origin": "*" },
    static: false,
    hot: false,
  };
}

/**
 * The runtime half of @microsoft/office-js: office.js, the host scripts and locale strings it loads on demand, its
 * telemetry and auth helpers. Left out: debug builds, type definitions and editor docs, which no page loads. Copied
 * byte for byte: marked minimized so that Terser leaves them alone (its licence forbids modifying them, too).
 */
const officeJsFiles = {
  from: path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist"),
  to: OFFICE_DIR,
  globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts", "**/*vsdoc*"] },
  info: { minimized: true },
};

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const site = siteFor(env);
  return {
    mode: production ? "production" : "development",
    // Modern evergreen engines only (Edge WebView2, WKWebView, browsers): lets webpack's runtime use globalThis
    // instead of a `new Function` fallback that our Content-Security-Policy forbids.
    target: ["web", "es2020"],
    entry: Object.fromEntries([...PAGES, WORKER].map((p) => [p.name, p.entry])),
    output: {
      path: path.resolve(__dirname, "dist"),
      // Hashed names so Office's aggressive web cache never pairs a new page with an old bundle.
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    // Never an eval-based source map: the pages' CSP has no 'unsafe-eval'.
    devtool: "source-map",
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // In a browser, ExcelJS's own bundle without the polyfills for old browsers (the pages need evergreen ones).
      alias: { exceljs$: "exceljs/dist/exceljs.bare.min.js" },
    },
    module: {
      // transpileOnly skips type checking, so at least a missing import must still fail the build.
      parser: { javascript: { exportsPresence: "error" } },
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            // Type errors are caught by `npm run typecheck`; the build only transpiles. ES modules let webpack
            // tree-shake Fluent UI down to the components we use.
            transpileOnly: true,
            compilerOptions: { module: "es2020", moduleResolution: "node", sourceMap: true },
          },
        },
      ],
    },
    plugins: [
      ...PAGES.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: `${p.name}.html`,
            template: p.template,
            chunks: [p.name],
            templateParameters: templateParameters(p, site),
          })
      ),
      // The .xlsx code (src/workbook) handles bytes as Node Buffers; in the browser the `buffer` package stands in.
      new ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          { from: "manifest.xml", to: "manifest.xml", transform: (xml) => rebaseManifest(xml.toString(), site.base) },
          ...(site.intranet ? [officeJsFiles] : []),
        ],
      }),
    ],
    // Fluent UI makes the pane bundle larger than webpack's web-page default; the pane loads once per session. The
    // scoring worker carries ExcelJS and JSZip, loaded once per visit of the web page.
    performance: {
      maxAssetSize: 1536 * 1024,
      maxEntrypointSize: 1536 * 1024,
      // office.js's host scripts are Microsoft's, loaded by office.js only in their own host.
      assetFilter: (name) => !name.startsWith(`${OFFICE_DIR}/`) && !name.endsWith(".map"),
    },
    devServer: env.WEBPACK_SERVE ? await devServer() : undefined,
  };
};
