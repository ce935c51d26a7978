/**
 * Round 13: URLs and file paths (host, last piece, folder, extension, query parameter) and
 * character classes (vowels, digits, letters counted; punctuation dropped). Specs in, program out,
 * checked on inputs no example shows; where the examples cannot tell two readings apart (a "www."
 * no example shows, a file name with one dot, a text with no "y"), the backend must ask.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend, emitFunction, evaluate } from "../../src/agents/synthesizer/index.ts";
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

describe("URLs and file paths", () => {
  it("reads a link's host, asking whether a www. stays", async () => {
    const spec = makeSpec("link_site", "The host name of a link.", [
      [{ link: "https://news.example.org/world/2026/story?id=4" }, "news.example.org"],
      [{ link: "http://shop.test:8080/cart" }, "shop.test"],
      [{ link: "https://Docs.Example.com/" }, "docs.example.com"],
    ]);
    const result = await backend.synthesize(spec);
    expect(result.ambiguity, result.code).toBeDefined();
    expect(result.ambiguity?.readings.map((r) => r.output)).toContain("www.news.example.org");
    const person = (i: { link: string }): string => new URL(i.link).hostname;
    const run = await answered(spec, person);
    for (const link of ["https://www.a.example/x", "ftp://files.example.net:21/pub/", "https://b.example?q=1"]) expect(run({ link })).toBe(person({ link }));
  }, ANSWERED_MS);

  it("reads the folder a file is in and the file's name", async () => {
    const folder = makeSpec("parent_folder", "The name of the folder that holds a file, from its path.", [
      [{ path: "/home/ana/photos/cat.jpg" }, "photos"],
      [{ path: "C:\\Users\\bo\\notes.txt" }, "bo"],
      [{ path: "src/lib/util/strings.ts" }, "util"],
    ]);
    const person = (i: { path: string }): string => i.path.split(/[/\\]/).filter((t) => t !== "").at(-2) ?? "";
    const run = await answered(folder, person);
    for (const path of ["a/b.md", "/var/log/nginx/access.log", "docs\\2026\\plan.v2.pdf"]) expect(run({ path })).toBe(person({ path }));
  }, ANSWERED_MS);

  it("reads a query parameter the description names, decoded", async () => {
    const spec = makeSpec("campaign_of_link", "The value of the campaign parameter of a tracking link.", [
      [{ url: "https://shop.example/p/12?campaign=spring&ref=mail" }, "spring"],
      [{ url: "https://shop.example/?ref=ad&campaign=black%20friday" }, "black friday"],
      [{ url: "http://example.com/a?campaign=x1" }, "x1"],
    ]);
    const person = (i: { url: string }): string => new URL(i.url).searchParams.get("campaign") ?? "";
    const run = await answered(spec, person);
    for (const url of ["https://a.example/?z=1&campaign=summer+sale", "https://a.example/b/c?campaign=q4&x=2#top", "https://a.example/none?ref=x"]) expect(run({ url })).toBe(person({ url }));
  }, ANSWERED_MS);

  it("reads the parameter an input names, asking whether a missing one is null or empty", async () => {
    const spec = makeSpec("param_of_link", "The value of the named parameter of a link's query.", [
      [{ link: "https://maps.example/find?city=Oslo&zoom=3", key: "zoom" }, "3"],
      [{ link: "https://maps.example/find?city=Lima", key: "city" }, "Lima"],
      [{ link: "https://a.example/x?lang=pt&city=Rio", key: "lang" }, "pt"],
    ]);
    const a = (await backend.synthesize(spec)).ambiguity;
    expect(a).toBeDefined();
    expect(a?.readings.map((r) => r.output)).toEqual(expect.arrayContaining([null, ""]));
    const person = (i: { link: string; key: string }): string | null => new URL(i.link).searchParams.get(i.key);
    const run = await answered(spec, person);
    for (const [link, key] of [["https://b.example/?q=red+shoes", "q"], ["https://b.example/p", "q"], ["https://b.example/?t=1&t=2#x", "t"]] as const) expect(run({ link, key })).toBe(person({ link, key }));
  }, ANSWERED_MS);

  it("asks whether a file's extension starts at its last dot or its first when every name has one dot", async () => {
    const spec = makeSpec("file_type", "The extension of a file name, without the dot.", [
      [{ file: "holiday.jpeg" }, "jpeg"],
      [{ file: "budget.xlsx" }, "xlsx"],
      [{ file: "notes.md" }, "md"],
    ]);
    const a = (await backend.synthesize(spec)).ambiguity;
    expect(a).toBeDefined();
    const outputs = a?.readings.map((r) => r.output) as string[];
    expect(outputs.length).toBeGreaterThanOrEqual(2);
    expect(outputs.some((o) => o.includes("."))).toBe(true);
  }, ANSWERED_MS);

  it("cuts a file's name out of its path without its extension", async () => {
    const spec = makeSpec("file_stem_of_path", "The file name without its extension, from a path.", [
      [{ path: "docs/report.final.pdf" }, "report.final"],
      [{ path: "/tmp/a.b/c.txt" }, "c"],
      [{ path: "x/y/z.tar" }, "z"],
    ]);
    expect(await asksOrRight(spec, { path: "src/README" }, "README")).toBe("right");
    expect(await asksOrRight(spec, { path: "C:\\v1.2\\setup.exe" }, "setup")).toBe("right");
  }, ANSWERED_MS);
});

describe("character classes", () => {
  it("counts the vowels of a word, asking about y", async () => {
    const spec = makeSpec("vowel_count", "How many vowels a word has.", [
      [{ word: "banana" }, 3],
      [{ word: "Orange" }, 3],
      [{ word: "kiwi" }, 2],
    ]);
    const a = (await backend.synthesize(spec)).ambiguity;
    expect(a, "no example has a y: the y is a reading of its own").toBeDefined();
    expect(JSON.stringify(a?.input)).toMatch(/y/i);
    const person = (i: { word: string }): number => (i.word.match(/[aeiou]/gi) ?? []).length;
    const run = await answered(spec, person);
    for (const word of ["rhythm", "AEIOU", "queue", "Sky"]) expect(run({ word })).toBe(person({ word }));
  }, ANSWERED_MS);

  it("counts the consonants of a word", async () => {
    const spec = makeSpec("consonant_count", "How many consonants a word has.", [
      [{ word: "banana" }, 3],
      [{ word: "Street" }, 4],
      [{ word: "kiwi" }, 2],
    ]);
    const person = (i: { word: string }): number => (i.word.match(/(?![aeiou])[a-z]/gi) ?? []).length;
    const run = await answered(spec, person);
    for (const word of ["rhythm", "AEIOU", "Queue", "x"]) expect(run({ word })).toBe(person({ word }));
  }, ANSWERED_MS);

  it("drops punctuation, asking whether the spaces it leaves close up", async () => {
    const spec = makeSpec("without_punctuation", "The sentence with its punctuation removed.", [
      [{ sentence: "Hello, world!" }, "Hello world"],
      [{ sentence: "It's 5 o'clock." }, "Its 5 oclock"],
      [{ sentence: "Wait... what?" }, "Wait what"],
    ]);
    const a = (await backend.synthesize(spec)).ambiguity;
    expect(a).toBeDefined();
    expect(JSON.stringify(a?.input)).toContain(" - ");
    const person = (i: { sentence: string }): string => i.sentence.replace(/[^\p{L}\p{N}\s]/gu, "").replace(/\s+/g, " ").trim();
    const run = await answered(spec, person);
    for (const sentence of ["A - B", "(yes) or [no]?", "café, crème; brûlée", "no punctuation"]) expect(run({ sentence })).toBe(person({ sentence }));
  }, ANSWERED_MS);
});

describe("formulas", () => {
  it("finds the diagonal of a screen from its width and height", async () => {
    const spec = makeSpec("screen_diagonal", "The diagonal of a rectangular screen from its width and height, rounded to one decimal.", [
      [{ width: 3, height: 4 }, 5],
      [{ width: 16, height: 9 }, 18.4],
      [{ width: 10, height: 10 }, 14.1],
    ]);
    const person = (i: { width: number; height: number }): number => Math.round(Math.hypot(i.width, i.height) * 10) / 10;
    const run = await answered(spec, person);
    for (const [width, height] of [[5, 12], [1, 1], [0, 7], [2.5, 6]] as const) expect(run({ width, height })).toBe(person({ width, height }));
  }, ANSWERED_MS);

  it("finds the area of a circle from its radius with pi", async () => {
    const spec = makeSpec("circle_area", "The area of a circle from its radius.", [
      [{ radius: 1 }, Math.PI],
      [{ radius: 2 }, Math.PI * 4],
      [{ radius: 3 }, Math.PI * 9],
    ]);
    const person = (i: { radius: number }): number => Math.PI * i.radius * i.radius;
    const run = await answered(spec, person);
    for (const radius of [0, 0.5, 7.25, 100]) expect(run({ radius })).toBeCloseTo(person({ radius }), 9);
  }, ANSWERED_MS);

  it("finds a side of a square from its area", async () => {
    const spec = makeSpec("square_side", "The side of a square plot from its area: the square root of the area.", [
      [{ area: 49 }, 7],
      [{ area: 2 }, 1.4142135623730951],
      [{ area: 100 }, 10],
    ]);
    const person = (i: { area: number }): number => Math.sqrt(i.area);
    const run = await answered(spec, person);
    for (const area of [0, 1, 81, 12.25, 3]) expect(run({ area })).toBe(person({ area }));
  }, ANSWERED_MS);

  it("grows a colony that doubles every hour", async () => {
    const spec = makeSpec("colony_size", "How many cells a colony has after some hours, doubling every hour from its starting count.", [
      [{ start: 10, hours: 3 }, 80],
      [{ start: 1, hours: 10 }, 1024],
      [{ start: 5, hours: 0 }, 5],
    ]);
    const person = (i: { start: number; hours: number }): number => i.start * 2 ** i.hours;
    const run = await answered(spec, person);
    for (const [start, hours] of [[3, 4], [100, 1], [7, 12]] as const) expect(run({ start, hours })).toBe(person({ start, hours }));
  }, ANSWERED_MS);
});

describe("the operations compute what they emit", () => {
  const inp = (field: string): Expr => ({ k: "in", path: [field] });
  const op = (name: string, ...args: Expr[]): Expr => ({ k: "op", op: name, args });
  const cases: [string, string, Expr, unknown][] = [
    ["urlHost", "https://user@www.Example.com:81/a?b", op("urlHost", inp("s")), "www.example.com"],
    ["urlHostBare", "www.example.com/a", op("urlHostBare", inp("s")), "example.com"],
    ["lastSegment", "https://a.example/x/y/?q=1#f", op("lastSegment", inp("s")), "y"],
    ["lastSegment of a Windows path", "C:\\a\\b.txt", op("lastSegment", inp("s")), "b.txt"],
    ["parentSegment", "file.txt", op("parentSegment", inp("s")), ""],
    ["extension", "dir.v1/archive.tar.gz", op("extension", inp("s")), "gz"],
    ["fullExtension", "dir.v1/archive.tar.gz", op("fullExtension", inp("s")), "tar.gz"],
    ["stem", ".bashrc", op("stem", inp("s")), ".bashrc"],
    ["stemFirstDot", "a/archive.tar.gz", op("stemFirstDot", inp("s")), "archive"],
    ["queryParam", "https://a.example/?k=a%2Bb&k=2#k=3", op("queryParam", inp("s"), { k: "const", value: "k" }), "a+b"],
    ["queryParam of a key it lacks", "https://a.example/?k=1#z=3", op("queryParam", inp("s"), { k: "const", value: "z" }), null],
    ["queryParamOrEmpty", "a.example/p?z&k=1", op("queryParamOrEmpty", inp("s"), { k: "const", value: "q" }), ""],
    ["parentPath", "/var/log/", op("parentPath", inp("s")), "/var"],
    ["parentPath at the root", "\\etc", op("parentPath", inp("s")), "\\"],
    ["parentPath of a bare name", "notes.txt", op("parentPath", inp("s")), ""],
    ["parentPath of a Windows path", "C:\\Users\\ann\\r.docx", op("parentPath", inp("s")), "C:\\Users\\ann"],
    ["countVowels", "Yummy Apple", op("countVowels", inp("s")), 3],
    ["countVowelsY", "Yummy", op("countVowelsY", inp("s")), 3],
    ["countConsonants", "Yummy", op("countConsonants", inp("s")), 4],
    ["countDigits", "a1 b22", op("countDigits", inp("s")), 3],
    ["countLetters", "café 42", op("countLetters", inp("s")), 4],
    ["countUpper", "McDonald OK", op("countUpper", inp("s")), 4],
    ["stripPunctuation", "  a - b!  ", op("stripPunctuation", inp("s")), "  a  b  "],
    ["stripPunctuationSpaced", "  a - b!  ", op("stripPunctuationSpaced", inp("s")), "a b"],
    ["sqrt", "x", op("sqrt", op("len", inp("s"))), 1],
    ["hypot", "abc", op("hypot", op("len", inp("s")), op("add", op("len", inp("s")), { k: "const", value: 1 })), 5],
    ["pow", "ab", op("pow", op("len", inp("s")), { k: "const", value: 3 }), 8],
  ];
  for (const [name, s, expr, expected] of cases) {
    it(`agree on ${name}`, async () => {
      const input = { s };
      const viaEvaluator = evaluate(expr, { input });
      expect(viaEvaluator).toEqual(expected);
      const code = emitFunction(expr, "f");
      const viaCode = (await loadPlugin(code))(structuredClone(input), {});
      expect(jsonEqual(viaCode, viaEvaluator), `${code}\ngave ${JSON.stringify(viaCode)}, not ${JSON.stringify(viaEvaluator)}`).toBe(true);
    });
  }
});
