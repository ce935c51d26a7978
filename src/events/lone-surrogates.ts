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

/** Where the first lone surrogate of `text` is, or -1 when it is well-formed Unicode. */
export function loneSurrogateAt(text: string): number {
  if (text.isWellFormed()) return -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

/**
 * Text that may go into an event, cut to at most `max` UTF-16 units: the cut steps back off a
 * surrogate pair instead of splitting it, and `toWellFormed()` turns any lone surrogate the text
 * already held (a plugin's, an LLM's) into U+FFFD. For texts the host builds from others' words
 * (messages, reasons); a user's own data is refused at the edge instead (loneSurrogatePath), never
 * altered.
 */
export function eventText(s: string, max = Infinity): string {
  if (s.length <= max) return s.toWellFormed();
  let end = Math.max(0, Math.floor(max));
  const last = s.charCodeAt(end - 1);
  // A high surrogate as the last kept unit would lose its low half to the cut: keep neither.
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return s.slice(0, end).toWellFormed();
}

/**
 * A plugin's value (an output, a reading) made recordable: every string and every key well-formed,
 * the rest as it was. Recursive: such values nest at most MAX_JSON_DEPTH (the sandbox refuses deeper
 * output, `output_too_deep`). Returns the same value when nothing needed repair, so the common case costs
 * one walk and no copy. Keys that repair to the same text keep the later value (as JSON would).
 */
export function wellFormedDeep<T>(value: T): T {
  if (loneSurrogatePath(value) === undefined) return value;
  return repair(value) as T;
}

function repair(v: unknown): unknown {
  if (typeof v === "string") return v.toWellFormed();
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(repair);
  const out: Record<string, unknown> = {};
  // Defined, not assigned: a plugin's key "__proto__" is data, and assigning it would set the prototype.
  for (const [key, child] of Object.entries(v as Record<string, unknown>)) {
    Object.defineProperty(out, key.toWellFormed(), { value: repair(child), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
