/**
 * Round 31a (issue 17): plain string tasks published wrong in silence because a program fits every
 * example by coincidence and no rival that parts from it is found. "Any text besides spaces" read
 * as "no spaces at its ends", "lines with something on them" as the distinct lines after the
 * first, "comma-separated fields" split at spaces too where no field holds one. The description's
 * words name what the examples never show: a blank or empty text, a field with a space inside, a
 * repeated line or word, a text padded with spaces. Each spec must publish within six answers
 * (the person answering), right on every probe. Specs invented here (the first three moved from
 * round30c-case-tests). R31A_TRACE=1 prints what the backend asked and published.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import type { In, StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
const keeps = (a: StatedAttack): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: true, traceVar: "R31A_TRACE" });
const lines = (t: string): string[] => t.split(/\r?\n/);
const filled = (s: string): boolean => s.trim() !== "";
const fields = (s: string, mark: string): string[] => s.split(mark).map((f) => f.trim());

/** Moved from round30c-case-tests: published wrong in silence in round 30. */
const MOVED: Record<string, StatedAttack> = {
  filledTitle: {
    name: "has_title",
    description: "Whether the title holds any text besides spaces.",
    examples: [[{ title: "Report" }, true], [{ title: "   " }, false], [{ title: "annual plan" }, true]],
    person: (i: In) => filled(i.title as string),
    probes: [{ title: "2024" }, { title: "FAQ" }, { title: "" }, { title: " x " }],
  },
  linesWithText: {
    name: "lines_with_text",
    description: "How many lines have something on them other than spaces.",
    examples: [[{ text: "one\n\ntwo" }, 2], [{ text: "Dear Sam,\n  \nSee you\nBye" }, 3]],
    person: (i: In) => lines(i.text).filter(filled).length,
    probes: [{ text: "1\n2" }, { text: "OK\n\nGO" }, { text: "" }, { text: "a\na" }],
  },
  csvFields: {
    name: "filled_fields",
    description: "The comma-separated fields that are not blank, each trimmed.",
    examples: [[{ row: "apple, pear,,plum" }, ["apple", "pear", "plum"]], [{ row: " Tea ,  , cake" }, ["Tea", "cake"]]],
    person: (i: In) => fields(i.row as string, ",").filter((f) => f !== ""),
    probes: [{ row: "A1, ,B2" }, { row: "7,8" }, { row: "New York, LA" }],
  },
};

