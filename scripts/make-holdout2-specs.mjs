// Writes tests/fixtures/specs/holdout2: each spec's description, schemas and case inputs are here;
// every expected output is computed by the reference program (tests/fixtures/specs/holdout2.reference.mjs),
// never by hand. Made without running the synthesizer on any of it. `node scripts/make-holdout2-specs.mjs`
import { reference } from "../tests/fixtures/specs/holdout2.reference.mjs";
import { SPECS } from "./holdout2-cases.mjs";
import { writeSpecSet } from "./write-spec-set.mjs";

await writeSpecSet("holdout2", SPECS, reference);
