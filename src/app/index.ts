/**
 * The composition root: `openCapsmith(config, access)` is how the CLI, the REPL, daemons, benches
 * and tests get a capsmith — the log, the policy, one typed read model, and for writers the hub,
 * the invoker, the sandbox and the agents this process runs.
 */
export { openCapsmith } from "./open-capsmith.ts";
export type { Capsmith, CapsmithReader, ReadAccess, WriteAccess } from "./open-capsmith.ts";
export { compatibilityMatrix, harnessMarkdown, HARNESS_STEPS, packageOf, runPluginHarness } from "./plugin-harness.ts";
export type { HarnessCheck, HarnessOptions, HarnessReport, HarnessStep, MatrixCell, PluginHarnessResult } from "./plugin-harness.ts";
