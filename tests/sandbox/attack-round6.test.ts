/**
 * Attack round 6 (issue 16): the bounds round 5 put on the length-walking Array built-ins (commit
 * eea86db: each wrapper reads its receiver's length once and bounds it by the memory limit, a
 * Proxy is known because the sandbox's Proxy records what it makes, built-ins that write refuse
 * an unsteady receiver). Real isolates in real worker processes through createPluginHost;
 * outcomes, codes and pids only.
 *
 * Every `it.skip` in the first block is a promise the sandbox still breaks: one call (or a loop)
 * held the worker until the host killed it (`observed: "host_timer"`, "its worker did not stop it
 * and was replaced"), or killed the worker another way. Its comment says what happened and what a
 * fix needs. They are skipped, not `it.fails`: whether the host's timer or the worker's own check
 * ends them first depends on the machine's speed.
 *
 * The `it.skip`s in the second block are honest code whose answer in the sandbox differs from
 * plain Node 24 (each expected value is what `node` answers for the same function); each failed
 * when run, then was skipped. Plain `it`s are attacks that hold and are worth keeping so.
 */
import { describe, expect, it } from "vitest";
import type { CallResult } from "../../src/sandbox/index.ts";
import { endsOnItsOwn, withHost } from "./attack-harness.ts";



/** An empty array of the longest length: costs nothing to make (its elements are a dictionary). */
const EMPTY_LONGEST = `Object.assign([], { length: 2 ** 32 - 1 })`;
const BOUNDED = ["input_too_large", "memory_limit"];

