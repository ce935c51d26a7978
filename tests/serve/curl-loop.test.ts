/**
 * The bar for the API: a shell client using only the OpenAPI document and curl does the
 * whole loop (request a capability, wait for it, invoke it, read its SLO) against a real
 * `capsmith serve` process, with a runner token made by `capsmith tokens create`.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { startServeProcess } from "../support/serve-process.ts";
import type { ServeProcess } from "../support/serve-process.ts";

let dir: string;
let serve: ServeProcess;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-curl-"));
  serve = await startServeProcess(dir);
});
afterAll(async () => {
  await serve?.stop();
  await rm(dir, { recursive: true, force: true });
});

function sh(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("sh", [script, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("a shell client with curl", () => {
  it("requests a capability, waits for it, invokes it and reads its SLO, knowing only the OpenAPI document", async () => {
    expect(serve.stderr()).toContain("an operator token was made");
    const made = await runCli(["--data", dir, "--json", "tokens", "create", "--role", "runner", "--label", "shell client"]);
    expect(made.code).toBe(0);
    const token = made.json<{ token: string }>().token;
    const run = await sh(join(import.meta.dirname, "clients/curl-loop.sh"), [serve.url, token]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("ready: basket_total@1.0.0");
    expect(run.stdout).toContain("invoked: 10");
    expect(run.stdout).toMatch(/slo: \{"calls":1,"availability":1/);

    // The same token may not approve or roll back.
    const rollback = await fetch(`${serve.url}/v1/capabilities/basket_total/rollback`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{}" });
    expect(rollback.status).toBe(403);
  }, 90_000);
});
