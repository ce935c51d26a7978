import { UsageError } from "./errors.ts";

/** `--until` takes a record seq (digits) or an ISO time. */
export function parsePoint(value: string | undefined, flag = "--until"): { untilSeq?: number; untilTime?: string } {
  if (value === undefined) return {};
  if (/^\d+$/.test(value)) return { untilSeq: Number(value) };
  if (!Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}/.test(value)) return { untilTime: new Date(value).toISOString() };
  throw new UsageError("usage", `${flag} takes a sequence number or an ISO time, not "${value}"`, {
    nextStep: `Use e.g. ${flag} 120 or ${flag} 2026-11-22T10:00:00Z.`,
  });
}

export function parsePositiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError("usage", `${flag} takes a positive whole number, not "${value}"`, { nextStep: `Use e.g. ${flag} 10.` });
  }
  return Number(value);
}
