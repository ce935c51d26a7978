/**
 * The dashboard in a real headless Chromium (the system's, driven by playwright-core; nothing is
 * downloaded) against a real `capsmith serve` process on a lived-in data directory: the pages load,
 * the charts draw from the log's real usage, a hostile plugin description stays text, and an approval
 * made in the browser shows up in `capsmith audit trail`. Screenshots go to a temporary folder, or to
 * CAPSMITH_SCREENSHOTS (`CAPSMITH_SCREENSHOTS=docs/images npx vitest run tests/serve/dashboard.test.ts`
 * renews the README's), so a test run never changes tracked files.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { seedLivedIn } from "../support/seed-usage.ts";
import { startServeProcess } from "../support/serve-process.ts";
import type { ServeProcess } from "../support/serve-process.ts";
import { loadTask } from "../support/tasks.ts";

const CHROMIUM = process.env["CAPSMITH_CHROMIUM"] ?? "/usr/bin/chromium";
const IMAGES = process.env["CAPSMITH_SCREENSHOTS"] ? resolve(process.env["CAPSMITH_SCREENSHOTS"]) : join(tmpdir(), "capsmith-screenshots");
const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;

let dir: string;
let serve: ServeProcess;
let browser: Browser;
let operatorToken: string;
let runnerToken: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (.ci/run does), or set CAPSMITH_CHROMIUM`);
  dir = await mkdtemp(join(tmpdir(), "capsmith-dashboard-"));
  await seedLivedIn({ dir, now: new Date(), days: 14, hostileDescription: HOSTILE });
  expect((await runCli(["--data", dir, "keys", "generate", "ops", "--role", "operator", "--trust"])).code).toBe(0);
  await writeFile(join(dir, "hold.json"), JSON.stringify({ approvalRequired: { profiles: ["node"], permissions: [] } }));
  serve = await startServeProcess(dir, ["--approve-key", "ops", "--policy", join(dir, "hold.json")]);
  operatorToken = (await readFile(join(dir, "serve", "operator.token"), "utf8")).trim();
  runnerToken = (await runCli(["--data", dir, "--json", "tokens", "create", "--role", "runner"])).json<{ token: string }>().token;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  await mkdir(IMAGES, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function openPage(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => (m.type() === "error" ? problems.push(`console: ${m.text()}`) : undefined));
  await page.goto(`${serve.url}/${path}`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  await page.waitForTimeout(300); // uPlot draws on the next animation frame
  return { page, problems };
}

/** Pixels of a series' colour (#1f6feb) on a chart's canvas: the line uPlot drew from the data. */
function seriesPixels(page: Page, chart: string): Promise<number> {
  return page.evaluate(`(() => {
    const canvas = document.querySelector(${JSON.stringify(`[data-chart="${chart}"] canvas`)});
    if (!canvas) return -1;
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - 31) < 25 && Math.abs(data[i + 1] - 111) < 25 && Math.abs(data[i + 2] - 235) < 25 && data[i + 3] > 200) n++;
    return n;
  })()`);
}

