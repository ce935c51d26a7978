/**
 * Strings that are not well-formed Unicode (a lone surrogate). They have no UTF-8 form, and RFC 8785
 * JSON (what events are hashed and signed as) has none either: encoding would have to turn each into
 * U+FFFD, so two different values would hash alike. The edges refuse them with a coded error naming
 * where the first one is, instead of a hasher's TypeError deep inside an append.
 */

/** The path (`data.package.code`, `items[2]`) of the first string or key holding a lone surrogate, or undefined. Walks without recursion. */
export function loneSurrogatePath(value: unknown, root = "$"): string | undefined {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      if (!v.isWellFormed()) return path;
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
      continue;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      if (!key.isWellFormed()) return `${path} (a key)`;
      stack.push([child, `${path}.${key}`]);
    }
  }
  return undefined;
}
