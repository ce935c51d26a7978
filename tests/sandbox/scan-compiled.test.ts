/**
 * F9: the scan reads what the runtime compiles, the way it compiles it. An HTML-like comment
 * (`<!--`) is a comment to a script and an operator to a module; code hidden from one reading must
 * not run under the other.
 */
import { describe, expect, it } from "vitest";
import { scanPlugin } from "../../src/sandbox/index.ts";
import { useHost } from "./host-fixture.ts";

const HIDDEN = [
  `export default () => { let r = "scanned"; let x = 1;`,
  `x <!-- /*`,
  `r = "hidden ran";`,
  `/* */ x`,
  `; return r; }`,
].join("\n");

const HIDDEN_EVAL = HIDDEN.replace(`r = "hidden ran";`, `r = eval("'hidden eval ran'");`);

describe("scan what the runtime compiles", () => {
  const host = useHost();

  it("refuses code that an HTML-like comment hides from a module reading", async () => {
    await expect(host().load({ id: "hidden", code: HIDDEN })).rejects.toMatchObject({ code: "scan_rejected" });
    await expect(host().load({ id: "hidden-eval", code: HIDDEN_EVAL })).rejects.toMatchObject({ code: "scan_rejected" });
  });

  it("names the finding with its place in the plugin's source", () => {
    expect(scanPlugin(HIDDEN).findings).toEqual([expect.objectContaining({ rule: "html_comment", line: 2 })]);
    expect(scanPlugin(`export default () => 1;\n--> hidden`).findings.map((f) => f.rule)).toContain("parse_error");
  });

  it("refuses names the runtime reserves for itself", () => {
    expect(new Set(scanPlugin(`const __capsmith_track = 1; export default () => __capsmith_track;`).findings.map((f) => f.rule))).toEqual(new Set(["reserved_name"]));
  });

  it("still runs ordinary code that merely contains the characters", async () => {
    await host().load({ id: "lt", code: `export default (x) => { const s = "<!-- not a comment -->"; return x <! --x ? s : s.length; }` });
    expect(await host().call("lt", 5)).toMatchObject({ ok: true });
  });
});
