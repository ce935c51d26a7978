/**
 * Attack on code generated at run time (eval and the Function constructors for plugins policy lets
 * generate code; generated-code.ts, bootstrap-env.ts): differentials between the text the worker
 * scans and the text the engine compiles, ways to the original constructors, the tracker reached
 * as a global, toString tricks on the arguments, and compiles that keep the worker busy. Each runs
 * real isolates through createPluginHost; a test that fails here is a break the report describes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileGenerated } from "../../src/sandbox/generated-code.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";

type Result = Awaited<ReturnType<PluginHost["call"]>>;

/** A rejection the tracker read: plugin_error with the reason's name in details (read inside the call). */
const tracked = (r: Result, message: string, name = "Error"): void => {
  expect(r.ok ? "ok" : r.error.code).toBe("plugin_error");
  if (r.ok) return;
  expect(r.error.message).toContain(`unhandled promise rejection: ${message}`);
  expect(r.error.details?.["name"]).toBe(name);
};

/**
 * Removing the `async` keyword joins `1/` and `/**\/` into `//`: the line comment hides the
 * function's header (and the transform's opening of the tracked arrow) from the engine. The body
 * then runs at the top level of the eval, where `await` is a plain name, so what the scan read as
 * regular expressions after `await` is code there: a `let __capsmith_track` the scan never saw and
 * an async arrow that passes it the "tracked" check. `[/*]` swallows the transform's tail.
 */
const JOIN_ATTACK = (reason: string): string => `0/async/**/function(){
typeof await/1;let __capsmith_track=p=>p;__capsmith_track((async()=>{throw ${reason}})());0&&0/g;
typeof await/[/*]/}*/]/
1`;

describe("attack codegen: text the worker scans and text the engine compiles", () => {
  let host: PluginHost;
  beforeAll(() => {
    host = createPluginHost({ workers: 1 });
  });
  afterAll(async () => {
    await host.close();
  });
  let n = 0;
  const run = async (code: string, allow: ("eval" | "function_constructor")[] = ["eval", "function_constructor"]): Promise<Result> => {
    const id = `cg${n++}`;
    await host.load({ id, allow, code });
    return host.call(id, null);
  };

  it("the worker refuses (or tracks) eval'd text whose async keyword's removal makes a line comment", () => {
    const answer = compileGenerated("eval", "", JOIN_ATTACK(`new Error("joined")`));
    // Either refused, or compiled with no binding named __capsmith_track anywhere.
    if (answer[0] === "O") expect(answer).not.toMatch(/let __capsmith_track/);
  });

  it("an async function hidden by a joined comment in eval'd code still reaches the tracker", async () => {
    const r = await run(`export default () => { try { eval(${JSON.stringify(JOIN_ATTACK(`new Error("joined")`))}); } catch (e) { return e.code ?? e.name; } return "ran"; }`);
    if (r.ok) expect(r.output).toBe("scan_rejected");
    else tracked(r, "joined");
  });

  it("the same text through new Function", async () => {
    const r = await run(`export default () => { try { new Function(${JSON.stringify(JOIN_ATTACK(`new Error("joinedfn")`))})(); } catch (e) { return e.code ?? e.name; } return "ran"; }`, ["function_constructor"]);
    if (r.ok) expect(r.output).toBe("scan_rejected");
    else tracked(r, "joinedfn");
  });

  it("a looping message getter on the hidden rejection does not wedge the worker", { timeout: 60_000 }, async () => {
    const h = createPluginHost({ workers: 1, graceMs: 400 });
    try {
      const text = JOIN_ATTACK(`{get message(){for(;;);}}`);
      await h.load({ id: "wedge", allow: ["eval"], limits: { timeoutMs: 300 }, code: `export default () => { try { eval(${JSON.stringify(text)}); } catch (e) { return e.code ?? e.name; } return 1; }` });
      const before = (await h.stats()).map((s) => s.pid);
      const r = await h.call("wedge", null);
      if (!r.ok) {
        expect(r.error.code).toBe("timeout");
        expect(r.error.details?.["observed"]).toBeUndefined();
      } else expect(r.output).toBe("scan_rejected");
      expect((await h.stats()).map((s) => s.pid)).toEqual(expect.arrayContaining(before));
    } finally {
      await h.close();
    }
  });

  it("HTML-like comments read alike by the scan and the engine", async () => {
    const texts = [
      "0 <!-- (async () => { throw new Error('html') })()\n;(async () => { throw new Error('html'); })()",
      "0;\n--> (async () => { throw new Error('x') })()\n(async () => { throw new Error('html'); })()",
      "0; /*\n*/ --> c\n(async () => { throw new Error('html'); })()",
      "0 /* */ -->(async () => { throw new Error('html'); })",
    ];
    for (const text of texts) {
      const r = await run(`export default () => { try { eval(${JSON.stringify(text)}); } catch (e) { return e.code ?? e.name; } return "ran"; }`);
      if (r.ok) expect(["scan_rejected", "SyntaxError", "ran"]).toContain(r.output);
      if (r.ok && r.output === "ran") throw new Error(`ran without a tracked rejection: ${text}`);
      if (!r.ok) tracked(r, "html");
    }
  });

  it("line and paragraph separators, escapes and labels in generated code", async () => {
    const texts = [
      "0;\u2028(async () => { throw new Error('sep'); })()",
      "//c\u2029(async () => { throw new Error('sep'); })()",
      "x: (async () => { throw new Error('sep'); })()",
      "({ async\u2028m() {} }); (async () => { throw new Error('sep'); })()",
      "({ async m() { throw new Error('sep'); } }).m()",
      "(class { static async m() { throw new Error('sep'); } }).m()",
      "(class { static { (async () => { throw new Error('sep'); })(); } })",
      "(class { x = (async () => { throw new Error('sep'); })(); }, new (class { x = (async () => { throw new Error('sep'); })(); })())",
      "({ get f() { return async () => { throw new Error('sep'); }; } }).f()",
      "`${(async () => { throw new Error('sep'); })()}`",
      "1 / /x/.source.length / (async () => { throw new Error('sep'); })()",
      "({ async [/*[*/ 'k']() { throw new Error('sep'); } }).k()",
      "({ /* async */ async /* async */ k() { throw new Error('sep'); } }).k()",
      "({ async 'async'() { throw new Error('sep'); } }).async()",
      "({ async async() { throw new Error('sep'); } }).async()",
    ];
    for (const text of texts) {
      const r = await run(`export default () => { try { eval(${JSON.stringify(text)}); } catch (e) { return e.code ?? e.name; } return "ran"; }`);
      if (r.ok) expect({ text, out: r.output }).toMatchObject({ text, out: expect.stringMatching(/^(scan_rejected|SyntaxError)$/) });
      else tracked(r, "sep");
    }
  });
});
