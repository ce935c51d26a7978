#!/usr/bin/env node
// capsmith runs its TypeScript sources directly on Node 24 (type stripping); no build step.
import { main } from "../src/cli/main.ts";

await main();
