/**
 * The repository stands alone: nothing it runs or documents reads or links a path outside it. A
 * clone anywhere must pass `npm test`; a `../shared` beside one checkout must not be what makes it.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const SCANNED = ["src", "projections", "tests", "bench", "scripts", "docs", "examples", "deploy", ".ci", "README.md", "package.json", "eslint.config.js", "vitest.config.ts"];

function files(path: string): string[] {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) =>
    entry.name === "node_modules" ? [] : files(join(path, entry.name)),
  );
}

function outside(target: string): boolean {
  const rel = relative(ROOT, target);
  return rel === ".." || rel.startsWith(`..${sep}`);
}

/** Every place in `text` that names a path escaping the repository, resolved from the file's folder. */
export function escapes(file: string, text: string): string[] {
  const found: string[] = [];
  if (/\bshared\/(synthesis-tasks|DESIGN|SPEC-FORMAT|PLAN-FORMAT|STYLE)/.test(text)) found.push("names ../shared");
  // Relative paths in string literals and markdown links: `"../../x"`, `](../x)`.
  for (const m of text.matchAll(/(?:["'`(]|\]\()((?:\.\.\/)+[^"'`)\s]*)/g)) {
    const path = m[1] as string;
    if (outside(resolve(dirname(file), path))) found.push(path);
  }
  return found;
}

describe("the repository stands alone", () => {
  it("reads and links nothing outside itself", () => {
    const offenders: string[] = [];
    for (const path of SCANNED) {
      for (const file of files(path)) {
        if (file === import.meta.filename) continue;
        const text = readFileSync(file, "utf8");
        for (const hit of escapes(file, text)) offenders.push(`${relative(ROOT, file)}: ${hit}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("links only to files that exist, from the README and docs/", () => {
    const broken: string[] = [];
    for (const file of [...files("README.md"), ...files("docs")].filter((f) => f.endsWith(".md"))) {
      for (const m of readFileSync(file, "utf8").matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        const target = m[1] as string;
        if (/^[a-z]+:/.test(target)) continue;
        if (!existsSync(resolve(dirname(file), target))) broken.push(`${relative(ROOT, file)} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("would catch a read of ../shared (the check itself can fail)", () => {
    const probe = join(ROOT, "tests", "support", "probe.ts");
    expect(escapes(probe, `join(import.meta.dirname, "../../../shared/synthesis-tasks")`).length).toBeGreaterThan(0);
    expect(escapes(join(ROOT, "README.md"), "see [design](../shared/DESIGN.md)").length).toBeGreaterThan(0);
    expect(escapes(probe, `join(import.meta.dirname, "../fixtures/specs/dev")`)).toEqual([]);
  });
});
