// Writes tests/fixtures/specs/holdout2: each spec's description, schemas and case inputs are here;
// every expected output is computed by the reference program (tests/fixtures/specs/holdout2.reference.mjs),
// never by hand. Made without running the synthesizer on any of it. `node scripts/make-holdout2-specs.mjs`
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { reference } from "../tests/fixtures/specs/holdout2.reference.mjs";
import { SPECS } from "./holdout2-cases.mjs";

const dir = join(import.meta.dirname, "../tests/fixtures/specs/holdout2");
await mkdir(dir, { recursive: true });
for (const s of SPECS) {
  const f = reference[s.capability];
  if (!f) throw new Error(`no reference for ${s.capability}`);
  const spec = {
    capability: s.capability,
    description: s.description,
    inputSchema: s.inputSchema,
    outputSchema: s.outputSchema,
    constraints: ["deterministic", "schema_validated"],
    examples: s.examples.map((input) => ({ input, output: f(structuredClone(input)) })),
    tests: Object.entries(s.tests).map(([name, input]) => ({ name, input, output: f(structuredClone(input)) })),
  };
  await writeFile(join(dir, `${s.capability}.json`), JSON.stringify(spec, null, 2) + "\n");
}
console.log(`wrote ${SPECS.length} specs to ${dir}`);
