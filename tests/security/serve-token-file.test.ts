/**
 * The token file's promise: `<data>/serve/tokens.json` mode 0600 in a 0700 folder. A folder that
 * already existed with wider rights (made by hand, by a backup restore, or under a loose umask) used
 * to stay as it was, leaving the token hashes' names and the operator token's file listable by
 * other users of the machine.
 */
import { chmod, mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTokenStore } from "../../src/serve/index.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-token-perm-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe("the token store's folder and files", () => {
  it("narrows a folder that already existed with wider rights to 0700, and keeps its files 0600", async () => {
    await mkdir(join(dir, "serve"), { mode: 0o755 });
    await chmod(join(dir, "serve"), 0o755);
    const store = openTokenStore(dir);
    const first = await store.ensureOperatorToken();
    expect(first.created).toBe(true);
    await store.create("viewer", "another");
    expect(await mode(join(dir, "serve"))).toBe(0o700);
    expect(await mode(store.file)).toBe(0o600);
    expect(await mode(first.operatorTokenFile)).toBe(0o600);
  });
});
