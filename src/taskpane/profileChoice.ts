/**
 * Remembers the officer's last rule profile so the ribbon's 评分 button (which has no dropdown) scores with the same
 * rules as the pane. Storage can be unavailable (private mode, locked-down WebView): then we fall back silently.
 */
import { profileChoices } from "./service";

const KEY = "ziping.profile";

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
    // Storage blocked: the choice lasts only for this pane session, which is acceptable.
  }
}
