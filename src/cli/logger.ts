/**
 * pino, to stderr (never stdout, which `--json` owns) or to CAPSMITH_LOG_FILE. Pretty only when a
 * person is watching stderr; on stderr, control characters in strings are shown, never run.
 */
import { createRequire } from "node:module";
import type { Logger } from "pino";
import type * as Pino from "pino";
import { safeJsonStrings } from "../terminal/index.ts";

// pino is required when a command makes its logger, not imported by main: `capsmith --help` never does.
const require = createRequire(import.meta.url);

export function createLogger(level: string, file?: string): Logger {
  const { pino } = require("pino") as typeof Pino;
  if (file) return pino({ level }, pino.destination({ dest: file, mkdir: true, sync: false }));
  // Whatever reads stderr may print its strings raw (pino-pretty does): a plugin's error message
  // in a log line must not drive the terminal.
  const hooks = { streamWrite: safeJsonStrings };
  if (process.stderr.isTTY) return pino({ level, hooks, transport: { target: "pino-pretty", options: { destination: 2, colorize: true } } });
  return pino({ level, hooks }, pino.destination(2));
}
