/**
 * Map lookups for keys that come from events. State maps are plain objects, and an event may name
 * a plugin, transaction or gap "toString" or "__proto__": a bare `map[key]` would find a prototype
 * member (and a write to it could change Object.prototype), so reducers read and write own entries only.
 */
export function own<T>(map: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Sets an own entry, `__proto__` included (as JSON.parse would), and returns the value. */
export function put<T>(map: Record<string, T>, key: string, value: T): T {
  Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}
