/**
 * Round 12: time-of-day and calendar arithmetic (minutes across midnight, a time after some
 * minutes, a date at an offset of days, weekday numbers, date-times, durations) and word casing
 * (identifiers and phrases in another case style). Specs in, program out, checked on inputs no
 * example shows; where the examples cannot tell two readings apart, the backend must ask.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend, emitFunction, evaluate, FAIL } from "../../src/agents/synthesizer/index.ts";
import type { Expr } from "../../src/agents/synthesizer/index.ts";
import { jsonEqual } from "../../src/spec/index.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { asksOrRight } from "./asks-or-right.ts";
import { makeSpec } from "./fixtures.ts";
import { answeredPlugin, ANSWERED_MS } from "./answered.ts";
import { loadPlugin } from "./load-plugin.ts";

const backend = createExampleBackend();

/** Answers the backend's questions with `person`, as at `/need`, until it publishes (at most 6). */
const answered = async (spec: CapabilitySpec, person: (input: never) => unknown) => (await answeredPlugin(backend, spec, person, { offered: true })).run;

const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
const hhmm = (n: number): string => {
  const m = ((n % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

describe("time of day and calendar arithmetic", () => {
  it("counts the minutes of a stay across midnight", async () => {
    const spec = makeSpec("parking_minutes", "Minutes a car stayed in the car park, from its arrival and departure times (HH:MM); a departure earlier than the arrival is on the next day.", [
      [{ arrival: "22:15", departure: "01:45" }, 210],
      [{ arrival: "08:00", departure: "09:30" }, 90],
      [{ arrival: "23:50", departure: "00:10" }, 20],
    ]);
    const person = (i: { arrival: string; departure: string }): number => (minutes(i.departure) - minutes(i.arrival) + 1440) % 1440;
    const run = await answered(spec, person);
    for (const [arrival, departure] of [["06:05", "18:40"], ["19:30", "04:00"], ["00:00", "23:59"], ["12:00", "11:59"]] as const) expect(run({ arrival, departure })).toBe(person({ arrival, departure }));
  }, ANSWERED_MS);

  it("asks whether equal times are none or a whole day apart when no example shows them", async () => {
    const spec = makeSpec("shift_minutes", "Minutes a night shift lasted, from its start and end times (HH:MM), across midnight.", [
      [{ start: "22:00", end: "06:00" }, 480],
      [{ start: "20:30", end: "04:15" }, 465],
      [{ start: "23:45", end: "07:30" }, 465],
    ]);
    const result = await backend.synthesize(spec);
    const a = result.ambiguity;
    expect(a, result.code).toBeDefined();
    const input = a?.input as { start: string; end: string };
    expect(input.start).toBe(input.end);
    expect(a?.readings.map((r) => r.output).sort()).toEqual([0, 1440]);
  }, ANSWERED_MS);

  it("writes the time some minutes later, wrapping past midnight", async () => {
    const spec = makeSpec("oven_done_at", "The time (HH:MM) a dish is done, from the time it went in and its cooking minutes.", [
      [{ start: "22:30", minutes: 120 }, "00:30"],
      [{ start: "09:15", minutes: 45 }, "10:00"],
      [{ start: "13:05", minutes: 600 }, "23:05"],
    ]);
    const person = (i: { start: string; minutes: number }): string => hhmm(minutes(i.start) + i.minutes);
    const run = await answered(spec, person);
    for (const [start, m] of [["07:55", 10], ["23:59", 1], ["18:20", 400], ["00:00", 0]] as const) expect(run({ start, minutes: m })).toBe(person({ start, minutes: m }));
  }, ANSWERED_MS);

  it("puts a date some days later across month and year ends", async () => {
    const spec = makeSpec("return_by_date", "The date (YYYY-MM-DD) a library book is due back, some days after it was borrowed.", [
      [{ borrowed: "2026-01-30", days: 3 }, "2026-02-02"],
      [{ borrowed: "2025-12-30", days: 5 }, "2026-01-04"],
      [{ borrowed: "2026-03-10", days: 10 }, "2026-03-20"],
    ]);
    const person = (i: { borrowed: string; days: number }): string => new Date(Date.parse(i.borrowed) + i.days * 86_400_000).toISOString().slice(0, 10);
    const run = await answered(spec, person);
    for (const [borrowed, days] of [["2024-02-27", 3], ["2026-06-30", 1], ["2026-11-15", 21]] as const) expect(run({ borrowed, days })).toBe(person({ borrowed, days }));
  }, ANSWERED_MS);

  it("asks whether a weekday counts from Sunday or Monday when no example is a Sunday", async () => {
    const spec = makeSpec("weekday_index", "The number of the day of the week of a date (YYYY-MM-DD).", [
      [{ date: "2026-03-02" }, 1],
      [{ date: "2026-03-04" }, 3],
      [{ date: "2026-03-07" }, 6],
    ]);
    // Monday 1 … Sunday 7: a program counting Sunday as 0 fits every example.
    expect(await asksOrRight(spec, { date: "2026-03-08" }, 7)).toBe("asks");
  }, ANSWERED_MS);

  it("reads durations such as 1h 5m as minutes", async () => {
    const spec = makeSpec("video_minutes", "A video's running time, written like 1h 5m, in minutes.", [
      [{ length: "1h 5m" }, 65],
      [{ length: "2h" }, 120],
      [{ length: "45m" }, 45],
    ]);
    const person = (i: { length: string }): number => [...i.length.matchAll(/(\d+)([hm])/g)].reduce((s, m) => s + Number(m[1]) * (m[2] === "h" ? 60 : 1), 0);
    const run = await answered(spec, person);
    for (const length of ["3h 15m", "10m", "1h"]) expect(run({ length })).toBe(person({ length }));
  }, ANSWERED_MS);

  it("writes a count of seconds as M:SS", async () => {
    const spec = makeSpec("lap_time", "A lap time given in seconds, shown as minutes and seconds (M:SS).", [
      [{ seconds: 95 }, "1:35"],
      [{ seconds: 603 }, "10:03"],
      [{ seconds: 59 }, "0:59"],
    ]);
    const person = (i: { seconds: number }): string => `${Math.floor(i.seconds / 60)}:${String(i.seconds % 60).padStart(2, "0")}`;
    const run = await answered(spec, person);
    for (const seconds of [0, 60, 61, 3599, 7205]) expect(run({ seconds })).toBe(person({ seconds }));
  }, ANSWERED_MS);

  it("shifts a date and time by minutes across a day boundary", async () => {
    const spec = makeSpec("arrival_local", "A flight's arrival (YYYY-MM-DD HH:MM) from its departure (YYYY-MM-DDTHH:MM) and its flight time in minutes.", [
      [{ departs: "2026-05-01T22:00", minutes: 150 }, "2026-05-02 00:30"],
      [{ departs: "2026-05-03T08:10", minutes: 65 }, "2026-05-03 09:15"],
      [{ departs: "2026-06-30T23:30", minutes: 45 }, "2026-07-01 00:15"],
    ]);
    const person = (i: { departs: string; minutes: number }): string => new Date(Date.parse(`${i.departs}Z`) + i.minutes * 60_000).toISOString().slice(0, 16).replace("T", " ");
    const run = await answered(spec, person);
    for (const [departs, m] of [["2026-12-31T23:00", 90], ["2026-02-10T06:00", 0], ["2026-02-28T12:00", 1440]] as const) expect(run({ departs, minutes: m })).toBe(person({ departs, minutes: m }));
  }, ANSWERED_MS);
});

const words = (s: string): string[] => s.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(/[^A-Za-z0-9]+/).filter((t) => t !== "");

describe("word casing", () => {
  it("writes a setting's name as a constant in upper snake case", async () => {
    const spec = makeSpec("constant_name", "The name of a setting as a constant: its words in capitals joined by underscores.", [
      [{ name: "max retries" }, "MAX_RETRIES"],
      [{ name: "timeout" }, "TIMEOUT"],
      [{ name: "base url-path" }, "BASE_URL_PATH"],
    ]);
    const person = (i: { name: string }): string => words(i.name).join("_").toUpperCase();
    const run = await answered(spec, person);
    for (const name of ["retry after seconds", "log-level", "cache_size", "port", "maxRetries"]) expect(run({ name })).toBe(person({ name }));
  }, ANSWERED_MS);

  it("turns a camelCase key into a sentence-case label", async () => {
    const spec = makeSpec("column_heading", "A table column heading from a field's key, words split and only the first capitalised.", [
      [{ key: "orderTotal" }, "Order total"],
      [{ key: "shippingAddressLine" }, "Shipping address line"],
      [{ key: "status" }, "Status"],
    ]);
    const person = (i: { key: string }): string => {
      const s = words(i.key).join(" ").toLowerCase();
      return s.charAt(0).toUpperCase() + s.slice(1);
    };
    const run = await answered(spec, person);
    for (const key of ["createdAt", "id", "customerEmailAddress"]) expect(run({ key })).toBe(person({ key }));
  }, ANSWERED_MS);

  it("asks whether title case keeps capitals inside a word when no example has one", async () => {
    const spec = makeSpec("headline_case", "A headline with each word capitalised.", [
      [{ text: "rain expected tomorrow" }, "Rain Expected Tomorrow"],
      [{ text: "local team wins" }, "Local Team Wins"],
    ]);
    expect(await asksOrRight(spec, { text: "new iPhone sales" }, "New IPhone Sales")).toBe("asks");
  }, ANSWERED_MS);
});

describe("the new operations' emitted JavaScript computes what the evaluator does", () => {
  const inp = (k: string): Expr => ({ k: "in", path: [k] });
  const op = (name: string, ...args: Expr[]): Expr => ({ k: "op", op: name, args });
  const input = { bed: "23:40", wake: "06:15", same: "23:40", date: "2026-03-08", at: "2026-12-31T23:30Z", dur: "2 hours, 30 min", key: "XMLHttpRequest_handler v2", phrase: "the mcDonald farm" };
  const cases: [string, Expr][] = [
    ["clockMinutes", op("clockMinutes", inp("bed"))],
    ["minutesUntil", op("minutesUntil", inp("bed"), inp("wake"))],
    ["minutesUntil on equal times", op("minutesUntil", inp("bed"), inp("same"))],
    ["minutesUntilNext on equal times", op("minutesUntilNext", inp("bed"), inp("same"))],
    ["clockText", op("clockText", op("add", op("clockMinutes", inp("bed")), { k: "const", value: 1000 }))],
    ["dateFromDays", op("dateFromDays", op("add", op("dayNumber", inp("date")), { k: "const", value: 300 }))],
    ["weekdayNumber", op("weekdayNumber", inp("date"))],
    ["isoWeekday", op("isoWeekday", inp("date"))],
    ["dateTimeText", op("dateTimeText", op("add", op("dateTimeMinutes", inp("at")), { k: "const", value: 45 }))],
    ["dateTimeIso", op("dateTimeIso", op("dateTimeMinutes", inp("at")))],
    ["durationMinutes", op("durationMinutes", inp("dur"))],
    ["durationText", op("durationText", op("durationMinutes", inp("dur")))],
    ...["pascalCase", "pascalWords", "camelCase", "snakeCase", "kebabCase", "constantCase", "labelCase", "lowerWords"].map((s): [string, Expr] => [s, op(s, inp("key"))]),
    ...["titleCase", "capitalizeWords"].map((s): [string, Expr] => [s, op(s, inp("phrase"))]),
  ];
  for (const [name, expr] of cases) {
    it(`agree on ${name}`, async () => {
      const viaEvaluator = evaluate(expr, { input });
      expect(viaEvaluator).not.toBe(FAIL);
      const code = emitFunction(expr, "f");
      const viaCode = (await loadPlugin(code))(structuredClone(input), {});
      expect(jsonEqual(viaCode, viaEvaluator), `${code}\ngave ${JSON.stringify(viaCode)}, not ${JSON.stringify(viaEvaluator)}`).toBe(true);
    });
  }

  it("computes what a person would on the forms it reads", () => {
    const run = (e: Expr): unknown => evaluate(e, { input });
    expect(run(op("minutesUntil", inp("bed"), inp("wake")))).toBe(395);
    expect(run(op("minutesUntil", inp("bed"), inp("same")))).toBe(0);
    expect(run(op("minutesUntilNext", inp("bed"), inp("same")))).toBe(1440);
    expect(run(op("isoWeekday", inp("date")))).toBe(7);
    expect(run(op("weekdayNumber", inp("date")))).toBe(0);
    expect(run(op("dateTimeText", op("add", op("dateTimeMinutes", inp("at")), { k: "const", value: 45 })))).toBe("2027-01-01 00:15");
    expect(run(op("durationMinutes", inp("dur")))).toBe(150);
    expect(run(op("durationText", op("durationMinutes", inp("dur"))))).toBe("2h 30m");
    expect(run(op("pascalCase", inp("key")))).toBe("XmlHttpRequestHandlerV2");
    expect(run(op("snakeCase", inp("key")))).toBe("xml_http_request_handler_v2");
    expect(run(op("labelCase", inp("key")))).toBe("Xml http request handler v2");
    expect(run(op("titleCase", inp("phrase")))).toBe("The Mcdonald Farm");
    expect(run(op("capitalizeWords", inp("phrase")))).toBe("The McDonald Farm");
  });
});
