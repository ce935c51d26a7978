// Writes tests/fixtures/specs/holdout7: each spec's description, schemas and case inputs are in
// holdout7-cases.mjs; every expected output is computed by the reference program
// (tests/fixtures/specs/holdout7.reference.mjs), never by hand. Made without running the synthesizer on
// any of it and without reading its code. `node scripts/make-holdout7-specs.mjs`
import { reference } from "../tests/fixtures/specs/holdout7.reference.mjs";
import { SPECS } from "./holdout7-cases.mjs";
import { writeSpecSet } from "./write-spec-set.mjs";

await writeSpecSet("holdout7", SPECS, reference);
