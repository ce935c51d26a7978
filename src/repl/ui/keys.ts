/**
 * Ink hands over a chunk of typed text as one input when it arrives at once (a paste, or a terminal
 * multiplexer sending "text⏎"); Enter and Tab inside it are keys too. This splits such a chunk into
 * text runs and those keys, in order.
 */
export type Keystroke = { type: "text"; text: string } | { type: "enter" } | { type: "tab" };

export function splitChunk(input: string): Keystroke[] {
  const out: Keystroke[] = [];
  let run = "";
  for (const ch of input) {
    if (ch === "\r" || ch === "\n" || ch === "\t") {
      if (run) out.push({ type: "text", text: run });
      run = "";
      // \r\n is one Enter
      if (ch === "\n" && out[out.length - 1]?.type === "enter" && input.includes("\r\n")) continue;
      out.push(ch === "\t" ? { type: "tab" } : { type: "enter" });
    } else run += ch;
  }
  if (run) out.push({ type: "text", text: run });
  return out;
}
