/**
 * Offline checks of manifest.xml: schema validity against Microsoft's OfficeApp 1.1 XSDs (test/manifest/schemas,
 * through xmllint-wasm), what office-addin-manifest reads from it, and what neither can see: resource ids, icon files,
 * the ribbon's commands and the requirement sets. Both builds' manifests are checked: the repository's (the CDN
 * build copies it as it is) and the intranet build's (scripts/site.js moves every URL under its base).
 * Beyond office-addin-manifest's summary the manifest is read with regexes; it is ours and kept regular.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { OfficeAddinManifest, type ManifestInfo } from "office-addin-manifest";
import { validateXML, XMLValidationResult } from "xmllint-wasm";

const REPO = path.resolve(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(REPO, "manifest.xml"), "utf8");
/** A manifest without its comments, so that commented-out markup never counts. */
const uncommented = (xml: string) => xml.replace(/<!--[\s\S]*?-->/g, "");
/** The base manifest, whose elements (Requirements, Description…) share names with some in VersionOverrides. */
const baseManifest = (xml: string) => uncommented(xml).replace(/<VersionOverrides[\s\S]*<\/VersionOverrides>/, "");
const XML = uncommented(MANIFEST);
const BASE_XML = baseManifest(MANIFEST);
const CHINESE = /[\u4e00-\u9fff]/;
const SCHEMAS = path.join(__dirname, "schemas");

const site = require(path.join(REPO, "scripts/site.js")) as {
  DEV_BASE: string;
  parseBase(text: string): string;
  rebaseManifest(xml: string, base: string): string;
};
const SERVER = site.DEV_BASE;

function validate(xml: string): Promise<XMLValidationResult> {
  const xsd = (fileName: string) => ({ fileName, contents: fs.readFileSync(path.join(SCHEMAS, fileName), "utf8") });
  return validateXML({
    xml: { fileName: "manifest.xml", contents: xml },
    schema: xsd("OfficeAppManifestV1_1.xsd"),
    // The imports are resolved by file name in xmllint's in-memory file system.
    preload: fs.readdirSync(SCHEMAS).filter((f) => f.endsWith(".xsd")).map(xsd),
  });
}

type Attributes = Record<string, string>;
type Element = { name: string; attributes: Attributes; body: string };

