/**
 * Text mode never hands the terminal a control sequence that a plugin, an input or an event wrote:
 * an OSC 52 clipboard write, a window title, a screen clear, a one-byte C1 CSI, a carriage return
 * that overwrites the line, a bidi override. Through the real binary (results, errors, plugin logs,
 * event listings, `-p`) and the REPL's screen. `--json` escapes them as JSON.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import React from "react";
import { render } from "ink-testing-library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Session } from "../../src/repl/core/session.ts";
import type { ReplEvent } from "../../src/repl/core/types.ts";
import { App } from "../../src/repl/ui/App.ts";
import { safeText } from "../../src/terminal/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import { echoPackage } from "../support/plugin-packages.ts";
import { runCli } from "../support/run-cli.ts";

/** Everything an attacker would try, in one string. */
const HOSTILE = "A\u001b]52;c;cm0gLXJmIH4=\u0007B\u001b]0;pwned\u0007C\u001b[2J\u001b[31mD\u009b31mE\u009d0;t\u009cF\rG\u202eH\u0008I";
/** Control characters but newline and tab (which text mode keeps where they mean something). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let data: string;
const cli = (...args: string[]) => runCli(["--data", data, ...args]);
const clean = (text: string): void => {
  expect(text).not.toMatch(CONTROL);
};

beforeAll(async () => {
  data = await mkdtemp(join(tmpdir(), "capsmith-terminal-"));
  const capsmith = await openTestCapsmith({ dir: data });
  expect((await capsmith.runtime.hub.install(echoPackage(), { source: "test" })).ok).toBe(true);
  await capsmith.close();
}, 60_000);
afterAll(() => rm(data, { recursive: true, force: true }));

describe("safeText", () => {
  it("shows every control character as a visible escape, keeping newlines and tabs unless one line is asked for", () => {
    const shown = safeText(HOSTILE);
    clean(shown);
    expect(shown).toBe("A\\x1b]52;c;cm0gLXJmIH4=\\x07B\\x1b]0;pwned\\x07C\\x1b[2J\\x1b[31mD\\x9b31mE\\x9d0;t\\x9cF\\rG\\u{202e}H\\x08I");
    expect(safeText("a\n\tb")).toBe("a\n\tb");
    expect(safeText("a\n\tb", { oneLine: true })).toBe("a\\n\\tb");
  });
});

describe("through the binary", () => {
  it("shows a plugin's output, error message and log lines, never runs them", async () => {
    const input = JSON.stringify({ text: HOSTILE });
    const ok = await cli("invoke", "echo_text", "--input", input);
    expect(ok.code).toBe(0);
    clean(ok.stdout + ok.stderr);
    expect(ok.stdout).toContain("\\x9b31m");
    const failed = await cli("invoke", "echo_text", "--input", JSON.stringify({ text: HOSTILE, fail: true }));
    expect(failed.code).toBe(1);
    clean(failed.stdout + failed.stderr);
    expect(failed.stdout + failed.stderr).toContain("\\x1b]52;c;");
    const code = join(data, "echo.js");
    await writeFile(code, echoPackage().code);
    const exec = await cli("sandbox", "exec", "--code", code, "--input", input);
    expect(exec.code).toBe(0);
    clean(exec.stdout + exec.stderr);
    expect(exec.stdout).toContain("log: A\\x1b]52;c;");
  });

  it("shows what -p prints and what an event holds, never runs it", async () => {
    const printed = await cli("-p", `/invoke echo_text ${JSON.stringify({ text: HOSTILE })}`);
    expect(printed.code).toBe(0);
    clean(printed.stdout + printed.stderr);
    expect(printed.stdout).toContain("\\x9d0;t");
    expect((await cli("note", HOSTILE)).code).toBe(0);
    const listed = await cli("events", "--filter", "capsmith.evt.note.>");
    clean(listed.stdout + listed.stderr);
    const full = await cli("events", "--full", "--filter", "capsmith.evt.note.>");
    clean(full.stdout + full.stderr);
  });

  it("--json escapes them: one JSON object holding the exact text", async () => {
    const run = await cli("--json", "invoke", "echo_text", "--input", JSON.stringify({ text: HOSTILE }));
    clean(run.stdout);
    expect(run.json<{ output: string }>().output).toBe(HOSTILE);
  });
});

describe("in the REPL", () => {
  it("renders what results, errors, activity and event lines hold as visible escapes", async () => {
    let listener: ((e: ReplEvent) => void) | undefined;
    const session = {
      id: "s", subscribe: (l: (e: ReplEvent) => void) => ((listener = l), () => undefined), start: async () => undefined, submit: () => undefined,
      interrupt: () => undefined, complete: (line: string) => ({ line, candidates: [] }), history: () => [], execute: async () => ({ type: "quit" as const }),
      close: async () => undefined, ended: new Promise<never>(() => undefined),
    } as unknown as Session;
    const { frames } = render(React.createElement(App, { session }));
    const emit = (e: ReplEvent): void => listener!(e);
    emit({ type: "output", result: { type: "message", text: HOSTILE } });
    emit({ type: "output", result: { type: "json", title: HOSTILE, value: { out: HOSTILE } } });
    emit({ type: "output", result: { type: "table", columns: ["plugin", "status"], rows: [[HOSTILE, "active"]] } });
    emit({ type: "output", result: { type: "error", code: "plugin_error", message: HOSTILE, nextStep: HOSTILE } });
    emit({ type: "event_line", text: HOSTILE });
    emit({ type: "activity", activity: { type: "outcome", key: "o", capability: "x", outcome: "rejected", ok: false, text: HOSTILE } });
    emit({ type: "busy", label: HOSTILE });
    emit({ type: "hint", text: HOSTILE });
    for (let i = 0; i < 250 && !frames.join("\n").includes("✗ A"); i++) await new Promise((r) => setTimeout(r, 20));
    // Ink's own colours are SGR sequences; nothing else may reach the terminal.
    const screen = frames.join("\n").replace(/\u001b\[[0-9;]*m/g, "");
    expect(screen).toContain("✗ A\\x1b]52;c;");
    clean(screen);
  });
});