describe("attack round 6: ways past the length bounds", () => {
  // flat and flatMap walk every array they flatten, not only their receiver: the wrapper bounds the
  // receiver's length (1 here), and the engine's FlattenIntoArray then walks the nested array's
  // 2 ** 32 - 1 indices with a HasProperty each, no JavaScript called for a missing one. Each
  // held the worker until the host killed it (`timeout`, host_timer, ~1.5 s past the 500 ms limit,
  // its pid replaced), at the default limits. A fix needs flat/flatMap done in the wrapper:
  // FlattenIntoArray in JavaScript (a loop, so interrupted), or every array met while flattening
  // bounded as a receiver is (walkable) before the engine walks it — which needs the whole tree
  // read first, as a callback (flatMap's) or a getter may make a nested array long afterwards.
  const nested: [string, string][] = [
    ["flat of an array holding an empty array of the longest length", `[${EMPTY_LONGEST}].flat().length`],
    ["flat(Infinity) of one nested four deep", `[[[[${EMPTY_LONGEST}]]]].flat(Infinity).length`],
    ["flatMap whose callback answers an empty array of the longest length", `[1].flatMap(() => ${EMPTY_LONGEST}).length`],
    ["flat of an array-like holding one", `Array.prototype.flat.call({ length: 1, 0: ${EMPTY_LONGEST} }).length`],
  ];
  for (const [name, expression] of nested) {
    it(`${name} ends timeout on its own`, { timeout: 60_000 }, async () => {
      await endsOnItsOwn(`export default () => ${expression}`, {}, BOUNDED);
    });
  }

  // The bound is on the length, not on the work: a missing index costs the engine a lookup in
  // every object of the receiver's prototype chain (no JavaScript, no interrupt check), and the
  // chain is the plugin's to make as long as it likes, for a few bytes an object. At the default
  // 64 MB limit an array-like of 8 M (under the bound) over 20 prototypes holding one far index
  // each, or over 1,000 empty ones, held the worker until the host killed it (host_timer, its pid
  // replaced), through indexOf, includes, lastIndexOf and join alike, and so did a genuine sparse
  // array given such a prototype. (On the ordinary chain V8 has a shortcut: indexOf of a plain
  // `{ length: 5.12e8 }`, under the bound at memoryMB 4096, answered -1 in time.) A fix needs the
  // walk's cost bounded, not its length: e.g. count the prototype chain (and refuse length × (depth + 1) over a bound of a few
  // million lookups, sized for the worst lookup, not by memory), or walk a receiver that is not a
  // dense array in JavaScript (a loop the timer interrupts), over its own keys when sparse.
  const chain = (depth: number, oneIndexEach: boolean, base = "Object.prototype"): string =>
    `(() => { let p = ${base}; for (let i = 0; i < ${depth}; i++) { p = Object.create(p); ${oneIndexEach ? "p[9e6 + i] = 1;" : ""} } return p; })()`;
  const costly: [string, string][] = [
    ["indexOf over an array-like of 8 M on 20 prototypes with one index each", `Array.prototype.indexOf.call(Object.assign(Object.create(${chain(20, true)}), { length: 8e6 }), 2)`],
    ["lastIndexOf over an array-like of 8 M on 1,000 empty prototypes", `Array.prototype.lastIndexOf.call(Object.assign(Object.create(${chain(1000, false)}), { length: 8e6 }), 2)`],
    ["join of an array-like of 8 M on 200 prototypes", `Array.prototype.join.call(Object.assign(Object.create(${chain(200, true)}), { length: 8e6 }), "").length`],
    ["includes over a sparse array of 8 M given 200 prototypes", `Object.setPrototypeOf(Object.assign([], { length: 8e6 }), ${chain(200, true, "Array.prototype")}).includes(2)`],
  ];
  for (const [name, expression] of costly) {
    it(`${name} ends timeout on its own`, { timeout: 60_000 }, async () => {
      await endsOnItsOwn(`export default () => ${expression}`, {}, BOUNDED);
    });
  }

  // concat's wrapper checks every item before the engine's concat runs, but the engine reads each
  // item's spreadability and length only when it reaches that item, after reading the elements of
  // the items before it: an element getter of the first item (here an accessor on a genuine array)
  // makes the second item long (its length) or spreadable (its marking) after the check. Both held
  // the worker until the host killed it (host_timer, its pid replaced). A fix needs concat copying
  // each spreadable item itself (a loop, interrupted) or reading every element getter's effects
  // first, i.e. concat written in the wrapper: a check before the engine's call cannot see them.
  const later: [string, string][] = [
    [
      "a getter in an earlier item lengthens a later spreadable item",
      `(() => { const b = { length: 0, [Symbol.isConcatSpreadable]: true }; const a = [1]; Object.defineProperty(a, 0, { get() { b.length = 2 ** 32 - 1; return 1; } }); return [].concat(a, b).length; })()`,
    ],
    [
      "a getter in an earlier item marks a long later item spreadable",
      `(() => { const b = { length: 2 ** 32 - 1 }; const a = [1]; Object.defineProperty(a, 0, { get() { b[Symbol.isConcatSpreadable] = true; return 1; } }); return [].concat(a, b).length; })()`,
    ],
  ];
  for (const [name, expression] of later) {
    it(`concat, ${name}: ends timeout on its own`, { timeout: 60_000 }, async () => {
      await endsOnItsOwn(`export default () => ${expression}`, {}, [...BOUNDED, "plugin_error"]);
    });
  }

  // %TypedArray%.prototype's methods are not wrapped: each walks its typed array in C++, a few ms
  // for tens of MB, and a loop of them reaches the loop's interrupt check only after thousands of
  // calls. Each loop held the worker until the host killed it (host_timer, its pid replaced), at
  // the default 64 MB limit. (Array.prototype's wrappers are JavaScript, so the same loop of
  // `Array.prototype.includes.call(f, NaN)` stops: the wrapper's entry is an interrupt check.)
  // Fixed without wrapping them: the transform starts every loop's body with a call of an empty
  // function (module-transform.ts), so each iteration enters JavaScript, an interrupt check.
  const typedLoops: [string, string][] = [
    ["includes(NaN) of a 4 M-element Float64Array", `const f = new Float64Array(4e6); for (;;) f.includes(NaN);`],
    ["lastIndexOf of an 8 M-element Uint16Array", `const f = new Uint16Array(8e6); for (;;) f.lastIndexOf(1);`],
    ["reverse of a 30 M-element Uint8Array", `const f = new Uint8Array(3e7); for (;;) f.reverse();`],
  ];
  for (const [name, body] of typedLoops) {
    it(`a loop of ${name} ends timeout on its own`, { timeout: 60_000 }, async () => {
      await endsOnItsOwn(`export default () => { ${body} }`);
    });
  }

  // Unsettled (skipped so the suite does not flake): sort and toSorted without a comparator compare by string (each
  // comparison turns both numbers into strings), inside the engine: 3 M numbers (24 MB, under the
  // bound) took 5.7 s (sort) and 6.5 s (toSorted) in plain Node 24 here, 1 M 1.6 s. Through this
  // harness (graceMs 1,000) both ended timeout by the worker's own check, twice for toSorted; one
  // run through `capsmith sandbox exec --timeout 500` (the same 1 s grace) ended toSorted by the
  // host's timer (host_timer), so the engine's check comes, but late. If it breaks, the fix is a JavaScript comparator the wrapper
  // passes when none is given (each comparison then enters a function: an interrupt check).
  const sorts: [string, string][] = [
    ["toSorted() of 3 M numbers", `a.toSorted()[5]`],
    ["sort() of 3 M numbers", `a.sort()[5]`],
  ];
  for (const [name, expression] of sorts) {
    it.skip(`${name} ends timeout on its own`, { timeout: 60_000 }, async () => {
      await endsOnItsOwn(`export default () => { const a = new Array(3e6); for (let i = 0; i < 3e6; i++) a[i] = (i * 7919) % 3e6; return ${expression}; }`, {}, BOUNDED);
    });
  }

  // Function.prototype.apply, Reflect.apply and Reflect.construct read an array-like argument list
  // into one list of `length` slots (CreateListFromArrayLike) in one step, 8 bytes a slot: 3e7
  // slots (240 MB) past a 64 MB limit before isolated-vm's heap limit can say so. The worker
  // passed its resident-memory budget and was killed (`memory_limit`, `observed: "worker_rss"`, its pid replaced, every
  // isolate in it gone) — one line of a plugin costs a worker, as round 5's sort did. A fix needs
  // apply/Reflect.apply/Reflect.construct wrapped, an array-like list's length read once and
  // bounded by the memory limit (ARRAY_ELEMENT_BYTES a slot), as Array.from's is.
  const lists: [string, string][] = [
    ["String.prototype.concat.apply", `String.prototype.concat.apply("", { length: 3e7 }).length`],
    ["Reflect.apply", `Reflect.apply(Math.max, null, { length: 3e7 })`],
  ];
  for (const [name, expression] of lists) {
    it.skip(`${name} of an array-like of 3e7 elements is refused, its worker kept`, { timeout: 60_000 }, async () => {
      await endsOnItsOwn(`export default () => ${expression}`, {}, [...BOUNDED, "plugin_error"]);
    });
  }

  // Held: these walk a huge length too, but through steps the worker's own check interrupts, or
  // bounded: keep them so.
  const holds: [string, string][] = [
    ["Iterator#drop over an array-like's values", `Array.prototype.values.call({ length: 2 ** 53 - 1 }).drop(2 ** 53).next().done`],
    ["a Set of an empty array of the longest length", `new Set(${EMPTY_LONGEST}).size`],
    ["Promise.all of an empty array of the longest length", `(Promise.all(${EMPTY_LONGEST}), 1)`],
    ["spreading an empty array of the longest length", `[...${EMPTY_LONGEST}].length`],
    ["includes whose fromIndex lengthens the array", `(() => { const a = [1]; return a.includes(2, { valueOf() { a.length = 2 ** 32 - 1; return 0; } }); })()`],
  ];
  for (const [name, expression] of holds) {
    it(`${name} ends on its own or answers`, { timeout: 60_000 }, async () => {
      await endsOnItsOwn(`export default () => ${expression}`, {}, ["ok", ...BOUNDED, "plugin_error"]);
    });
  }
});

