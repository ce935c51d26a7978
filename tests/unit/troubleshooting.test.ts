/**
 * docs/troubleshooting.md has an entry for every error code the CLI and the REPL can show: the
 * literals of every `…Code` union (error classes', preflight findings', resolution failures'; a
 * `…ReasonCode` says why a schema check is unproven, which is not an error), every
 * `new …Error("code", …)`, every `code: "…"` and every gap outcome but `published` (the REPL shows it
 * as the code) in the sources. A new code without an entry fails here, so `capsmith help errors CODE` and the
 * "more:" line under every CLI error always lead somewhere.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { section } from "../../src/cli/docs.ts";

const ROOT = resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

/** Every error code the code can produce, with a file that produces it. */
function errorCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const file of [...sources("src"), ...sources("projections")]) {
    const text = readFileSync(join(ROOT, file), "utf8");
    const add = (code: string): void => void (codes.has(code) || codes.set(code, relative(ROOT, join(ROOT, file))));
    for (const m of text.matchAll(/type (\w*Code) =([^;]*);/g)) {
      if (!m[1]!.endsWith("ReasonCode")) for (const s of m[2]!.matchAll(/"([a-z][a-z0-9_]*)"/g)) add(s[1]!);
    }
    for (const m of text.matchAll(/new \w*Error(?:<[^>]*>)?\(\s*"([a-z][a-z0-9_]*)"/g)) add(m[1]!);
    // `{code, pointer, message}` is a compatibility reason (docs/compatibility.md), not an error.
    for (const m of text.matchAll(/\bcode: "([a-z][a-z0-9_]*)"(?!, pointer)/g)) add(m[1]!);
    // A gap's outcome is shown as the error code of `/need` and `-p` when it was not published.
    for (const m of text.matchAll(/\boutcome: z\.enum\(\[([^\]]*)\]\)/g)) {
      for (const s of m[1]!.matchAll(/"([a-z][a-z0-9_]*)"/g)) if (s[1] !== "published") add(s[1]!);
    }
  }
  return codes;
}

const doc = readFileSync(join(ROOT, "docs/troubleshooting.md"), "utf8");
const documented = new Set([...doc.matchAll(/^### `([a-z][a-z0-9_]*)`$/gm)].map((m) => m[1]!));

describe("docs/troubleshooting.md", () => {
  it("has an entry for every error code in the sources", () => {
    const codes = errorCodes();
    expect(codes.size).toBeGreaterThan(80); // the scan itself works
    const missing = [...codes].filter(([code]) => !documented.has(code)).map(([code, file]) => `${code} (from ${file})`);
    expect(missing, "add a `### \\`code\\`` entry to docs/troubleshooting.md for each").toEqual([]);
  });

  it("says what each code means and what to do, once", () => {
    const headings = [...doc.matchAll(/^### `([a-z][a-z0-9_]*)`$/gm)].map((m) => m[1]!);
    expect(headings.length).toBe(documented.size);
    for (const code of documented) {
      const entry = section(doc, code)!;
      expect(entry, code).toContain("**Do:**");
      expect(entry.split("\n").length, code).toBeGreaterThan(1);
    }
  });
});
