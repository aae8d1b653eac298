/**
 * Builds what the browser tests load: the production pages (the real webpack config, only the output folder moved)
 * and the office.js stand-in from officeStub.ts.
 */
import * as path from "path";
import webpack, { type Configuration, type Stats } from "webpack";

const ROOT = path.resolve(__dirname, "../..");

function run(config: Configuration | Configuration[]): Promise<Stats | webpack.MultiStats> {
  return new Promise((resolve, reject) => {
    webpack(config as Configuration, (error, stats) => {
      if (error) reject(error);
      else if (!stats) reject(new Error("webpack returned no stats"));
      else if (stats.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve(stats);
    });
  });
}

/**
 * `env` is what webpack-cli's --env gives: {} for the CDN build, { intranet: true, base } for an intranet build.
 * `entries`, when given, builds only those entries (the other pages come out without their script): a test of one page
 * need not wait for the others.
 */
export async function buildPages(outDir: string, env: Record<string, unknown> = {}, entries?: string[]): Promise<void> {
  // The config is CommonJS and exports a function of (env, argv), as webpack-cli calls it.
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, unknown>,
    argv: { mode: string }
  ) => Promise<Configuration>;
  const config = await makeConfig(env, { mode: "production" });
  const all = config.entry as Record<string, string>;
  const entry = entries ? Object.fromEntries(entries.map((name) => [name, all[name]])) : all;
  await run({ ...config, entry, context: ROOT, output: { ...config.output, path: outDir } });
}

/** The stub is served in place of office.js, so it must be one self-contained script with no eval (the page's CSP). */
export async function buildOfficeStub(outDir: string): Promise<string> {
  await run({
    mode: "development",
    devtool: false,
    target: ["web", "es2020"],
    context: ROOT,
    entry: path.join(__dirname, "officeStub.ts"),
    output: { path: outDir, filename: "officeStub.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: { transpileOnly: true, compilerOptions: { module: "es2020", moduleResolution: "node" } },
        },
      ],
    },
    performance: { hints: false },
  });
  return path.join(outDir, "officeStub.js");
}
