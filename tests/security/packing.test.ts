/**
 * Attack 7 of issue 14: packing must not leak secrets. A `plugin.js` that links to the publisher's
 * key file put the PEM private key inside the package; now pack reads only regular files inside the
 * plugin directory and refuses anything that looks like a private key.
 */
import { copyFile, link, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openKeyStore } from "../../src/hub/index.ts";
import { readPluginDir } from "../../src/hub/pack.ts";
import { sources, writePluginDir } from "../hub/fixtures.ts";

let root: string;
let plugin: string;
let keyFile: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "capsmith-pack-attack-"));
  plugin = join(root, "plugin");
  await mkdir(plugin);
  await writePluginDir(plugin, sources());
  await openKeyStore(join(root, "data")).generate("acme", "publisher");
  keyFile = join(root, "data", "keys", "acme.json");
});
afterEach(() => rm(root, { recursive: true, force: true }));

const refused = (message: RegExp) => expect.objectContaining({ code: "invalid_package", message: expect.stringMatching(message) });

describe("packing a plugin directory", () => {
  it("reads an ordinary directory", async () => {
    await expect(readPluginDir(plugin)).resolves.toMatchObject({ code: sources().code });
  });

  it("refuses a plugin.js that is a symlink to the publisher's key file", async () => {
    await rm(join(plugin, "plugin.js"));
    await symlink(keyFile, join(plugin, "plugin.js"));
    await expect(readPluginDir(plugin)).rejects.toEqual(refused(/symbolic link/));
  });

  it("refuses a symlinked spec.json even when it points inside the directory", async () => {
    await copyFile(join(plugin, "spec.json"), join(plugin, "real-spec.json"));
    await rm(join(plugin, "spec.json"));
    await symlink(join(plugin, "real-spec.json"), join(plugin, "spec.json"));
    await expect(readPluginDir(plugin)).rejects.toEqual(refused(/symbolic link/));
  });

  it("refuses a key file hard-linked or copied in, and a PEM key pasted into the code", async () => {
    await rm(join(plugin, "test-report.json"), { force: true });
    await link(keyFile, join(plugin, "test-report.json"));
    await expect(readPluginDir(plugin)).rejects.toEqual(refused(/private key/));
    await rm(join(plugin, "test-report.json"));
    await writeFile(join(plugin, "plugin.js"), `export default () => \`-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA\n-----END PRIVATE KEY-----\`;\n`);
    await expect(readPluginDir(plugin)).rejects.toEqual(refused(/private key/));
  });

  it("refuses a plugin.js that is a directory", async () => {
    await rm(join(plugin, "plugin.js"));
    await mkdir(join(plugin, "plugin.js"));
    await expect(readPluginDir(plugin)).rejects.toEqual(refused(/not a regular file/));
  });
});
