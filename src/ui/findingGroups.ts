/**
 * How findings are arranged in the pane: filtered by kind, grouped under their indicator, and numbered in display
 * order so 上一处/下一处 walk the list exactly as the officer sees it.
 */
import type { Finding, FindingKind } from "../core/model";
import { GENERAL_GROUP } from "./text";

export interface FindingGroup {
  title: string;
  items: { finding: Finding; position: number }[];
}

export interface FindingLayout {
  groups: FindingGroup[];
  /** The visible findings in display order; `position` indexes into it. */
  ordered: Finding[];
}

export function groupTitle(finding: Finding): string {
  const path = finding.indicatorPath ?? [];
  return path.length > 0 ? path.join(" / ") : GENERAL_GROUP;
}

/** Groups keep the order in which the engine first reports them, which follows the table from top to bottom. */
export function layoutFindings(findings: readonly Finding[], kinds: ReadonlySet<FindingKind>): FindingLayout {
  const byTitle = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!kinds.has(f.kind)) continue;
    const title = groupTitle(f);
    const list = byTitle.get(title);
    if (list) list.push(f);
    else byTitle.set(title, [f]);
  }
  const ordered: Finding[] = [];
  const groups: FindingGroup[] = [];
  for (const [title, list] of byTitle) {
    groups.push({ title, items: list.map((finding) => ({ finding, position: ordered.push(finding) - 1 })) });
  }
  return { groups, ordered };
}

/** The neighbour of `current` in `ordered`, wrapping around; the first (or last) when nothing is current yet. */
export function stepFinding(ordered: readonly Finding[], current: Finding | null, step: 1 | -1): Finding | null {
  if (ordered.length === 0) return null;
  const at = current === null ? -1 : ordered.indexOf(current);
  if (at === -1) return step === 1 ? ordered[0] : ordered[ordered.length - 1];
  return ordered[(at + step + ordered.length) % ordered.length];
}
