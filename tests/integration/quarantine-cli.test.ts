/**
 * One stray record must not break capsmith (issue 14, item 5), through the real binary on both
 * adapters: a corrupt last line in the file log (a complete line with a bad checksum), and on NATS a
 * runner-like `hello` published on the very usage subject `invoke` appends to. `events`, `plugin
 * list` and `invoke` keep working; `audit verify` names the record and exits 1.
 */
import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePackage } from "../support/plugin-packages.ts";
import { runCli } from "../support/run-cli.ts";
import { startNatsServer } from "../support/nats-server.ts";
import type { NatsServerHandle } from "../support/nats-server.ts";

interface Setup {
  name: string;
  args(dir: string): string[];
  injectStray(dir: string): Promise<void>;
}

let server: NatsServerHandle | undefined;

const fileSetup: Setup = {
  name: "file",
  args: (dir) => ["--data", dir],
  async injectStray(dir) {
    const file = join(dir, "events.log");
    const lines = (await readFile(file, "utf8")).trimEnd().split("\n");
    // A copy of the last record with one character changed: complete, but its checksum fails.
    await appendFile(file, `${lines.at(-1)!.replace('"seq":', '"seq": ')}\n`);
  },
};

const natsSetup: Setup = {
  name: "nats",
  args: (dir) => ["--data", dir, "--nats", server!.url],
  async injectStray() {
    const nc = await connect({ servers: server!.url });
    try {
      await nc.request("capsmith.evt.usage.double_it", "hello", { timeout: 5_000 });
    } finally {
      await nc.close();
    }
  },
};

beforeAll(async () => {
  server = await startNatsServer({ useEnv: false });
});
afterAll(() => server?.stop());

describe.each([fileSetup, natsSetup])("a stray record on the $name log", (setup) => {
  it("is skipped by events, plugin list and invoke, and named by audit verify", async () => {
    const dir = await mkdtemp(join(tmpdir(), `capsmith-quarantine-${setup.name}-`));
    try {
      // The package beside the data directory, not in it: a directory holding only files that are
      // not capsmith's is refused as someone else's (data_dir_foreign).
      const data = join(dir, "data");
      const cli = (...args: string[]) => runCli(["--json", ...setup.args(data), ...args], { timeoutMs: 90_000 });
      const pkg = join(dir, "double.json");
      await writeFile(pkg, JSON.stringify(makePackage("1.0.0")));
      const installed = await cli("plugin", "install", pkg);
      expect(installed.code, installed.stdout + installed.stderr).toBe(0);
      expect((await cli("invoke", "double_it", "--input", '{"n":1}')).code).toBe(0);
      await setup.injectStray(data);

      const invoked = await cli("invoke", "double_it", "--input", '{"n":21}');
      expect(invoked.json(), invoked.stderr).toMatchObject({ ok: true, output: 42 });
      const events = await cli("events");
      expect(events.code, events.stderr).toBe(0);
      expect(events.json<{ events: unknown[] }>().events.length).toBeGreaterThan(3);
      const list = await cli("plugin", "list");
      expect(list.json(), list.stderr).toMatchObject({ ok: true, capabilities: { double_it: { active: "double_it@1.0.0" } } });
      const audit = await cli("audit", "verify");
      expect(audit.code).toBe(1);
      const report = audit.json<{ ok: boolean; quarantined: { seq: number; reason: string }[]; firstBreak: { problem: string } }>();
      expect(report.ok).toBe(false);
      expect(report.firstBreak.problem).toBe("quarantined");
      expect(report.quarantined).toHaveLength(1);
      expect(report.quarantined[0]!.seq).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
