/**
 * Watches install leases in a live process allowed to change the hub: when the lease of an
 * unfinished transaction expires (its owner died between phases), the hub takes it over and
 * finishes or rolls it back — not only when some process starts. One timer, set for the earliest
 * expiry on the injected clock; the read model's changes re-arm it when none is set.
 */
import type { Logger } from "pino";
import type { Clock } from "../events/index.ts";
import { coalesced } from "../platform/coalesce.ts";
import type { ReadModel } from "../../projections/index.ts";
import type { HubService } from "./hub-service.ts";

export interface LeaseWatcher {
  stop(): void;
}

export function watchLeases(hub: HubService, readModel: ReadModel, options: { clock: Clock; logger?: Logger }): LeaseWatcher {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const recoverExpired = coalesced(async () => {
    const taken = await hub.recover({ expiredOnly: true });
    if (taken.length > 0) options.logger?.warn({ taken }, "finished installs whose owner's lease expired");
    await arm();
  }, () => stopped);

  async function check(): Promise<void> {
    if (stopped) return;
    try {
      await recoverExpired();
    } catch (err) {
      options.logger?.warn({ err }, "checking install leases failed; trying again at the next change");
    }
  }

  async function arm(): Promise<void> {
    const expiry = await hub.nextLeaseExpiry();
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (expiry === undefined || stopped) return;
    // A little past the expiry, so the taker's clock reads it as expired.
    const wait = Math.max(0, expiry - options.clock.now().getTime()) + 50;
    timer = setTimeout(() => {
      timer = undefined;
      void check();
    }, wait);
    timer.unref();
  }

  // Only when no timer is armed (an armed one re-reads the leases when it fires), and at most once
  // a second: on a busy log every append is a change, and reading the leases on each would compete
  // with the work the process is there for.
  let pending: NodeJS.Timeout | undefined;
  const off = readModel.onChange(() => {
    if (timer || pending || stopped) return;
    pending = setTimeout(() => {
      pending = undefined;
      if (!timer) void check();
    }, Math.min(1_000, Math.max(10, hub.leaseMs / 4)));
    pending.unref();
  });
  void check();
  return {
    stop() {
      stopped = true;
      off();
      if (timer) clearTimeout(timer);
      if (pending) clearTimeout(pending);
    },
  };
}
