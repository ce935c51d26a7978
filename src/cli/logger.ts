/**
 * pino, to stderr (never stdout, which `--json` owns) or to CAPSMITH_LOG_FILE. Pretty only when a
 * person is watching stderr.
 */
import { pino } from "pino";
import type { Logger } from "pino";

export function createLogger(level: string, file = process.env["CAPSMITH_LOG_FILE"]): Logger {
  if (file) return pino({ level }, pino.destination({ dest: file, mkdir: true, sync: false }));
  if (process.stderr.isTTY) {
    return pino({ level, transport: { target: "pino-pretty", options: { destination: 2, colorize: true } } });
  }
  return pino({ level }, pino.destination(2));
}
