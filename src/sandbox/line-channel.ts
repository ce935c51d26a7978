/**
 * Newline-delimited JSON over a socket: the host ↔ worker transport. A raw socket pair measured
 * ~16 µs per round trip here against ~95 µs for Node's built-in child_process IPC channel.
 */
import type { Socket } from "node:net";

export interface LineChannel<Out, In> {
  send(msg: Out): void;
  onMessage(handler: (msg: In) => void): void;
}

export function lineChannel<Out, In>(socket: Socket): LineChannel<Out, In> {
  let handler: ((msg: In) => void) | undefined;
  let pending: string[] = [];
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    let start = 0;
    let nl = chunk.indexOf("\n");
    while (nl >= 0) {
      const line = pending.length > 0 ? pending.join("") + chunk.slice(start, nl) : chunk.slice(start, nl);
      pending = [];
      handler?.(JSON.parse(line) as In);
      start = nl + 1;
      nl = chunk.indexOf("\n", start);
    }
    if (start < chunk.length) pending.push(start === 0 ? chunk : chunk.slice(start));
  });
  return {
    send(msg) {
      socket.write(JSON.stringify(msg) + "\n");
    },
    onMessage(h) {
      handler = h;
    },
  };
}
