/**
 * The sixteenth held-out set (tests/fixtures/specs/holdout15) is honest: every spec parses with the
 * project's spec parser, has 2 to 4 examples and 8 to 15 tests, every case fits the spec's schemas
 * (validateInput / validateOutput), and the reference program written from the description alone
 * (holdout15.reference.mjs) gives exactly the expected output on every example and test. A wrong
 * expected output, or a description that no longer matches its cases, fails here and not in a
 * benchmark figure. The synthesizer is never run here: the set is measured, not tuned on. The check
 * itself (checkSpec) is shown to catch each kind of fault in holdout2-reference.test.ts.
 */
import { describeReferenceSet } from "../support/reference-specs.ts";

await describeReferenceSet({
  set: "holdout15",
  count: 60,
  heldOut: { earlier: ["dev", "dev3", "validation", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8", "holdout9", "holdout10", "holdout11", "holdout12", "holdout13", "holdout14"] },
});
