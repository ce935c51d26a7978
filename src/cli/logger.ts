/**
 * pino, to stderr (never stdout, which `--json` owns) or to CAPSMITH_LOG_FILE. Pretty only when a
 * person is watching stderr; on stderr, control characters in strings are shown, never run. The log
 * file (and the directories to it) is made by the first line logged, not with the logger: every
 * command makes its logger before it checks its data directory, and the file may be inside that
 * directory (a reader must make nothing there; a folder that is not capsmith's must get nothing).
 */
import { mkdirSync, openSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import type { Logger } from "pino";
import type * as Pino from "pino";
import { safeJsonStrings, safeText } from "../terminal/index.ts";

// pino is required when a command makes its logger, not imported by main: `capsmith --help` never does.
const require = createRequire(import.meta.url);

export function createLogger(level: string, file?: string): Logger {
  const { pino } = require("pino") as typeof Pino;
  if (file) return pino({ level }, openedOnFirstWrite(pino, file));
  // Whatever reads stderr may print its strings raw (pino-pretty does): a plugin's error message
  // in a log line must not drive the terminal.
  const hooks = { streamWrite: safeJsonStrings };
  if (process.stderr.isTTY) return pino({ level, hooks, transport: { target: "pino-pretty", options: { destination: 2, colorize: true } } });
  return pino({ level, hooks }, pino.destination(2));
}

/**
 * A pino stream that opens `file` when the first line comes (a logger that logs nothing makes no
 * file). Opened synchronously, so the line and any after it are never written before the file is
 * open, nor lost by a process that exits at once; written asynchronously from then on. Its flush calls
 * back once every line logged before it is in the file.
 */
function openedOnFirstWrite(pino: typeof Pino.pino, file: string): Pino.DestinationStream & { flush(cb?: (err?: Error) => void): void } {
  let destination: ReturnType<typeof pino.destination> | undefined;
  const open = () => {
    try {
      mkdirSync(dirname(file), { recursive: true });
      // minLength 1, not the default 0: a line (never shorter) is still written at once, but only then
      // does sonic-boom's flush wait for the writes in flight (with 0 it calls back at once, before
      // the line is in the file: tests/unit/logger-file.test.ts saw that on a CI run).
      return pino.destination({ dest: openSync(file, "a"), sync: false, minLength: 1 });
    } catch (err) {
      // A log line must not fail the command that logs it: say so once, and log to stderr instead.
      process.stderr.write(safeText(`capsmith: cannot open the log file ${file} (CAPSMITH_LOG_FILE): ${(err as Error).message}; logging to stderr`, { oneLine: true }) + "\n");
      return pino.destination({ dest: 2, sync: false, minLength: 1 });
    }
  };
  return {
    write: (line: string) => (destination ??= open()).write(line),
    flush: (cb?: (err?: Error) => void) => (destination ? destination.flush(cb) : cb?.()),
  };
}
