/**
 * `startRepl` on injected streams, as a terminal sees it: a finished item is written to stdout once
 * (Ink's Static), however many keystrokes follow; only the live part is redrawn.
 */
import { EventEmitter } from "node:events";
import { expect, it } from "vitest";
import { startRepl } from "../../src/repl/index.ts";
import type { Session } from "../../src/repl/core/session.ts";
import type { ReplEvent } from "../../src/repl/core/types.ts";

class FakeStdin extends EventEmitter {
  isTTY = true;
  data: string | null = null;
  write(data: string): void {
    this.data = data;
    this.emit("readable");
    this.emit("data", data);
  }
  read = (): string | null => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 100;
  rows = 30;
  chunks: string[] = [];
  write = (chunk: string, ...rest: unknown[]): boolean => {
    this.chunks.push(chunk);
    const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    if (done) queueMicrotask(done);
    return true;
  };
}

it("writes finished output once, not on every keystroke", async () => {
  let listener: ((e: ReplEvent) => void) | undefined;
  let end!: (r: "quit") => void;
  const session = {
    id: "s", subscribe: (l: (e: ReplEvent) => void) => ((listener = l), () => undefined), start: async () => undefined,
    submit: () => undefined, interrupt: () => undefined, complete: (line: string) => ({ line, candidates: [] }), history: () => [],
    execute: async () => ({ type: "quit" as const }), close: async () => undefined, ended: new Promise<"quit">((r) => (end = r)),
  } as unknown as Session;
  const stdin = new FakeStdin();
  const stdout = new FakeStdout();
  const running = startRepl({ session, stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream });
  await new Promise((r) => setTimeout(r, 50));
  listener!({ type: "output", result: { type: "message", text: "UNIQUE-OUTPUT-LINE" } });
  await new Promise((r) => setTimeout(r, 50));
  for (const ch of "/plugins and more typing") {
    stdin.write(ch);
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise((r) => setTimeout(r, 100));
  const all = stdout.chunks.join("");
  expect(all).toContain("/plugins and more typing");
  expect(all.split("UNIQUE-OUTPUT-LINE").length - 1).toBe(1);
  end("quit");
  expect(await running).toBe("quit");
});
