/**
 * Text that a plugin, a model or an event wrote can hold terminal control sequences: an ANSI CSI
 * that recolours or moves the cursor, an OSC that retitles the window or writes the clipboard (OSC
 * 52), a carriage return that overwrites what was printed, a bidi override that reorders it. Text
 * mode shows such characters as visible escapes (`\x1b`, `\u{202e}`), so they are seen, never run.
 */

/** C0 controls but tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate marks. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, with tab, newline and carriage return too: for text that must stay on one line. */
const CONTROL_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\t": "\\t", "\r": "\\r" };

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`);
}

/**
 * `text` with every control character shown as a visible escape. Newlines and tabs are kept unless
 * `oneLine` (a table cell, an event line, a status line): then they are escaped as well.
 */
export function safeText(text: string, options: { oneLine?: boolean } = {}): string {
  return text.replace(options.oneLine ? CONTROL_ONE_LINE : CONTROL, visible);
}

/**
 * One JSON line for `--json`. JSON.stringify escapes C0 controls but leaves C1 (U+0080–U+009F, where
 * U+009B is a one-byte CSI to some terminals) and the bidi marks raw: those become `\uXXXX` too.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A JSON document whose strings, once parsed, show their control characters as `safeText` does:
 * for a consumer that parses JSON and prints its strings raw (pino-pretty on a terminal). Escapes
 * are read as tokens, so an escaped backslash is never mistaken for the start of one.
 */
export function safeJsonStrings(json: string): string {
  const escaped = (c: string): string => JSON.stringify(visible(c)).slice(1, -1);
  return json.replace(/\\u([0-9a-fA-F]{4})|\\([^u])|([\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069])/g, (m, hex?: string, ch?: string, raw?: string) => {
    if (raw) return escaped(raw);
    const c = hex ? String.fromCharCode(parseInt(hex, 16)) : ({ b: "\b", f: "\f", r: "\r" } as Record<string, string>)[ch!];
    return c !== undefined && c !== "\n" && c !== "\t" && /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(c) ? escaped(c) : m;
  });
}
