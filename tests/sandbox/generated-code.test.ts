/**
 * What the worker answers when a plugin policy lets generate code hands it a text (eval, the
 * Function constructors): the script to compile, a SyntaxError, or a coded refusal. The isolate
 * side (the wrappers, what runs) is tested through real isolates in attack-round2.test.ts.
 */
import { parse } from "acorn";
import { describe, expect, it } from "vitest";
import { MAX_GENERATED_CHARS, compileGenerated } from "../../src/sandbox/generated-code.ts";
import { untrackedAsync } from "../../src/sandbox/static-scan.ts";

const script = (answer: string): string => {
  expect(answer[0]).toBe("O");
  return answer.slice(1);
};
const refusal = (answer: string): { code: string; message: string } => {
  expect(answer[0]).toBe("E");
  return JSON.parse(answer.slice(1)) as { code: string; message: string };
};

describe("compiling generated code", () => {
  it("rewrites every async function of eval'd code for the tracker, as strict code", () => {
    const out = script(compileGenerated("eval", "", "const f = async () => { throw 1; }; async function g() { await f(); } ({ async m() {} }); g()"));
    expect(out.startsWith(`"use strict";`)).toBe(true);
    const program = parse(out, { ecmaVersion: "latest", sourceType: "script" });
    expect(untrackedAsync(program)).toEqual([]);
    expect(out.match(/__capsmith_track\(async \(\) =>/g)).toHaveLength(3);
  });

  it("starts every loop's body of generated code with a call of the tick", () => {
    const out = script(compileGenerated("eval", "", "let n = 0; for (;;) n++; while (n) { n--; }"));
    expect(out.match(/__capsmith_tick\(\);/g)).toHaveLength(2);
  });

  it("compiles a function's own text again, the ticks its loops show included, and nothing else of the reserved name", () => {
    const text = "(function f(n) { let s = 0; for (let i = 0; i < n; i++) {__capsmith_tick();s += i;} return s; })";
    expect(script(compileGenerated("eval", "", text))).toContain("{__capsmith_tick();__capsmith_tick();s += i;}");
    for (const hostile of ["__capsmith_tick(1)", "var __capsmith_tick = 1", "__capsmith_tick = () => 1", "f(__capsmith_tick)", "__capsmith_track(async () => 1)"]) {
      expect(refusal(compileGenerated("eval", "", hostile)).code).toBe("scan_rejected");
    }
  });

  it("builds the constructors' function and rewrites it", () => {
    const out = script(compileGenerated("async function", "a,b", "return a + b"));
    expect(out).toContain("function anonymous(a,b\n)");
    expect(out).not.toMatch(/async function anonymous/);
    expect(untrackedAsync(parse(out, { ecmaVersion: "latest", sourceType: "script" }))).toEqual([]);
    expect(script(compileGenerated("async function*", "", "yield 1"))).toContain("async function* anonymous(");
  });

  it("refuses parameters and bodies that do not make one function", () => {
    for (const [params, body] of [
      ["a) {}; (async () => { throw 1; })(); (function (b", ""],
      ["", "}); (async () => { throw 1; })(); (function () {"],
      ["/*", "*/) { return 1"],
      ["", "} + (async () => { throw 1; })() + function () {"],
      ["a = function () {", "}"],
    ] as const) {
      expect(compileGenerated("function", params, body)[0]).toBe("S");
    }
  });

  it("places a syntax error where the plugin's text has it", () => {
    expect(compileGenerated("eval", "", "1 +")).toMatch(/^S.*\(1:3\)$/);
    expect(compileGenerated("eval", "", "1;\n2 +")).toMatch(/^S.*\(2:3\)$/);
  });

  it("answers text nested past the worker's stack without throwing in the worker", () => {
    const answer = compileGenerated("eval", "", "(".repeat(60_000) + "1" + ")".repeat(60_000));
    expect(answer[0]).toMatch(/[SO]/);
  });

  it("answers a SyntaxError for text that only sloppy code allows", () => {
    expect(compileGenerated("eval", "", "with ({}) {}")[0]).toBe("S");
    expect(compileGenerated("function", "a,a", "")[0]).toBe("S");
  });

  it("refuses names that could shadow the tracker, import(), oversized text and unknown kinds with scan_rejected", () => {
    expect(refusal(compileGenerated("eval", "", "var __capsmith_track = (p) => p;"))).toMatchObject({ code: "scan_rejected", message: expect.stringContaining("__capsmith") });
    expect(refusal(compileGenerated("function", "__capsmith_track", "return 1"))).toMatchObject({ code: "scan_rejected" });
    expect(refusal(compileGenerated("eval", "", "\\u005f_capsmith_track"))).toMatchObject({ code: "scan_rejected" });
    expect(refusal(compileGenerated("eval", "", "import('x')"))).toMatchObject({ code: "scan_rejected", message: expect.stringContaining("import()") });
    expect(refusal(compileGenerated("eval", "", "1;".repeat(MAX_GENERATED_CHARS / 2 + 1)))).toMatchObject({ code: "scan_rejected" });
    expect(refusal(compileGenerated("class", "", "1"))).toMatchObject({ code: "scan_rejected" });
    expect(refusal(compileGenerated("eval", "", 1))).toMatchObject({ code: "scan_rejected" });
  });
});
