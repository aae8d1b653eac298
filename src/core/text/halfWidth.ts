import { withoutInvisible } from "./invisible";

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/**
 * Text as the engine compares it: full-width digits, letters and punctuation (０-９，％，．) in their ASCII forms, the
 * ideographic space as a space, and characters that show as nothing (zero-width spaces, soft hyphens) dropped.
 */
export function toHalfWidth(text: string): string {
  const visible = withoutInvisible(text);
  if (!FULL_WIDTH.test(visible)) return visible;
  return visible
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}
