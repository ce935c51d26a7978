#!/usr/bin/env node
// capsmith runs its TypeScript sources directly on Node 24 (type stripping); no build step. The
// compile cache keeps stripped and compiled modules between runs, which halves start-up time.
import module from "node:module";

module.enableCompileCache?.();
const { main } = await import("../src/cli/main.ts");
await main();
