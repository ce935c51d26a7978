/** Keys that could reach an object's prototype if a caller merged plugin output into its own objects. */
const DANGEROUS = new Set(["__proto__", "constructor", "prototype"]);

/** Parses JSON text that came from a plugin, dropping `__proto__`, `constructor` and `prototype` keys at any depth. */
export function parsePluginJson(text: string): unknown {
  return JSON.parse(text, function (this: unknown, key: string, value: unknown) {
    return DANGEROUS.has(key) && !Array.isArray(this) ? undefined : value;
  });
}

/** Byte length of a string as UTF-8, without allocating a buffer for it. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
