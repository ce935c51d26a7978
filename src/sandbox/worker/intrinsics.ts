/**
 * Shipped into isolates as source text (see isolate-factory.ts): no imports, no closures over this
 * module. `intrinsicRoots` names every object a plugin could reach: the global object and the
 * intrinsics only reachable by making something (iterator prototypes, async function prototypes,
 * ...). `describeGraph` records, for every object reachable from them, its own keys: run before a
 * snapshot and again in a context made from it, the difference is what the engine changes while it
 * makes a context (flag-gated builtins such as `RegExp.escape`), which must not be frozen early.
 */
export function intrinsicRoots(G: Record<string, unknown>): [unknown, string][] {
  const { getPrototypeOf, getOwnPropertyDescriptor } = Object;
  const protoOf = (make: () => unknown): unknown => {
    try {
      return getPrototypeOf(make());
    } catch {
      return undefined;
    }
  };
  const Intl_ = G["Intl"] as { Segmenter: new () => { segment(s: string): Iterable<unknown> } };
  return [
    [G, "globalThis"],
    [protoOf(() => ([] as unknown as { values(): { map(f: (x: unknown) => unknown): unknown } }).values().map((x) => x)), "%IteratorHelperPrototype%"],
    [protoOf(() => (G["Iterator"] as { from(o: unknown): unknown }).from({ next: () => ({ done: true, value: undefined }) })), "%WrapForValidIteratorPrototype%"],
    [protoOf(() => new Intl_.Segmenter().segment("a")), "%SegmentsPrototype%"],
    [protoOf(() => new Intl_.Segmenter().segment("a")[Symbol.iterator]()), "%SegmentIteratorPrototype%"],
    [getPrototypeOf(async function () {}), "%AsyncFunction.prototype%"],
    [getPrototypeOf(function* () {}), "%GeneratorFunction.prototype%"],
    [getPrototypeOf(async function* () {}), "%AsyncGeneratorFunction.prototype%"],
    [getPrototypeOf((function* () {})()), "%GeneratorPrototype%"],
    [getPrototypeOf((async function* () {})()), "%AsyncGeneratorPrototype%"],
    [getPrototypeOf([][Symbol.iterator]()), "%ArrayIteratorPrototype%"],
    [getPrototypeOf(new Map().entries()), "%MapIteratorPrototype%"],
    [getPrototypeOf(new Set().values()), "%SetIteratorPrototype%"],
    [getPrototypeOf(""[Symbol.iterator]()), "%StringIteratorPrototype%"],
    [getPrototypeOf("a".matchAll(/a/g)), "%RegExpStringIteratorPrototype%"],
    [getPrototypeOf(Uint8Array), "%TypedArray%"],
    [getOwnPropertyDescriptor(Function.prototype, "caller")?.get, "%ThrowTypeError%"],
  ];
}

/** Every object reachable from the roots, by the first path it was found on (keys joined by U+0000), with its own keys. */
export function describeGraph(roots: [unknown, string][]): Record<string, string> {
  const { getPrototypeOf, getOwnPropertyDescriptor } = Object;
  const ownKeys = Reflect.ownKeys;
  const seen = new Set<unknown>();
  const out: Record<string, string> = {};
  const stack = [...roots];
  while (stack.length > 0) {
    const [o, path] = stack.pop()!;
    if (o === null || (typeof o !== "object" && typeof o !== "function") || seen.has(o)) continue;
    seen.add(o);
    stack.push([getPrototypeOf(o), `${path}\u0000__proto__`]);
    const keys: string[] = [];
    for (const key of ownKeys(o as object)) {
      const d = getOwnPropertyDescriptor(o, key);
      if (!d) continue;
      keys.push(`${String(key)}:${"value" in d ? typeof d.value : "accessor"}`);
      if ("value" in d) stack.push([d.value, `${path}\u0000${String(key)}`]);
      else {
        stack.push([d.get, `${path}\u0000${String(key)}\u0001get`]);
        stack.push([d.set, `${path}\u0000${String(key)}\u0001set`]);
      }
    }
    out[path] = keys.sort().join(",");
  }
  return out;
}

/** The object at a path `describeGraph` wrote, or undefined when the path no longer leads anywhere. */
export function resolvePath(roots: [unknown, string][], path: string): unknown {
  const { getPrototypeOf, getOwnPropertyDescriptor } = Object;
  const root = roots.find(([, name]) => path === name || path.startsWith(`${name}\u0000`));
  if (!root) return undefined;
  let o: unknown = root[0];
  const rest = path.slice(root[1].length + 1);
  if (rest === "") return o;
  for (const step of rest.split("\u0000")) {
    if (o === null || (typeof o !== "object" && typeof o !== "function")) return undefined;
    if (step === "__proto__") {
      o = getPrototypeOf(o);
      continue;
    }
    const [name, accessor] = step.split("\u0001");
    const key = (name ?? "").startsWith("Symbol(") ? Reflect.ownKeys(o as object).find((k) => typeof k === "symbol" && String(k) === name) : name;
    if (key === undefined) return undefined;
    const d = getOwnPropertyDescriptor(o, key);
    if (!d) return undefined;
    o = accessor === "get" ? d.get : accessor === "set" ? d.set : d.value;
  }
  return o;
}
