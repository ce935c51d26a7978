import { configDefaults, defineConfig } from "vitest/config";

/**
 * The synthesizer's tests: each asks the offline search for a program within its budget, counted in
 * work, so load moves the times and not the answers. They retry a failed test twice, a guard from
 * when the budget was CPU time: a retry that fires is a nondeterminism to find (a search the CPU
 * guard ended). Figures come from `npm run bench -- synthesis`, never from these.
 */
const SEARCH = ["tests/synthesizer/**/*.test.ts", "tests/synthesis/**/*.test.ts"];

export default defineConfig({
  test: {
    // A limit, not a measure: high enough that a test on a loaded two-core machine fails by what it
    // asserts, not by the clock (stop 51's CI, loaded, lost two five-process CLI tests of the hub's
    // golden harness at 30 s each). A test that hangs still fails, two minutes later.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Two files at a time: these machines have two cores, and most files spend their time in one
    // thread (a search, an isolate, a child process).
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "search", include: SEARCH, retry: 2 } },
      { extends: true, test: { name: "core", include: ["tests/**/*.test.ts", "src/**/*.test.ts", "projections/**/*.test.ts"], exclude: [...configDefaults.exclude, ...SEARCH] } },
    ],
  },
});
