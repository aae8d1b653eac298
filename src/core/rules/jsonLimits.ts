/**
 * Limits on untrusted JSON-like data (profile files, rules read from criteria), checked without recursion so that no
 * depth of nesting can exhaust the stack.
 */

type Entry = { value: unknown; path: string; depth: number };

function* walk(value: unknown): Generator<Entry> {
  const stack: Entry[] = [{ value, path: "", depth: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    yield entry;
    const { value: v, path, depth } = entry;
    const children: Entry[] = [];
    if (Array.isArray(v)) v.forEach((x, i) => children.push({ value: x, path: `${path}[${i}]`, depth: depth + 1 }));
    else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) children.push({ value: x, path: path ? `${path}.${k}` : k, depth: depth + 1 });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]); // popped in document order
  }
}

/** True when arrays and objects nest deeper than `max` levels; stops at the first entry that does. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  for (const e of walk(value)) if (e.depth > max) return true;
  return false;
}

/** Paths ("indicators[0].weight") of the numbers that are not finite or exceed `limit` in magnitude. */
export function numbersBeyond(value: unknown, limit: number): string[] {
  const paths: string[] = [];
  for (const e of walk(value)) if (typeof e.value === "number" && !(Math.abs(e.value) <= limit)) paths.push(e.path);
  return paths;
}
