/** The two-character pieces of a text: how Chinese names are compared when their words stand in another order. */
export function wordPairs(text: string): Set<string> {
  const chars = [...text];
  const pairs = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) pairs.add(chars[i] + chars[i + 1]);
  return pairs;
}

/** The share of the smaller text's pieces that the other text has too (0 when either has none). */
export function sharedPairs(a: string, b: string): number {
  const [x, y] = [wordPairs(a), wordPairs(b)];
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const p of small) if (large.has(p)) shared++;
  return shared / small.size;
}
