/**
 * The dev4 set (tests/fixtures/specs/dev4) is honest: every spec parses with the project's spec
 * parser, has 2 to 4 examples and 8 to 15 tests, every case fits the spec's schemas (validateInput /
 * validateOutput), and the reference program written from the description alone (dev4.reference.mjs)
 * gives exactly the expected output on every example and test. Each reference is also total over its
 * input schema: fed many schema-fitting variations of its cases, it returns an output that fits the
 * output schema and never throws, because the bench's answering person asks these programs about
 * inputs no spec lists. dev4 is development material from the start (everyday business-data tasks of
 * the kinds of specs/dev and specs/holdout2); it shares no capability name with an earlier set. The
 * synthesizer is never run here.
 */
import { describeReferenceSet } from "../support/reference-specs.ts";

await describeReferenceSet({
  set: "dev4",
  count: 60,
  total: true,
  heldOut: { earlier: ["dev", "dev3", "validation", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8", "holdout9", "holdout10", "holdout11", "holdout12", "holdout13", "holdout14", "holdout15", "holdout16", "holdout17", "holdout18", "holdout19", "holdout20", "holdout21", "holdout22"] },
});
