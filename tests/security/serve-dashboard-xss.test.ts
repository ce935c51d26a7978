/**
 * The dashboard in a real headless Chromium against hostile text in every place the log or a plugin
 * controls and a page shows: a plugin's description and its output (in the live events), an
 * operator note, a token's label, and an id in the address (#/plugin/<markup>) that comes back in an
 * error. Each must be shown as text and run nothing; the page's CSP would also block inline script,
 * so the test checks for injected elements too, not only for script that ran.
 */
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256, subjectFor } from "../../src/events/index.ts";
import type { PluginPackage } from "../../src/hub/package-format.ts";
import { startTestServer } from "../support/serve.ts";
import type { TestServer } from "../support/serve.ts";

const CHROMIUM = process.env["CAPSMITH_CHROMIUM"] ?? "/usr/bin/chromium";
const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><svg onload="window.__pwned=3">`;

let t: TestServer;
let browser: Browser;
let labelled: string;

function echoPackage(): PluginPackage {
  const code = "export default function (input) { return { said: input.s }; }\n";
  return {
    format: "capsmith-plugin/v1",
    manifest: {
      id: "echo_text@1.0.0", capability: "echo_text", version: "1.0.0", apiVersion: "capsmith.plugin/v1", hostRange: ">=0.1.0", profile: "node",
      permissions: {}, dependencies: {}, limits: { memoryMB: 64, timeoutMs: 2_000 }, checksum: `sha256:${sha256(code)}`, provenance: { origin: "authored" },
    },
    code,
    spec: {
      capability: "echo_text",
      description: HOSTILE,
      inputSchema: { type: "object", properties: { s: { type: "string" } }, required: ["s"] },
      outputSchema: { type: "object", properties: { said: { type: "string" } }, required: ["said"] },
      constraints: ["deterministic"],
      examples: [{ input: { s: "a" }, output: { said: "a" } }],
    },
  } as PluginPackage;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (.ci/run does), or set CAPSMITH_CHROMIUM`);
  t = await startTestServer({ roles: [] });
  expect(await t.capsmith.runtime.hub.install(echoPackage(), { source: "test" })).toMatchObject({ ok: true });
  const invoked = await t.call("POST", "/v1/capabilities/echo_text/invoke", { role: "runner", body: { input: { s: HOSTILE } } });
  expect(invoked.status).toBe(200);
  await t.capsmith.log.append([{ type: "OperatorNote", subject: subjectFor("note", "xss"), data: { text: HOSTILE } }]);
  labelled = (await t.server.context.tokens.create("operator", HOSTILE)).token;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.dispose();
});

async function visit(hash: string, ready: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${t.url}/#token=${labelled}`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  if (hash) {
    await page.goto(`${t.url}/${hash}`);
    await page.waitForSelector(ready, { timeout: 30_000 });
  }
  return page;
}

async function expectInert(page: Page): Promise<void> {
  expect(await page.evaluate("window.__pwned")).toBeUndefined();
  expect(await page.locator("main img, main script, main svg[onload], #who img").count()).toBe(0);
}

describe("hostile text in the dashboard", () => {
  it("shows a hostile description and token label as text on the fleet page", async () => {
    const page = await visit("", "");
    await expectInert(page);
    expect(await page.locator("body").innerText()).toContain("<img src=x");
    expect(await page.locator("#who").innerText()).toContain("<script>");
    await page.close();
  }, 60_000);

  it("shows a hostile description on the plugin page as text", async () => {
    const page = await visit("#/plugin/echo_text@1.0.0", "section.plugin");
    await expectInert(page);
    expect(await page.locator("section.plugin").innerText()).toContain("<svg onload");
    await page.close();
  }, 60_000);

  it("shows hostile plugin output and note text in the live events as text", async () => {
    const page = await visit("#/events", "table.feed tbody tr");
    await expectInert(page);
    expect(await page.locator("table.feed").innerText()).toContain("window.__pwned=2");
    await page.close();
  }, 60_000);

  it("shows a hostile id from the address in the error as text", async () => {
    const page = await visit(`#/plugin/${encodeURIComponent(HOSTILE)}`, ".error");
    await expectInert(page);
    await page.close();
  }, 60_000);
});