function attributesOf(text: string): Attributes {
  return Object.fromEntries([...text.matchAll(/([\w:.-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/** Every element named `name` in `xml` (by qualified name as written), with its attributes and inner text. */
function elements(xml: string, name: string): Element[] {
  const pattern = new RegExp(`<${name}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${name}>)`, "g");
  return [...xml.matchAll(pattern)].map((m) => ({ name, attributes: attributesOf(m[1] ?? ""), body: m[2] ?? "" }));
}

/** The one element named `name`; anything else is a fault of the manifest (or of these regexes). */
function only(xml: string, name: string): Element {
  const found = elements(xml, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

// ---- The pieces of the manifest the checks below look at --------------------------------------------------------

const RESOURCE_KINDS = {
  Images: "bt:Image",
  Urls: "bt:Url",
  ShortStrings: "bt:String",
  LongStrings: "bt:String",
} as const;
type ResourceKind = keyof typeof RESOURCE_KINDS;

const resourcesXml = only(XML, "Resources").body;
/** Resource elements by kind, then by id. */
const resources = Object.fromEntries(
  (Object.keys(RESOURCE_KINDS) as ResourceKind[]).map((kind) => {
    const section = only(resourcesXml, `bt:${kind}`).body;
    return [kind, new Map(elements(section, RESOURCE_KINDS[kind]).map((e) => [e.attributes.id, e]))];
  })
) as Record<ResourceKind, Map<string, Element>>;

/** The kind of resource each element carrying a resid refers to. */
const RESID_KIND: Record<string, ResourceKind> = {
  "bt:Image": "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

const residReferences = [...XML.matchAll(/<([\w:]+)\s[^>]*\bresid="([^"]*)"/g)].map((m) => ({
  element: m[1],
  resid: m[2],
}));

function resource(kind: ResourceKind, id: string): Element {
  const found = resources[kind].get(id);
  if (!found) throw new Error(`no ${kind} resource with id "${id}"`);
  return found;
}

/** Width and height from a PNG file's IHDR chunk, after checking the PNG signature. */
function pngSize(file: string): { width: number; height: number } {
  const data = fs.readFileSync(file);
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(data.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function localFile(url: string): string {
  expect(url.startsWith(SERVER)).toBe(true);
  return path.join(REPO, url.slice(SERVER.length));
}

/** The effective minimum version of each requirement set in a <Sets> element (prefix "" or "bt:"). */
function requiredSets(setsXml: Element, prefix: string): Record<string, string> {
  const defaultMin = setsXml.attributes.DefaultMinVersion ?? "1.1";
  return Object.fromEntries(
    elements(setsXml.body, `${prefix}Set`).map((s) => [s.attributes.Name, s.attributes.MinVersion ?? defaultMin])
  );
}

// ---- Tests --------------------------------------------------------------------------------------------------------

describe("manifest.xml against the OfficeApp 1.1 schemas", () => {
  // Proves the validator really validates: each copy breaks the element order or set the schema prescribes.
  it.each([
    [
      "<Requirements> after <Permissions>",
      "Requirements",
      (xml: string) => {
        const requirements = /\s*<Requirements>[\s\S]*?<\/Requirements>/.exec(xml)![0]; // the first: the base one
        return xml.replace(requirements, "").replace("</Permissions>", `</Permissions>${requirements}`);
      },
    ],
    [
      "a CustomTab's <Label> before its <Group>",
      "Label",
      (xml: string) => {
        const label = /\s*<Label resid="Tab.Label" \/>/.exec(xml)![0];
        return xml.replace(label, "").replace(/(<CustomTab [^>]*>)/, `$1${label}`);
      },
    ],
    [
      // Newer manifests may place a custom tab with <InsertAfter>; the 2019 schema has no such element.
      "<InsertAfter> in a CustomTab",
      "InsertAfter",
      (xml: string) => xml.replace("</CustomTab>", "<InsertAfter>TabHome</InsertAfter></CustomTab>"),
    ],
  ])("rejects a copy with %s", async (_, misplaced, breakIt) => {
    const broken = breakIt(MANIFEST);
    expect(broken).not.toBe(MANIFEST);
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    // libxml2 names the element it did not expect as {namespace}Name.
    expect(result.errors.map((e) => e.message).join("\n")).toContain(`}${misplaced}': This element is not expected`);
  });
});

describe("manifest.xml resources", () => {
  it("resolves every resid to a resource of the right kind", () => {
    expect(residReferences.length).toBeGreaterThan(0);
    for (const { element, resid } of residReferences) {
      const kind = RESID_KIND[element];
      if (!kind) throw new Error(`<${element} resid="${resid}">: unknown kind of reference`);
      resource(kind, resid);
    }
  });

  it("uses every resource it defines", () => {
    const referenced = new Set(residReferences.map((r) => r.resid));
    const defined = Object.values(resources).flatMap((byId) => [...byId.keys()]);
    expect(defined.filter((id) => !referenced.has(id))).toEqual([]);
  });

  it("points every icon at a PNG in the repo of the size it declares", () => {
    const icons = [
      { url: only(BASE_XML, "IconUrl").attributes.DefaultValue, size: 32 },
      { url: only(BASE_XML, "HighResolutionIconUrl").attributes.DefaultValue, size: 80 },
      ...elements(XML, "bt:Image")
        .filter((e) => e.attributes.resid)
        .map((e) => ({
          url: resource("Images", e.attributes.resid).attributes.DefaultValue,
          size: Number(e.attributes.size),
        })),
    ];
    expect(icons).toHaveLength(2 + 4 * 3); // group + three buttons, at 16, 32 and 80 px
    for (const { url, size } of icons) {
      const file = localFile(url);
      if (!fs.existsSync(file)) throw new Error(`${url}: no file ${path.relative(REPO, file)}`);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
  });

  it("has Chinese defaults and an en-US override for every string", () => {
    const strings = [
      { element: only(BASE_XML, "DisplayName"), override: "Override" },
      { element: only(BASE_XML, "Description"), override: "Override" },
      ...[...resources.ShortStrings.values(), ...resources.LongStrings.values()].map((element) => ({
        element,
        override: "bt:Override",
      })),
    ];
    expect(strings.length).toBeGreaterThan(2);
    const faults = strings.flatMap(({ element, override }) => {
      const text = element.attributes.DefaultValue;
      const english = elements(element.body, override).find((o) => o.attributes.Locale === "en-US");
      return [
        ...(CHINESE.test(text) ? [] : [`not Chinese: ${text}`]),
        ...(/^[\x20-\x7e]+$/.test(english?.attributes.Value ?? "") ? [] : [`no English en-US override: ${text}`]),
      ];
    });
    expect(faults).toEqual([]);
  });
});

describe("manifest.xml ribbon", () => {
  const tab = only(XML, "CustomTab");
  const buttons = elements(tab.body, "Control")
    .filter((control) => control.attributes["xsi:type"] === "Button")
    .map((control) => {
      const action = only(control.body, "Action");
      return {
        label: resource("ShortStrings", only(control.body, "Label").attributes.resid).attributes.DefaultValue,
        action,
        actionType: action.attributes["xsi:type"],
        functionName: elements(action.body, "FunctionName")[0]?.body,
      };
    });

  it("puts a 绩效自评 tab on the ribbon", () => {
    expect(tab.attributes.id).toBe("ZipingTab");
    const label = elements(tab.body, "Label").pop()!; // the tab's own label follows its groups
    expect(resource("ShortStrings", label.attributes.resid).attributes.DefaultValue).toBe("绩效自评");
  });

  it("has the three buttons: score, open the pane, clear", () => {
    expect(buttons.map((b) => [b.label, b.actionType, b.functionName])).toEqual([
      ["一键评分", "ExecuteFunction", "scoreWorkbook"],
      ["评分面板", "ShowTaskpane", undefined],
      ["清除标注", "ExecuteFunction", "clearMarks"],
    ]);
  });

  it("opens the task pane page from 评分面板", () => {
    const pane = buttons.find((b) => b.actionType === "ShowTaskpane")!.action;
    expect(only(pane.body, "TaskpaneId").body).toBe("ZipingPane");
    const url = resource("Urls", only(pane.body, "SourceLocation").attributes.resid).attributes.DefaultValue;
    expect(url).toBe(only(only(BASE_XML, "DefaultSettings").body, "SourceLocation").attributes.DefaultValue);
  });

  it("loads the function file where src/commands registers the functions it names", () => {
    const functionFile = resource("Urls", only(XML, "FunctionFile").attributes.resid).attributes.DefaultValue;
    expect(functionFile).toBe(`${SERVER}commands.html`);
    const commands = fs.readFileSync(path.join(REPO, "src/commands/commands.ts"), "utf8");
    for (const { functionName } of buttons.filter((b) => b.functionName)) {
      expect(commands).toContain(`Office.actions.associate("${functionName}"`);
    }
  });
});

// ---- Both builds' manifests --------------------------------------------------------------------------------------

/** An intranet base with a Chinese host name: the manifest must carry it in punycode. */
const INTRANET_BASE = "https://内网地址/ziping/";
const BUILDS = [
  { build: "CDN", xml: MANIFEST, base: SERVER },
  { build: "intranet", xml: site.rebaseManifest(MANIFEST, site.parseBase(INTRANET_BASE)), base: "https://xn--v6qz1lnb867w/ziping/" },
];

/** Every web address the manifest gives Office: URL-valued attributes and AppDomains (namespaces are no addresses). */
function addresses(xml: string): string[] {
  const values = [...uncommented(xml).matchAll(/\bDefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]);
  const domains = elements(uncommented(xml), "AppDomain").map((e) => e.body);
  return [...values, ...domains];
}

describe.each(BUILDS)("the $build build's manifest", ({ xml, base }) => {
  let info: ManifestInfo;
  beforeAll(async () => {
    // office-addin-manifest reads files only.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-manifest-"));
    fs.writeFileSync(path.join(dir, "manifest.xml"), xml);
    info = await OfficeAddinManifest.readManifestFile(path.join(dir, "manifest.xml"));
    fs.rmSync(dir, { recursive: true });
  });

  it("is valid against the OfficeApp 1.1 schemas", async () => {
    const result = await validate(xml);
    if (!result.valid) console.error(result.errors.map((e) => e.rawMessage).join("\n"));
    expect(result.valid).toBe(true);
  });

  it("reads through office-addin-manifest as the same Excel task-pane add-in", () => {
    expect({
      id: info.id,
      version: info.version,
      officeAppType: info.officeAppType,
      hosts: info.hosts,
      permissions: info.permissions,
      defaultLocale: info.defaultLocale,
      displayName: info.displayName,
    }).toEqual({
      id: "5f0f55e4-6825-419e-ac5a-2eae29fc5c29",
      version: "1.0.0.0",
      officeAppType: "TaskPaneApp",
      hosts: ["Workbook"],
      permissions: "ReadWriteDocument",
      defaultLocale: "zh-CN",
      displayName: "绩效自评助手",
    });
  });

  it("requires ExcelApi 1.13 in the base manifest and in VersionOverrides", () => {
    const overrides = only(uncommented(xml), "VersionOverrides").body;
    expect(requiredSets(only(only(baseManifest(xml), "Requirements").body, "Sets"), "")).toEqual({ ExcelApi: "1.13" });
    expect(requiredSets(only(only(overrides, "Requirements").body, "bt:Sets"), "bt:")).toEqual({ ExcelApi: "1.13" });
  });

  it(`points every URL at ${base}`, () => {
    expect([info.defaultSettings?.sourceLocation, info.iconUrl, info.highResolutionIconUrl, info.supportUrl]).toEqual([
      `${base}taskpane.html`,
      `${base}assets/icon-32.png`,
      `${base}assets/icon-80.png`,
      `${base}taskpane.html`,
    ]);
    expect(info.appDomains).toEqual([new URL(base).origin]);
    const all = addresses(xml);
    expect(all.length).toBe(1 + 4 + 12 + 3); // AppDomain, the four above, twelve images, three bt:Urls
    expect(all.filter((url) => !url.startsWith(base) && url !== new URL(base).origin)).toEqual([]);
  });
});
