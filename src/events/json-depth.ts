/**
 * How deeply a JSON value nests, found without recursion. Validators and hashers walk values
 * recursively, so a hostile document nested thousands deep would overflow the stack; the edges
 * refuse anything deeper than `MAX_JSON_DEPTH` first, with a coded error.
 */
export const MAX_JSON_DEPTH = 64;

/** True when `value` nests arrays/objects more than `limit` levels deep. */
export function jsonTooDeep(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
