import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const BIN = join(import.meta.dirname, "../../bin/capsmith.js");
const dir = mkdtempSync(join(tmpdir(), "capsmith-sandbox-"));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

function exec(args: string[]): { status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [BIN, "sandbox", "exec", ...args], { encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout };
}

describe("capsmith sandbox exec", () => {
  const ok = file("ok.js", `export default (x, host) => { host.log("n", x.n); return { double: x.n * 2 }; }`);

  it("prints one JSON object and exits 0 on success", () => {
    const r = exec(["--code", ok, "--input", `{"n":21}`, "--json"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ ok: true, output: { double: 42 }, usage: { wallMs: expect.any(Number), cpuMs: expect.any(Number) } });
  });

  it("reads --input-file", () => {
    const input = file("in.json", `{"n":2}`);
    expect(JSON.parse(exec(["--code", ok, "--input-file", input, "--json"]).stdout)).toMatchObject({ ok: true, output: { double: 4 } });
  });

  it("exits 1 with the error code when the plugin fails, and reports a fatal V8 OOM as a crash, not as the plugin's timeout", () => {
    const loop = exec(["--code", file("loop.js", `export default () => { for (;;) {} }`), "--input", "null", "--timeout", "200", "--json"]);
    expect(loop.status).toBe(1);
    expect(JSON.parse(loop.stdout)).toMatchObject({ ok: false, error: { code: "timeout", message: expect.any(String), nextStep: expect.any(String) } });
    const oom = exec(["--code", file("oom.js", `export default () => { const a = new Array(100 * 1024 * 1024); for (let i = 0; i < a.length; i++) a[i] = i; }`), "--input", "null", "--timeout", "60000", "--json"]);
    expect(oom.status).toBe(1);
    expect(JSON.parse(oom.stdout).error.code).toBeOneOf(["sandbox_crashed", "memory_limit"]);
  });

  it("exits 1 with scan_rejected for code the scan refuses", () => {
    const r = exec(["--code", file("imp.js", `import fs from "node:fs"; export default () => 1`), "--input", "1", "--json"]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: "scan_rejected" } });
  });

  it("exits 2 on usage errors", () => {
    expect(exec(["--code", ok, "--json"]).status).toBe(2);
    expect(exec(["--code", ok, "--input", "1", "--input-file", "x", "--json"]).status).toBe(2);
    expect(exec(["--code", ok, "--input", "{bad", "--json"]).status).toBe(2);
    expect(exec(["--code", ok, "--input", "1", "--profile", "root", "--json"]).status).toBe(2);
    expect(exec(["--code", ok, "--input", "1", "--allow-net", "example.com", "--json"]).status).toBe(2);
    expect(exec(["--code", ok, "--input", "1", "--memory", "4", "--json"]).status).toBe(2);
    expect(exec(["--code", join(dir, "missing.js"), "--input", "1", "--json"]).status).toBe(2);
  });
});
