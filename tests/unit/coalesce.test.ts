import { describe, expect, it } from "vitest";
import { coalesced } from "../../src/platform/coalesce.ts";

/** A run that waits until the test lets it finish, so calls can arrive while it runs. */
function gate(): { wait: () => Promise<void>; open: () => void } {
  let open!: () => void;
  let waiting = new Promise<void>((r) => (open = r));
  return {
    wait: () => waiting,
    open: () => {
      open();
      waiting = new Promise<void>((r) => (open = r));
    },
  };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe("coalesced", () => {
  it("never runs twice at once, and calls during a run ask for exactly one more run", async () => {
    const g = gate();
    let runs = 0;
    let inside = 0;
    let most = 0;
    const check = coalesced(async () => {
      runs++;
      most = Math.max(most, ++inside);
      await g.wait();
      inside--;
    });
    const first = check();
    await tick();
    await Promise.all([check(), check(), check()]);
    expect(runs).toBe(1);
    g.open();
    await tick();
    expect(runs).toBe(2);
    g.open();
    await first;
    expect(runs).toBe(2);
    expect(most).toBe(1);
  });

  it("stops repeating once stop() says so", async () => {
    const g = gate();
    let runs = 0;
    let stopped = false;
    const check = coalesced(async () => {
      runs++;
      await g.wait();
    }, () => stopped);
    const first = check();
    await tick();
    void check();
    stopped = true;
    g.open();
    await first;
    expect(runs).toBe(1);
  });

  it("hands a run's error to the call that started it and runs again on the next call", async () => {
    let fail = true;
    let runs = 0;
    const check = coalesced(async () => {
      runs++;
      if (fail) throw new Error("boom");
    });
    await expect(check()).rejects.toThrow("boom");
    fail = false;
    await check();
    expect(runs).toBe(2);
  });
});