/** Invented variants of the same kinds: not-blank tests, counts of filled things, splits at a named mark, trims, case ignored. */
const VARIANTS: Record<string, StatedAttack> = {
  commentNotBlank: {
    name: "comment_given",
    description: "Whether the comment is not blank.",
    examples: [[{ comment: "Nice" }, true], [{ comment: "  " }, false], [{ comment: "ok then" }, true]],
    person: (i: In) => filled(i.comment as string),
    probes: [{ comment: "" }, { comment: " hi " }, { comment: "42" }],
  },
  nonEmptyLineCount: {
    name: "non_empty_lines",
    description: "Count the lines of the note that are not empty or only spaces.",
    examples: [[{ note: "buy milk\n\ncall Jo" }, 2], [{ note: "a\n   \nb\nc" }, 3]],
    person: (i: In) => lines(i.note as string).filter(filled).length,
    probes: [{ note: "x\ny" }, { note: "same\nsame" }, { note: "" }, { note: "solo" }],
  },
  wordCount: {
    name: "word_count",
    description: "How many words the sentence has; words are separated by spaces.",
    examples: [[{ sentence: "hello world" }, 2], [{ sentence: "a b c" }, 3], [{ sentence: "one" }, 1]],
    person: (i: In) => (i.sentence as string).split(" ").filter((w) => w !== "").length,
    probes: [{ sentence: "" }, { sentence: "x  y" }, { sentence: " lead" }, { sentence: "go go" }],
  },
  semicolonItems: {
    name: "semicolon_items",
    description: "The items of the semicolon-separated list, each trimmed.",
    examples: [[{ list: "tea; milk;sugar" }, ["tea", "milk", "sugar"]], [{ list: "eggs ;ham" }, ["eggs", "ham"]]],
    person: (i: In) => fields(i.list as string, ";"),
    probes: [{ list: "red wine; beer" }, { list: "a;b" }, { list: "ice cream ; cake" }],
  },
  pipeParts: {
    name: "pipe_parts",
    description: "The parts of the record split at each \"|\", each trimmed.",
    examples: [[{ record: "id | name|age" }, ["id", "name", "age"]], [{ record: "x|y" }, ["x", "y"]]],
    person: (i: In) => fields(i.record as string, "|"),
    probes: [{ record: "first name | last name" }, { record: "a | b c" }],
  },
  tagCount: {
    name: "tag_count",
    description: "How many tags the comma-separated tag list holds, not counting blank ones.",
    examples: [[{ tags: "a,b,,c" }, 3], [{ tags: "x" }, 1], [{ tags: "dev, ops" }, 2]],
    person: (i: In) => fields(i.tags as string, ",").filter((f) => f !== "").length,
    probes: [{ tags: "big data,ml" }, { tags: "" }, { tags: "a, ,b" }, { tags: "web dev" }],
  },
  filledNames: {
    name: "filled_names",
    description: "The names that contain something other than spaces, trimmed.",
    examples: [[{ names: ["Ann", "  ", "Bo "] }, ["Ann", "Bo"]], [{ names: ["", " Cy"] }, ["Cy"]]],
    person: (i: In) => (i.names as string[]).filter(filled).map((n) => n.trim()),
    probes: [{ names: ["Mary Ann", "  "] }, { names: [] }, { names: ["x"] }],
  },
  firstField: {
    name: "first_field",
    description: "The first comma-separated field of the line, trimmed.",
    examples: [[{ line: "Smith, John, 42" }, "Smith"], [{ line: "Lee,Ann" }, "Lee"]],
    person: (i: In) => fields(i.line as string, ",")[0] as string,
    probes: [{ line: "Van Dyke, Al" }, { line: " Ng ,B" }, { line: "solo" }],
  },
  blankCells: {
    name: "blank_cells",
    description: "How many of the cells are blank: empty or only spaces.",
    examples: [[{ cells: ["a", "", " "] }, 2], [{ cells: ["x", "y"] }, 0], [{ cells: ["  ", "q"] }, 1]],
    person: (i: In) => (i.cells as string[]).filter((c) => !filled(c)).length,
    probes: [{ cells: ["b c", "   "] }, { cells: [] }, { cells: ["", ""] }],
  },
  lastPathPart: {
    name: "last_part",
    description: "The last part of the slash-separated path.",
    examples: [[{ path: "usr/local/bin" }, "bin"], [{ path: "docs/a" }, "a"]],
    person: (i: In) => (i.path as string).split("/").pop() as string,
    probes: [{ path: "My Docs/notes 1" }, { path: "x" }, { path: "a/b-c" }],
  },
  filledLinesTrimmed: {
    name: "filled_lines",
    description: "The lines of the text that are not blank, each trimmed.",
    examples: [[{ text: "a\n \nb" }, ["a", "b"]], [{ text: " hi\n\nyo " }, ["hi", "yo"]]],
    person: (i: In) => lines(i.text as string).filter(filled).map((l) => l.trim()),
    probes: [{ text: "red car\n\nblue car" }, { text: "x" }, { text: "" }],
  },
  sameIgnoringCase: {
    name: "same_word",
    description: "Whether the two words are the same, ignoring case.",
    examples: [[{ a: "Cat", b: "cat" }, true], [{ a: "dog", b: "Dog" }, true], [{ a: "cat", b: "dog" }, false]],
    person: (i: In) => (i.a as string).toLowerCase() === (i.b as string).toLowerCase(),
    probes: [{ a: "ABC", b: "abc" }, { a: "a", b: "b" }, { a: "Hello World", b: "hello world" }],
  },
  nonEmptyStrings: {
    name: "non_empty_count",
    description: "How many of the strings are not empty.",
    examples: [[{ items: ["a", "", "b"] }, 2], [{ items: ["", ""] }, 0], [{ items: ["hello"] }, 1]],
    person: (i: In) => (i.items as string[]).filter((s) => s !== "").length,
    probes: [{ items: ["x y"] }, { items: [] }, { items: ["a", "a"] }],
  },
  distinctWordsIgnoringCase: {
    name: "distinct_words",
    description: "How many different words the text has, ignoring case; words are separated by spaces.",
    examples: [[{ text: "a A b" }, 2], [{ text: "x y" }, 2], [{ text: "Hi hi" }, 1]],
    person: (i: In) => new Set((i.text as string).split(" ").filter((w) => w !== "").map((w) => w.toLowerCase())).size,
    probes: [{ text: "one" }, { text: "Go GO go" }, { text: "p q r" }],
  },
};

