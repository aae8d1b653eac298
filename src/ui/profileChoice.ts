/**
 * The rule profiles an officer can choose, and the last one chosen, so that the ribbon's 评分 button (which has no
 * dropdown) scores with the same rules as the pane, and the web page opens with the rules used last time. Storage
 * can be unavailable (private mode, locked-down WebView, a page opened from a file): then we fall back silently.
 */
import { BUILT_IN_PROFILES } from "../core/rules/profiles";

const KEY = "ziping.profile";

export interface ProfileChoice {
  id: string;
  name: string;
}

export function profileChoices(): ProfileChoice[] {
  return BUILT_IN_PROFILES.map((p) => ({ id: p.id, name: p.name }));
}

export function rememberedProfileId(): string {
  const ids = profileChoices().map((p) => p.id);
  try {
    const saved = window.localStorage.getItem(KEY);
    if (saved !== null && ids.includes(saved)) return saved;
  } catch {
    // Storage blocked: use the first built-in profile.
  }
  return ids[0];
}

export function rememberProfileId(id: string): void {
  try {
    window.localStorage.setItem(KEY, id);
  } catch {
    // Storage blocked: the choice lasts only for this session, which is acceptable.
  }
}
