/**
 * Where the add-in's pages are served from and where they load office.js: the development server with Microsoft's
 * CDN (the default), or one intranet web server that serves everything itself (`--env base=…`). webpack.config.js
 * builds from this; the tests check both kinds of build through it.
 */
/** The origin the repository's manifest.xml names: `npm run dev-server`. */
const DEV_BASE = "https://localhost:3000/";
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The intranet build's copy of @microsoft/office-js's dist/, beside the pages. */
const OFFICE_DIR = "office-js";

const EXAMPLE = "https://oa.example.gov.cn/ziping/";

/**
 * The base URL of an intranet deployment, as the manifest will spell it: IDN host names in punycode, non-ASCII
 * path characters percent-encoded, and a trailing slash (the pages live in that folder). Throws a Chinese message
 * for anything that is not an absolute http(s) URL of a folder.
 */
function parseBase(text) {
  const given = String(text ?? "").trim();
  let url;
  try {
    url = new URL(given);
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== "https:" && url.protocol !== "http:") || url.hostname === "") {
    throw new Error(`内网地址 base 必须是以 https:// 或 http:// 开头的完整网址，例如 ${EXAMPLE}；收到的是“${given}”`);
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new Error(`内网地址 base 只能是网站上的一个文件夹，不能带用户名、“?”查询参数或“#”片段；收到的是“${given}”`);
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/**
 * The build's site. `env` is webpack's --env: { base } for an intranet build (build:intranet passes intranet=true so
 * that a forgotten base is an error, not a silent CDN build).
 */
function siteFor(env = {}) {
  if (env.base === undefined || env.base === true) {
    if (env.intranet) throw new Error(`内网构建需要网站地址，例如：npm run build:intranet -- --env base=${EXAMPLE}`);
    return { intranet: false, base: DEV_BASE, officeJs: OFFICE_CDN, contentSecurityPolicy: policy(new URL(OFFICE_CDN).origin) };
  }
  return { intranet: true, base: parseBase(env.base), officeJs: `${OFFICE_DIR}/office.js`, contentSecurityPolicy: policy() };
}

/**
 * The pages' Content-Security-Policy: scripts from our own origin (and the CDN's, when office.js comes from there),
 * no other network at all. Styles allow 'unsafe-inline' because Griffel (Fluent UI) injects <style> elements.
 */
function policy(...scriptOrigins) {
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...scriptOrigins].join(" ")}`,
    "connect-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

/**
 * The web page's policy (src/web): it needs no office.js, so the same in both builds. Its scripts and its worker come
 * from its own site only, and it may connect nowhere at all: the workbooks never leave the computer.
 */
const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

function escapeXml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * manifest.xml with every development URL moved under `base`, and the bare development origin (AppDomain) replaced
 * by the base's origin. The manifest names no other web address.
 */
function rebaseManifest(xml, base) {
  return xml
    .split(DEV_BASE)
    .join(escapeXml(base))
    .split(new URL(DEV_BASE).origin)
    .join(escapeXml(new URL(base).origin));
}

module.exports = { DEV_BASE, OFFICE_CDN, OFFICE_DIR, WEB_CONTENT_SECURITY_POLICY, parseBase, siteFor, rebaseManifest };
