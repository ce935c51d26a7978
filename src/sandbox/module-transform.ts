/**
 * Turns a plugin's ES module into the body of a factory function that returns its default export.
 * The sandbox re-runs that body for every call, so module-level bindings start fresh each time
 * and no state carries from one call to the next. Imports never get here (the scan rejects them).
 */
import type { Program } from "acorn";

const DEFAULT = "__capsmith_default__";

export function moduleToFactoryBody(code: string, program: Program): string {
  const edits: { start: number; end: number; text: string }[] = [];
  let defaultName: string | undefined;
  for (const s of program.body) {
    if (s.type === "ExportDefaultDeclaration") {
      const d = s.declaration;
      if ((d.type === "FunctionDeclaration" || d.type === "ClassDeclaration") && d.id) {
        defaultName = d.id.name;
        edits.push({ start: s.start, end: d.start, text: "" });
      } else {
        defaultName = DEFAULT;
        edits.push({ start: s.start, end: s.end, text: `const ${DEFAULT} = (${code.slice(d.start, d.end)});` });
      }
    } else if (s.type === "ExportNamedDeclaration") {
      if (s.declaration) edits.push({ start: s.start, end: s.declaration.start, text: "" });
      else {
        // `export { a, b as default }`: drop the statement, remember the default.
        for (const spec of s.specifiers) {
          const exported = spec.exported.type === "Identifier" ? spec.exported.name : spec.exported.value;
          const local = spec.local.type === "Identifier" ? spec.local.name : String(spec.local.value);
          if (exported === "default") defaultName = local;
        }
        edits.push({ start: s.start, end: s.end, text: "" });
      }
    }
  }
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return `"use strict";${out}\n;return ${defaultName ?? "undefined"};`;
}
