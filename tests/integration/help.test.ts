/**
 * `capsmith help`: the documentation by topic, read from the package's docs/ whatever the working
 * directory; one error code's entry; a command's help as commander gives it; and pointers to it
 * from `--help` and from every error.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

const DOCS = join(import.meta.dirname, "../../docs");
let elsewhere: string;

/** Runs the binary from a directory with no docs/ in it. */
const fromElsewhere = (args: string[]) => runCli(["--data", join(elsewhere, "data"), ...args], { cwd: elsewhere });

beforeAll(async () => {
  elsewhere = await mkdtemp(join(tmpdir(), "capsmith-help-"));
});
afterAll(() => rm(elsewhere, { recursive: true, force: true }));

describe("capsmith help", () => {
  it("lists the topics when given none", async () => {
    const run = await fromElsewhere(["help"]);
    expect(run.code).toBe(0);
    for (const topic of ["architecture", "spec-format", "plan-format", "policy", "operations", "troubleshooting"]) expect(run.stdout).toMatch(new RegExp(`^  ${topic} +\\S`, "m"));
  });

  it("prints a topic from the package's docs/, not the working directory's", async () => {
    const run = await fromElsewhere(["help", "spec-format"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe((await readFile(join(DOCS, "spec-format.md"), "utf8")).trim());
    const alias = await fromElsewhere(["help", "errors"]);
    expect(alias.stdout).toContain("# Troubleshooting by error code");
  });

  it("prints one error code's entry", async () => {
    const run = await fromElsewhere(["help", "errors", "log_locked"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^### `log_locked`\n/);
    expect(run.stdout).not.toContain("### `log_unavailable`");
    expect((await fromElsewhere(["help", "errors", "no_such_code"])).code).toBe(2);
  });

  it("keeps capsmith help COMMAND as commander's help", async () => {
    const run = await fromElsewhere(["help", "plugin", "list"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: capsmith plugin list [options]");
    expect(run.stdout).toContain("--all");
    expect((await fromElsewhere(["help", "run"])).stdout).toContain("--no-agents");
  });

  it("answers an unknown topic with exit 2 and the nearest one", async () => {
    const run = await runCli(["--json", "help", "polcy"]);
    expect(run.code).toBe(2);
    expect(run.json()).toMatchObject({ ok: false, error: { code: "usage", nextStep: expect.stringContaining("capsmith help policy") } });
  });

  it("is where --help and every error point", async () => {
    expect((await runCli(["--help"])).stdout).toContain("capsmith help TOPIC");
    const error = await fromElsewhere(["replay", "--until", "yesterday"]);
    expect(error.code).toBe(2);
    expect(error.stderr).toContain("more: capsmith help errors usage");
  });
});
