#!/usr/bin/env node
// capsmith runs its TypeScript sources directly on Node 24 (type stripping); no build step. The
// compile cache keeps stripped and compiled modules between runs, which halves start-up time.
import module from "node:module";

/** How long a finished command may still hold the event loop before it exits anyway. */
const EXIT_GRACE_MS = 2_000;

module.enableCompileCache?.();
const { main } = await import("../src/cli/main.ts");
await main();
// The command has ended, written its result and closed what it opened. A handle a library left
// behind must not keep the finished process alive (nats.js keeps the socket of a connect that timed
// out before the server's greeting — a server that is SIGSTOPped or wedged — open without end). The
// timer is unref'd: a process with nothing left exits at once, as before.
setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
