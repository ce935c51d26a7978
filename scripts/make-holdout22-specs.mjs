// Writes tests/fixtures/specs/holdout22: each spec's description, schemas and case inputs are in
// holdout22-cases.mjs; every expected output is computed by the reference program
// (tests/fixtures/specs/holdout22.reference.mjs), never by hand. Made without running the synthesizer on
// any of it and without reading its code. `node scripts/make-holdout22-specs.mjs`
import { reference } from "../tests/fixtures/specs/holdout22.reference.mjs";
import { SPECS } from "./holdout22-cases.mjs";
import { writeSpecSet } from "./write-spec-set.mjs";

await writeSpecSet("holdout22", SPECS, reference);
