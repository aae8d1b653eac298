import { normaliseName } from "../text/names";
import { Profile, ProfileIndicator } from "../rules/profile";

/**
 * Finds the profile indicator a sheet row stands for: by its name or an alias, compared normalised; failing that,
 * by one name containing the other (names of 4+ characters, so that 产出 does not match 产出指标完成情况 by chance).
 */
export class IndicatorMatcher {
  private readonly exact = new Map<string, ProfileIndicator>();
  private readonly all: { key: string; indicator: ProfileIndicator }[] = [];

  constructor(profile: Profile) {
    for (const indicator of profile.indicators) {
      for (const name of [indicator.name, ...(indicator.aliases ?? [])]) {
        const key = normaliseName(name);
        if (!this.exact.has(key)) this.exact.set(key, indicator);
        this.all.push({ key, indicator });
      }
    }
  }

  match(path: string[]): ProfileIndicator | null {
    const leaf = normaliseName(path[path.length - 1] ?? "");
    if (!leaf) return null;
    const found = this.exact.get(leaf);
    if (found) return found;
    const candidates = this.all.filter(({ key }) => key.length >= 4 && leaf.length >= 4 && (leaf.includes(key) || key.includes(leaf)));
    candidates.sort((a, b) => b.key.length - a.key.length);
    return candidates[0]?.indicator ?? null;
  }
}