/** Controls: the examples settle the reading already; each publishes right within six answers. */
const CONTROLS: Record<string, StatedAttack> = {
  titleShown: {
    name: "has_title_shown",
    description: "Whether the title holds any text besides spaces.",
    examples: [[{ title: "Report" }, true], [{ title: "   " }, false], [{ title: "" }, false], [{ title: "  a b " }, true], [{ title: "Q" }, true]],
    person: (i: In) => filled(i.title as string),
    probes: [{ title: "2024" }, { title: "" }, { title: " x " }],
  },
  csvShown: {
    name: "fields_shown",
    description: "The comma-separated fields, each trimmed.",
    examples: [[{ row: "New York, LA" }, ["New York", "LA"]], [{ row: "a,b , c" }, ["a", "b", "c"]], [{ row: "San Jose ,Reno" }, ["San Jose", "Reno"]]],
    person: (i: In) => fields(i.row as string, ","),
    probes: [{ row: "7,8" }, { row: "big apple" }],
  },
  linesShown: {
    name: "lines_shown",
    description: "How many lines are not blank.",
    examples: [[{ text: "a\nb" }, 2], [{ text: "a\n\nb" }, 2], [{ text: "x\n  \ny\nx" }, 3], [{ text: "one" }, 1], [{ text: "p q\n \n" }, 1]],
    person: (i: In) => lines(i.text as string).filter(filled).length,
    probes: [{ text: "1\n2" }, { text: "" }, { text: "a\na" }],
  },
  upperCase: {
    name: "shout",
    description: "The text in upper case.",
    examples: [[{ s: "abc" }, "ABC"], [{ s: "Hi there" }, "HI THERE"]],
    person: (i: In) => (i.s as string).toUpperCase(),
    probes: [{ s: "x1" }, { s: "" }, { s: "Ok" }],
  },
};

/**
 * Still asked about after six answers (none published wrong): the right program (the fields or
 * items filtered for blanks, then trimmed) is past the search's size, so each answer brings a new
 * coincidence (a sort then a cut, a test of length or of case) and a new question.
 */
const OPEN = new Set([
  // `row.split(",").map(trim).filter(...)`: asked about "apple pear,,plum", then still asking.
  "csvFields",
  // Asked about " ,b,,c" and "a b,,c"; the count of filled fields is found, then doubted by leave-one-out.
  "tagCount",
  // Asked about "   " among the names and "Ann Bo "; then tests of case and length, one after another.
  "filledNames",
  // Asked about "a b" as a line; then `x !== x.toUpperCase()` as the test of blankness (round 30c's doubt).
  "filledLinesTrimmed",
]);

describe("a plain string task fitted by coincidence is asked about, then published right", () => {
  for (const [key, a] of Object.entries({ ...MOVED, ...VARIANTS })) {
    if (OPEN.has(key)) it.fails(`OPEN: ${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
    else it(`${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
  }
  for (const [key, a] of Object.entries(CONTROLS)) it(`(control) ${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
});
