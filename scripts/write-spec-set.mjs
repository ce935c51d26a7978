// What the scripts that write the hand-made held-out sets (make-holdout2-specs.mjs to make-holdout7-specs.mjs)
// share: every expected output is computed by the set's reference program,
// never typed by hand, and every spec is written as tests/fixtures/specs/NAME/CAPABILITY.json.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Writes one spec file per entry of `specs` (description, schemas, example and test inputs) under tests/fixtures/specs/`name`. */
export async function writeSpecSet(name, specs, reference) {
  const dir = join(import.meta.dirname, "../tests/fixtures/specs", name);
  await mkdir(dir, { recursive: true });
  for (const s of specs) {
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
  console.log(`wrote ${specs.length} specs to ${dir}`);
}