describe("the dashboard in Chromium", () => {
  it("shows the fleet with trend charts drawn from two weeks of real usage", async () => {
    const { page, problems } = await openPage(`#token=${operatorToken}`);
    expect(await page.locator(".card").count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator("table.plugins tbody tr").count()).toBeGreaterThanOrEqual(2);
    expect(await seriesPixels(page, "Calls per slot")).toBeGreaterThan(100);
    expect(await seriesPixels(page, "Latency (ms)")).toBeGreaterThan(100);
    // The hostile description is shown as text and ran nothing.
    expect(await page.evaluate("window.__pwned")).toBeUndefined();
    expect(await page.locator("table.plugins img").count()).toBe(0);
    expect(await page.locator("table.plugins").innerText()).toContain("<img src=x");
    // The token left the address bar.
    expect(page.url()).not.toContain("token=");
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(IMAGES, "dashboard-fleet.png"), fullPage: true });
    await page.close();
  }, 60_000);

  it("shows a plugin: versions, 7d and 30d trends, install timeline with its rollback, audit trail", async () => {
    const { page, problems } = await openPage(`#token=${operatorToken}`);
    await page.goto(`${serve.url}/#/plugin/total_cost@1.0.0`);
    await page.waitForSelector("section.plugin .timeline", { timeout: 30_000 });
    await page.waitForTimeout(300);
    expect(await page.locator("h1").innerText()).toContain("total_cost@1.0.0");
    expect(await page.locator(".timeline li").count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator(".timeline").innerText()).toMatch(/rollback total_cost@1\.0\.0/);
    expect(await page.locator("table.versions").innerText()).toContain("2.0.0");
    expect(await seriesPixels(page, "Availability %")).toBeGreaterThan(100);
    expect(await page.locator("table.audit tbody tr").count()).toBeGreaterThan(10);
    await page.screenshot({ path: join(IMAGES, "dashboard-plugin.png"), fullPage: true });
    await page.click("text=30d");
    await page.waitForSelector(".window-switch strong:text('30d')");
    await page.waitForTimeout(300);
    expect(await seriesPixels(page, "Calls per slot")).toBeGreaterThan(50);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("follows the log live", async () => {
    const { page, problems } = await openPage(`#token=${operatorToken}`);
    await page.goto(`${serve.url}/#/events`);
    await page.waitForSelector(".live-state:text('live')", { timeout: 30_000 });
    // The newest record shown before the call; the call's usage record must come in above it. (Not
    // "the first row": an agent may append another record right after it.)
    const before = Number(await page.locator("table.feed tbody tr:first-child td:first-child").innerText());
    const invoked = await fetch(`${serve.url}/v1/capabilities/total_cost/invoke`, { method: "POST", headers: { authorization: `Bearer ${runnerToken}`, "content-type": "application/json" }, body: JSON.stringify({ input: { items: [{ qty: 3, price: 7 }] } }) });
    expect(invoked.status).toBe(200);
    // Polled from the test, not with page.waitForFunction: a string predicate is evaluated in the
    // page, and the dashboard's CSP (script-src 'self') refuses eval, as it should.
    await expect
      .poll(async () => (await page.locator("table.feed tbody tr.PluginInvoked td:first-child").allInnerTexts()).some((text) => Number(text) > before), { timeout: 30_000, interval: 200 })
      .toBe(true);
    await page.screenshot({ path: join(IMAGES, "dashboard-events.png") });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("lets an operator approve a held plugin in the browser, and capsmith audit trail shows it", async () => {
    const asked = await fetch(`${serve.url}/v1/requests?wait=30`, { method: "POST", headers: { authorization: `Bearer ${runnerToken}`, "content-type": "application/json" }, body: JSON.stringify({ capability: "count_items", spec: loadTask("count_items") }) });
    const answer = (await asked.json()) as { status: string; pluginId: string; requestId: string };
    expect(answer.status).toBe("awaiting_approval");

    // A viewer sees it but cannot act.
    const viewerToken = (await runCli(["--data", dir, "--json", "tokens", "create", "--role", "viewer"])).json<{ token: string }>().token;
    const viewer = await openPage(`#token=${viewerToken}`);
    await viewer.page.goto(`${serve.url}/#/approvals`);
    await viewer.page.waitForSelector(`article.approval[data-plugin="${answer.pluginId}"]`);
    expect(await viewer.page.locator("button.approve").isDisabled()).toBe(true);
    await viewer.page.close();

    const { page, problems } = await openPage(`#token=${operatorToken}`);
    await page.goto(`${serve.url}/#/approvals`);
    await page.waitForSelector(`article.approval[data-plugin="${answer.pluginId}"]`, { timeout: 30_000 });
    expect(await page.locator("#approval-count").innerText()).toBe("1");
    await page.screenshot({ path: join(IMAGES, "dashboard-approvals.png") });
    await page.click(`article.approval[data-plugin="${answer.pluginId}"] button.approve`);
    await page.waitForSelector(".empty", { timeout: 30_000 });

    const done = await fetch(`${serve.url}/v1/requests/${answer.requestId}?wait=30`, { headers: { authorization: `Bearer ${runnerToken}` } });
    expect(await done.json()).toMatchObject({ status: "ready", pluginId: answer.pluginId });
    const trail = await runCli(["--data", dir, "--json", "audit", "trail", "--plugin", "count_items"]);
    const entries = trail.json<{ entries: { type: string; what: string }[] }>().entries;
    expect(entries.find((e) => e.type === "PluginApproved")?.what).toContain("approved in the dashboard");
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});
