/** scripts/site.js: the intranet base as the manifest spells it, the error for anything else, and each build's CSP. */
import path from "path";

const site = require(path.resolve(__dirname, "../../scripts/site.js")) as {
  parseBase(text: string): string;
  siteFor(env: Record<string, unknown>): { intranet: boolean; base: string; officeJs: string; contentSecurityPolicy: string };
};

describe("parseBase", () => {
  it.each([
    ["https://oa.example.gov.cn/ziping/", "https://oa.example.gov.cn/ziping/"],
    // A folder, whether or not the officer wrote the last slash.
    ["https://oa.example.gov.cn/ziping", "https://oa.example.gov.cn/ziping/"],
    ["http://10.1.2.3:8080", "http://10.1.2.3:8080/"],
    // Chinese host names in punycode, Chinese folders percent-encoded: what Office and IIS expect.
    ["https://内网地址/ziping/", "https://xn--v6qz1lnb867w/ziping/"],
    ["https://oa.example.gov.cn/绩效 自评/", "https://oa.example.gov.cn/%E7%BB%A9%E6%95%88%20%E8%87%AA%E8%AF%84/"],
    ["  https://OA.Example.gov.cn/ziping/  ", "https://oa.example.gov.cn/ziping/"],
  ])("%s → %s", (given, spelt) => {
    expect(site.parseBase(given)).toBe(spelt);
  });

  it.each(["内网地址/ziping/", "/ziping/", "ftp://oa.example.gov.cn/", "file:///C:/ziping/", "", "https://"])(
    "rejects %p: not an absolute http(s) URL",
    (given) => {
      expect(() => site.parseBase(given)).toThrow(/^内网地址 base 必须是以 https:\/\/ 或 http:\/\/ 开头的完整网址/);
    }
  );

  it.each(["https://oa.example.gov.cn/ziping/?v=1", "https://oa.example.gov.cn/ziping/#top", "https://me:pw@oa.example.gov.cn/"])(
    "rejects %p: not just a folder",
    (given) => {
      expect(() => site.parseBase(given)).toThrow(/^内网地址 base 只能是网站上的一个文件夹/);
    }
  );
});

describe("siteFor", () => {
  const cspSources = (csp: string) => csp.match(/https?:\/\/[^\s;]+/g) ?? [];

  it("builds for the development server and the CDN's office.js by default", () => {
    const dev = site.siteFor({});
    expect(dev).toMatchObject({ intranet: false, base: "https://localhost:3000/" });
    expect(dev.officeJs).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(cspSources(dev.contentSecurityPolicy)).toEqual(["https://appsforoffice.microsoft.com"]);
  });

  it("builds for an intranet base with our own office.js and no other origin in the CSP", () => {
    const intranet = site.siteFor({ intranet: true, base: "https://内网地址/ziping/" });
    expect(intranet).toMatchObject({ intranet: true, base: "https://xn--v6qz1lnb867w/ziping/", officeJs: "office-js/office.js" });
    expect(cspSources(intranet.contentSecurityPolicy)).toEqual([]);
    expect(intranet.contentSecurityPolicy).toContain("script-src 'self';");
  });

  it("refuses an intranet build without a base, naming the switch", () => {
    expect(() => site.siteFor({ intranet: true })).toThrow("npm run build:intranet -- --env base=");
    expect(() => site.siteFor({ intranet: true, base: true })).toThrow("内网构建需要网站地址");
  });
});
