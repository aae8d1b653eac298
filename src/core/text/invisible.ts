/**
 * Characters that show as nothing: zero-width space, non-joiner and joiner, left-to-right and right-to-left marks
 * (U+200B–U+200F), word joiner and invisible operators (U+2060–U+2064), zero-width no-break space or BOM (U+FEFF),
 * soft hyphen (U+00AD), Mongolian vowel separator (U+180E). Text pasted from web pages and chat apps carries them, and
 * two names that look the same then differ.
 */
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E]/;
const EVERY_INVISIBLE = new RegExp(INVISIBLE.source, "g");

export function withoutInvisible(text: string): string {
  return INVISIBLE.test(text) ? text.replace(EVERY_INVISIBLE, "") : text;
}
