// Writes tests/fixtures/specs/dev4: each spec's description, schemas and case inputs are in
// dev4-cases.mjs; every expected output is computed by the reference program
// (tests/fixtures/specs/dev4.reference.mjs), never by hand. Made without running the synthesizer on
// any of it and without reading its code. `node scripts/make-dev4-specs.mjs`
import { reference } from "../tests/fixtures/specs/dev4.reference.mjs";
import { SPECS } from "./dev4-cases.mjs";
import { writeSpecSet } from "./write-spec-set.mjs";

await writeSpecSet("dev4", SPECS, reference);
