/**
 * A view of a log whose appends name an actor by default: what an agent's own writes go through, so
 * a governor's install is recorded (and signed) as the governor's, not as the process's default.
 */
import type { EventLog } from "./event-log.ts";

export function withActor(log: EventLog, actor: string): EventLog {
  return new Proxy(log, {
    get(target, property) {
      if (property === "append") {
        const append: EventLog["append"] = (events, options) => target.append(events.map((e) => (e.actor ? e : { ...e, actor })), options);
        return append;
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
