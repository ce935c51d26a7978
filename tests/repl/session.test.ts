/** The session controller over a real runtime: questions, Ctrl-C, the record, and inline approvals. */
import { afterEach, describe, expect, it } from "vitest";
import { readSession, formatTranscript } from "../../src/repl/core/session-log.ts";
import { createSession } from "../../src/repl/core/session.ts";
import type { Session } from "../../src/repl/core/session.ts";
import { memoryHistory } from "../../src/repl/core/history.ts";
import type { ReplEvent, SlashCommand } from "../../src/repl/core/types.ts";
import { allCommands } from "../../src/repl/commands/index.ts";
import { parsePolicy } from "../../src/hub/index.ts";
import { openHarness, totalCostSpec } from "./harness.ts";
import type { Harness } from "./harness.ts";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const slow: SlashCommand = {
  name: "slow",
  usage: "/slow",
  summary: "waits until cancelled",
  // Like requestCapability and runPlan: an abort ends the wait with an error.
  run: (ctx) => new Promise((_resolve, reject) => ctx.session.signal.addEventListener("abort", () => reject(new Error("aborted")))),
};

async function until(events: ReplEvent[], test: (e: ReplEvent) => boolean, ms = 30_000): Promise<ReplEvent> {
  for (let waited = 0; waited < ms; waited += 20) {
    const found = events.find(test);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no such event; got ${events.map((e) => e.type).join(", ")}`);
}

function open(harness: Harness, commands: readonly SlashCommand[] = allCommands): { session: Session; events: ReplEvent[] } {
  const session = createSession({ services: harness.services, commands, history: memoryHistory(), mode: "interactive", hostVersion: "0.1.0", settings: { backend: "example", model: "m" } });
  const events: ReplEvent[] = [];
  session.subscribe((e) => events.push(e));
  return { session, events };
}

describe("the session", () => {
  it("ends on a bare exit or quit, and answers a bare help with the commands", async () => {
    h = await openHarness();
    for (const word of ["exit", "quit"]) {
      const { session, events } = open(h);
      await session.start();
      session.submit("help");
      expect(await until(events, (e) => e.type === "output")).toMatchObject({ result: { type: "table", title: expect.stringContaining("Commands") } });
      await until(events, (e) => e.type === "idle");
      session.submit(word);
      expect(await session.ended).toBe("quit");
      expect(events.some((e) => e.type === "suggest")).toBe(false);
    }
  });

  it("routes lines to the question being asked, and records what was asked and answered", async () => {
    h = await openHarness();
    const { session, events } = open(h);
    await session.start();
    session.submit("/revert 1");
    await until(events, (e) => e.type === "question");
    session.submit("maybe");
    expect(await until(events, (e) => e.type === "hint")).toMatchObject({ text: expect.stringContaining("Answer y, n") });
    session.submit("n");
    expect(await until(events, (e) => e.type === "output")).toMatchObject({ result: { type: "message", text: "Nothing reverted." } });
    await until(events, (e) => e.type === "idle");
    await session.close("quit");
    const transcript = (await readSession(h.log, session.id))!;
    expect(transcript.entries.map((e) => `${e.kind}:${e.tag}:${e.text}`)).toEqual(["input:command:/revert 1", "input:answer:n", "output:message:Nothing reverted."]);
    expect(formatTranscript(transcript)).toContain("(quit)");
  });

  it("Ctrl-C cancels the running operation; a second Ctrl-C exits", async () => {
    h = await openHarness();
    const { session, events } = open(h, [...allCommands, slow]);
    await session.start();
    session.submit("/slow");
    await until(events, (e) => e.type === "busy");
    session.submit("/help");
    expect(await until(events, (e) => e.type === "hint")).toMatchObject({ text: expect.stringContaining("Queued") });
    session.interrupt();
    expect(await until(events, (e) => e.type === "output")).toMatchObject({ result: { type: "error", code: "cancelled" } });
    await new Promise((r) => setTimeout(r, 100));
    expect(events.filter((e) => e.type === "output")).toHaveLength(1); // the queued /help was cancelled too
    session.interrupt();
    expect(await session.ended).toBe("interrupt");
    expect(events.at(-1)).toEqual({ type: "exit" });
  });

  it("runs a line typed while a request runs once it ends (type-ahead), in order", async () => {
    h = await openHarness();
    let release!: () => void;
    const gate: SlashCommand = { name: "gate", usage: "/gate", summary: "waits to be released", run: () => new Promise((r) => (release = () => r({ type: "message", text: "gate done" }))) };
    const { session, events } = open(h, [...allCommands, gate]);
    await session.start();
    session.submit("/gate");
    await until(events, (e) => e.type === "busy");
    session.submit("/policy");
    expect(events.filter((e) => e.type === "output")).toHaveLength(0);
    release();
    const outputs = (): Extract<ReplEvent, { type: "output" }>[] => events.filter((e): e is Extract<ReplEvent, { type: "output" }> => e.type === "output");
    await until(events, () => outputs().length === 2);
    expect(outputs()[0]!.result).toEqual({ type: "message", text: "gate done" });
    expect(events.filter((e) => e.type === "input").map((e) => (e as { text: string }).text)).toEqual(["/gate", "/policy"]);
    await session.close("quit");
  });

  it("on an idle prompt, the first Ctrl-C only warns", async () => {
    h = await openHarness();
    const { session, events } = open(h);
    await session.start();
    session.interrupt();
    expect(events.at(-1)).toMatchObject({ type: "hint", text: expect.stringContaining("Ctrl-C again") });
    session.interrupt();
    expect(await session.ended).toBe("interrupt");
  });

  it("shows agent activity from the log and asks for approval inline", async () => {
    h = await openHarness({ roles: ["gap", "synthesizer", "tester", "governor"], policy: parsePolicy({ approvalRequired: { profiles: ["node"] } }) });
    await h.services.keys.generate("ops", "operator");
    const key = await h.services.keys.load("ops");
    await h.log.append([{ type: "KeyTrusted", subject: `capsmith.evt.key.${key.keyId}`, data: { keyId: key.keyId, publicKey: key.publicKey, name: "ops", role: "operator" } }]);
    const { session, events } = open(h);
    await session.start();
    await h.log.append([{ type: "OperatorNote", subject: "capsmith.evt.note.x", data: { text: "spec" } }]);
    const { writeFile } = await import("node:fs/promises");
    await writeFile(`${h.dir}/spec.json`, JSON.stringify(totalCostSpec));
    session.submit("/synthesize spec.json");
    const asked = await until(events, (e) => e.type === "question" && e.question.text.includes("Approve total_cost@1.0.0"));
    expect(asked).toBeTruthy();
    session.submit("d");
    await until(events, (e) => e.type === "output" && e.result.type === "message" && e.result.text.includes("test report:"));
    session.submit("y");
    const done = await until(events, (e) => e.type === "output" && e.result.type === "prompt");
    expect(done).toMatchObject({ result: { text: expect.stringContaining("total_cost@1.0.0 published") } });
    const activity = events.flatMap((e) => (e.type === "activity" ? [e.activity] : []));
    expect(activity.map((a) => a.type)).toEqual(expect.arrayContaining(["agent", "approval", "install", "outcome"]));
    expect(activity).toContainEqual(expect.objectContaining({ type: "install", state: "done" }));
    await session.close("quit");
  });
});
