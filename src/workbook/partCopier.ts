import JSZip from "jszip";
import { attr, CONTENT_TYPES, dirOf, elements, escapeAttr, readPart, relsOf, resolveTarget } from "./xlsxPackage";

/**
 * Copies parts of one package into another together with every part they reach through their relationships (a
 * drawing with its charts, each chart with its style and colours; a pivot table with its cache and records), under
 * names free in the target, with their content types. Each source part is copied once, so parts that several others
 * reach (a pivot cache) stay shared. Relationships to outside the package (TargetMode="External") are kept as they are.
 */
export class PartCopier {
  private readonly copied = new Map<string, string>();
  private sourceTypes: string | null = null;
  private targetTypes: string | null = null;

  constructor(
    private readonly from: JSZip,
    private readonly to: JSZip,
  ) {}

  /** The target path the source part was copied to (copying it and what it reaches first, if not yet done). */
  async copy(part: string): Promise<string> {
    const done = this.copied.get(part);
    if (done) return done;
    const target = this.freeName(part);
    this.copied.set(part, target);
    this.to.file(target, await this.from.file(part)!.async("uint8array"));
    await this.copyType(part, target);
    const rels = await readPart(this.from, relsOf(part));
    if (rels !== null) this.to.file(relsOf(target), await this.retarget(rels, dirOf(part)));
    return target;
  }

  /** Writes the content types gathered by copy() into the target package. */
  flush(): void {
    if (this.targetTypes !== null) this.to.file(CONTENT_TYPES, this.targetTypes);
  }

  /** A relationships part with every internal target copied and pointed at its copy (absolute, valid from anywhere). */
  private async retarget(rels: string, base: string): Promise<string> {
    let out = rels;
    for (const rel of elements(rels, "Relationship")) {
      const target = attr(rel, "Target");
      if (!target || attr(rel, "TargetMode") === "External") continue;
      const source = resolveTarget(target, base);
      if (!this.from.file(source)) continue;
      const copied = await this.copy(source);
      out = out.replace(rel, rel.replace(/\sTarget="[^"]*"/, ` Target="/${copied}"`));
    }
    return out;
  }

  /** The same path when the target has no such part, else the next free number: chart1.xml → chart2.xml. */
  private freeName(part: string): string {
    if (!this.to.file(part) && !this.taken(part)) return part;
    const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(part);
    const [stem, ext] = m ? [m[1], m[3]] : [part, ""];
    for (let n = 1; ; n++) {
      const name = `${stem}${n}${ext}`;
      if (!this.to.file(name) && !this.taken(name)) return name;
    }
  }

  private taken(name: string): boolean {
    for (const t of this.copied.values()) if (t === name) return true;
    return false;
  }

  /** The part's content type: its Override in the source, or a Default for its extension that the target lacks. */
  private async copyType(part: string, target: string): Promise<void> {
    this.sourceTypes ??= (await readPart(this.from, CONTENT_TYPES)) ?? "";
    this.targetTypes ??= (await readPart(this.to, CONTENT_TYPES)) ?? "";
    const override = elements(this.sourceTypes, "Override").find((o) => attr(o, "PartName") === `/${part}`);
    if (override) {
      this.targetTypes = this.targetTypes.replace("</Types>", `<Override PartName="/${escapeAttr(target)}" ContentType="${escapeAttr(attr(override, "ContentType") ?? "")}"/></Types>`);
      return;
    }
    const ext = /\.([^./]+)$/.exec(part)?.[1]?.toLowerCase();
    if (!ext || elements(this.targetTypes, "Default").some((d) => attr(d, "Extension")?.toLowerCase() === ext)) return;
    const byDefault = elements(this.sourceTypes, "Default").find((d) => attr(d, "Extension")?.toLowerCase() === ext);
    if (byDefault) this.targetTypes = this.targetTypes.replace(/<(?:\w+:)?Default\b/, (d) => `${byDefault}${d}`);
  }
}
