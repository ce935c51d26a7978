/**
 * The real binary in a pseudo-terminal (tmux): type /need with examples, watch the agents publish
 * the plugin, invoke it, quit, and find the session in `capsmith replay --session`. Waits are
 * generous and only for text to appear; nothing here measures time.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
const socket = `capsmith-e2e-${process.pid}`;
let dir: string;

const tmux = (...args: string[]): string => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
const screen = (): string => tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", "repl");

async function waitFor(text: string | RegExp, ms = 60_000): Promise<string> {
  let last = "";
  for (let waited = 0; waited < ms; waited += 200) {
    last = screen();
    if (typeof text === "string" ? last.includes(text) : text.test(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`"${String(text)}" did not appear; the screen:\n${last}`);
}

async function type(line: string, waitText?: string): Promise<void> {
  tmux("send-keys", "-t", "repl", "-l", line);
  tmux("send-keys", "-t", "repl", "Enter");
  if (waitText) await waitFor(waitText);
}

beforeAll(async () => {
  if (!hasTmux) return;
  dir = await mkdtemp(join(tmpdir(), "capsmith-e2e-"));
  // npx puts the Node 24 devDependency first on PATH, as for every npm script.
  const cmd = `cd ${ROOT} && npx --no-install node bin/capsmith.js --data ${dir}; echo REPL-EXITED-$?; sleep 60`;
  tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", "repl", cmd);
});

afterAll(async () => {
  if (!hasTmux) return;
  spawnSync("tmux", ["-L", socket, "kill-server"]);
  await rm(dir, { recursive: true, force: true });
});

it.skipIf(!hasTmux)("types /need with examples in a terminal, sees the plugin published and invoked", { timeout: 180_000 }, async () => {
  await waitFor("/help for commands");
  tmux("send-keys", "-t", "repl", "-l", "/nee");
  tmux("send-keys", "-t", "repl", "Tab");
  await waitFor("› /need");
  await type("total_cost", "What should total_cost do?");
  await type("sum of qty times price over the items", "Example 1");
  await type('{"items": [{"qty": 2, "price": 3}]} => 6', "Example 2");
  await type('{"items": [{"qty": 1, "price": 5}, {"qty": 3, "price": 1}]} => 8', "Example 3");
  await type('{"items": []} => 0', "Example 4");
  await type('{"items": [{"qty": 4, "price": 0.5}]} => 2', "Example 5");
  await type("");
  const published = await waitFor("total_cost@1.0.0 published", 120_000);
  expect(published).toContain("Installing total_cost 1.0.0 — done (5/5 phases)");
  // The suggested /invoke is in the input line; Enter runs it on the first example.
  await waitFor('› /invoke total_cost {"items":[{"qty":2,"price":3}]}');
  tmux("send-keys", "-t", "repl", "Enter");
  await waitFor(/total_cost@1\.0\.0 in [\d.]+ ms:\s*\n\s*6\b/);
  await type('/invoke total_cost {"items": [{"qty": 10, "price": 1.5}]}');
  await waitFor(/total_cost@1\.0\.0 in [\d.]+ ms:\s*\n\s*15\b/);
  await type("/plugins", "total_cost@1.0.0  active");
  await type("/quit");
  await waitFor("REPL-EXITED-0");

  const sessions = execFileSync("npx", ["--no-install", "node", "bin/capsmith.js", "--data", dir, "replay", "--session", "list"], { cwd: ROOT, encoding: "utf8" });
  const id = sessions.trim().split("\n")[0]!.split(/\s+/)[0]!;
  const replayed = execFileSync("npx", ["--no-install", "node", "bin/capsmith.js", "--data", dir, "replay", "--session", id], { cwd: ROOT, encoding: "utf8" });
  expect(replayed).toContain("› /need total_cost");
  expect(replayed).toContain("total_cost@1.0.0 published");
  expect(replayed).toContain("(quit)");
});
