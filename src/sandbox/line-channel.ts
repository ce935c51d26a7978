/**
 * Newline-delimited JSON over a socket: the host ↔ worker transport. A raw socket pair measured
 * ~16 µs per round trip here against ~95 µs for Node's built-in child_process IPC channel.
 *
 * Fields that hold JSON text already (a call's input, an outcome, a host operation's arguments:
 * `rawFields`) travel after the line's JSON, not escaped inside it: `<json>\t<text>`, the JSON
 * naming the field in `$` (and holding it as ""). Escaping a 96 KB input into a string and
 * parsing it back out cost ~1 ms; cutting it off the line costs ~15 µs. JSON never holds a raw
 * tab, so the first tab ends it. Text that would not survive the trip as it is (a newline ends
 * the line; UTF-8 has no lone surrogate) goes inside the JSON as before.
 *
 * A `Packing` may send the messages every call sends in a shorter form of its own (a line that
 * does not start with `{`): protocol.ts packs a call and its result as a JSON array of their
 * values, which costs half the instructions of an object's JSON to write and read
 * (docs/performance.md, "Sandbox").
 */
import type { Socket } from "node:net";

export interface LineChannel<Out, In> {
  send(msg: Out): void;
  onMessage(handler: (msg: In) => void): void;
}

export interface Packing {
  /** The message as one line without its newline, or undefined to send it as JSON. Never starts with `{`. */
  pack(msg: object): string | undefined;
  /** The message a packed line holds. */
  unpack(line: string): unknown;
}

const OPEN_BRACE = 0x7b;

export function lineChannel<Out, In>(socket: Socket, rawFields: readonly string[] = [], packing?: Packing): LineChannel<Out, In> {
  let handler: ((msg: In) => void) | undefined;
  let pending: string[] = [];
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    let start = 0;
    let nl = chunk.indexOf("\n");
    while (nl >= 0) {
      const line = pending.length > 0 ? pending.join("") + chunk.slice(start, nl) : chunk.slice(start, nl);
      pending = [];
      handler?.((packing && line.charCodeAt(0) !== OPEN_BRACE ? packing.unpack(line) : decode(line)) as In);
      start = nl + 1;
      nl = chunk.indexOf("\n", start);
    }
    if (start < chunk.length) pending.push(start === 0 ? chunk : chunk.slice(start));
  });
  return {
    send(msg) {
      const packed = packing?.pack(msg as object);
      socket.write(packed !== undefined ? packed + "\n" : encode(msg as Record<string, unknown>, rawFields));
    },
    onMessage(h) {
      handler = h;
    },
  };
}

/** Whether text can travel as it is after a line: no newline (it would end the line), no lone surrogate (UTF-8 cannot carry one). */
export function travelsRaw(text: string): boolean {
  return !text.includes("\n") && text.isWellFormed();
}

function encode(msg: Record<string, unknown>, rawFields: readonly string[]): string {
  for (const field of rawFields) {
    const text = msg[field];
    if (typeof text === "string" && travelsRaw(text)) {
      // The field stays, as "": a copy that only changes a value keeps the message's shape, where
      // one written `{ ...msg, [field]: undefined }` took V8's slow path for every message.
      const head: Record<string, unknown> = { ...msg, $: field };
      head[field] = "";
      return JSON.stringify(head) + "\t" + text + "\n";
    }
  }
  return JSON.stringify(msg) + "\n";
}

function decode(line: string): unknown {
  const tab = line.indexOf("\t");
  if (tab < 0) return JSON.parse(line);
  const msg = JSON.parse(line.slice(0, tab)) as Record<string, unknown>;
  msg[msg["$"] as string] = line.slice(tab + 1);
  return msg;
}
