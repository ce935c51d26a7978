import type { ReplayPoint } from "../../../projections/index.ts";
import { usage } from "./errors.ts";

/** A record seq (digits) or an ISO time, as `/revert` and `/replay` take them. */
export function parsePoint(value: string, what: string): ReplayPoint {
  const text = value.trim();
  if (/^\d+$/.test(text)) return { untilSeq: Number(text) };
  if (/^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(Date.parse(text))) return { untilTime: new Date(text).toISOString() };
  throw usage(`${what} takes a sequence number or an ISO time, not "${text}"`, `e.g. ${what} 120 or ${what} 2026-11-22T10:00:00Z`);
}
