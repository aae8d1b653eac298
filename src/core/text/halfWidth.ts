const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** Full-width digits, letters and punctuation (０-９，％，．) to their ASCII forms; ideographic space to space. */
export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}