/** `source`'s default export called once in the sandbox, in a fresh host; its result. */
const answer = async (source: string): Promise<CallResult> => {
  let r: CallResult | undefined;
  await withHost({ workers: 1 }, async (h) => {
    await h.load({ id: "honest", code: source });
    r = await h.call("honest", null);
  });
  return r!;
};
/** A plugin answering `f()`, or the name of what it threw. */
const plugin = (f: string): string => `export default () => { try { return { value: (${f})() }; } catch (e) { return { threw: e.name }; } };`;

describe("attack round 6: honest code the length bounds change", () => {
  // A Proxy of an array is an unsteady receiver, so the built-ins that write refuse it (TypeError)
  // and concat refuses it as an item: immer drafts, Vue and MobX observable arrays are exactly
  // this, and `draft.sort()`, `draft.splice(i, 1)`, `[].concat(list)` are their everyday use.
  // Plain Node answers as commented. A fix needs the writers to work on such a receiver without
  // a view: e.g. read the length once, bound it, and do the writing in JavaScript (a loop of
  // Get/Set/Delete, as the spec's steps), or accept a Proxy whose target is a genuine array and
  // whose handler has no `get`/`getOwnPropertyDescriptor` trap for "length".
  const refusedWriters: [string, string, unknown][] = [
    ["sort of a Proxy of an array", `() => new Proxy([3, 1, 2], {}).sort()`, [1, 2, 3]],
    ["reverse of a Proxy of an array", `() => new Proxy([3, 1, 2], {}).reverse()`, [2, 1, 3]],
    ["splice of a Proxy of an array", `() => { const p = new Proxy([3, 1, 2], {}); p.splice(1, 1); return [...p]; }`, [3, 2]],
    ["shift of a Proxy of an array", `() => { const p = new Proxy([3, 1, 2], {}); return [p.shift(), [...p]]; }`, [3, [1, 2]]],
    ["concat of a Proxy of an array as an item", `() => [0].concat(new Proxy([3, 1, 2], {}))`, [0, 3, 1, 2]],
    ["concat with a Proxy of an array as receiver", `() => new Proxy([3, 1, 2], {}).concat([4])`, [3, 1, 2, 4]],
    [
      "reverse of a collection class whose length is a getter",
      `() => { class Coll { constructor() { this[0] = "a"; this[1] = "b"; } get length() { return 2; } } const c = Array.prototype.reverse.call(new Coll()); return [c[0], c[1]]; }`,
      ["b", "a"],
    ],
    ["fill of an array-like whose length is a numeric string", `() => Array.prototype.fill.call({ length: "2" }, 0)`, { 0: 0, 1: 0, length: "2" }],
    ["sort of an array-like whose length is a numeric string", `() => Array.prototype.sort.call({ length: "2", 0: 2, 1: 1 })`, { 0: 1, 1: 2, length: "2" }],
  ];
  // Fixed: a Proxy is handed to the built-ins as itself, a primitive length is steady. Left
  // refused (a TypeError, documented in docs/sandbox.md): a writer on an array-like whose length a
  // getter of the plugin's answers; a fix needs those writers in JavaScript.
  const stillRefused = new Set(["reverse of a collection class whose length is a getter"]);
  for (const [name, f, value] of refusedWriters) {
    (stillRefused.has(name) ? it.skip : it)(`${name} answers as natively`, { timeout: 60_000 }, async () => {
      // Observed: { threw: "TypeError" } ("in the sandbox, a built-in that writes to an array-like needs its length as a plain number").
      expect(await answer(plugin(f))).toMatchObject({ ok: true, output: { value } });
    });
  }

  // Array.from's wrapper builds an array-like's copy itself and constructs `this` whenever it is a
  // function other than Array, but the spec constructs `this` only when it is a constructor: an
  // arrow function or a method as `this` (Array.from passed around as a callback and called on
  // one) makes a plain array natively, and throws "is not a constructor" in the sandbox. A fix
  // needs the wrapper's `fresh` test to be IsConstructor (e.g. a Reflect.construct with a
  // newTarget proxy, or `this` checked against the engine's answer for `new`), not typeof.
  it("Array.from called on an arrow function or a method as this answers as natively", { timeout: 60_000 }, async () => {
    // Observed: { threw: "TypeError" }.
    expect(await answer(plugin(`() => { const a = Array.from.call(() => {}, { length: 2, 0: "a" }); return [a.length, a[0], 1 in a, Array.from.call(Math.max, { length: 1, 0: "b" })[0]]; }`))).toMatchObject({
      ok: true,
      output: { value: [2, "a", true, "b"] },
    });
  });

  // Silently different: the built-in walks a view `Object.create(receiver, { length })`, so the
  // callbacks' third argument is the view, not the Proxy (a write through it lands on the view
  // and is lost), species constructors are not consulted (the view is not an array), a Proxy's
  // `get` trap gets the view as receiver, and join's cycle detection never sees the same object
  // twice (a fresh view each time: stack overflow where Node answers "1,"). A fix needs the view
  // gone for a Proxy (e.g. walk it in JavaScript, passing the receiver itself to callbacks and
  // using ArraySpeciesCreate on it), or at the least the third argument and species preserved.
  const views: [string, string, unknown][] = [
    ["forEach's third argument is the Proxy", `() => { const p = new Proxy([3, 1, 2], {}); let same = null; p.forEach((v, i, o) => { same = o === p; }); return same; }`, true],
    ["a write through forEach's third argument reaches the Proxy", `() => { const p = new Proxy([3, 1, 2], {}); p.forEach((v, i, o) => { o[i] = v * 10; }); return [...p]; }`, [30, 10, 20]],
    ["map of a Proxy of a subclass array makes the subclass", `() => { class MyArr extends Array {} return new Proxy(MyArr.from([1, 2]), {}).map((x) => x) instanceof MyArr; }`, true],
    ["filter of a Proxy of a subclass array makes the subclass", `() => { class MyArr extends Array {} return new Proxy(MyArr.from([1, 2]), {}).filter(() => true) instanceof MyArr; }`, true],
    ["a get trap's receiver is the Proxy", `() => { let r = null; const p = new Proxy([1], { get(t, k, rc) { if (k === "0") r = rc === p; return Reflect.get(t, k, rc); } }); p.indexOf(1); return r; }`, true],
    ["join of a Proxy of an array holding itself", `() => { const p = new Proxy([1], {}); p[1] = p; return p.join(); }`, "1,"],
  ];
  for (const [name, f, value] of views) {
    it(`${name}, as natively`, { timeout: 60_000 }, async () => {
      expect(await answer(plugin(f))).toMatchObject({ ok: true, output: { value } });
    });
  }
});
