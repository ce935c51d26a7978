// Writes tests/fixtures/specs/holdout18: each spec's description, schemas and case inputs are in
// holdout18-cases.mjs; every expected output is computed by the reference program
// (tests/fixtures/specs/holdout18.reference.mjs), never by hand. Made without running the synthesizer on
// any of it and without reading its code. `node scripts/make-holdout18-specs.mjs`
import { reference } from "../tests/fixtures/specs/holdout18.reference.mjs";
import { SPECS } from "./holdout18-cases.mjs";
import { writeSpecSet } from "./write-spec-set.mjs";

await writeSpecSet("holdout18", SPECS, reference);
