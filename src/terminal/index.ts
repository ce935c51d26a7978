/**
 * What text mode prints, shared by the CLI and the REPL: text that a plugin, a model or an event
 * wrote made safe for a terminal (control sequences shown, never run), and tables laid out for the
 * terminal's width. A leaf: it imports nothing from the rest of capsmith.
 */
export { jsonLine, safeJsonStrings, safeText } from "./safe-text.ts";
export { plural, tableLines } from "./table.ts";
export type { TableOptions } from "./table.ts";
