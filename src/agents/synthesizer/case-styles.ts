/**
 * The case styles (round 12) as data: each style's name, what it does to a text, and the
 * JavaScript it is emitted as. case-ops.ts makes them operations of the search; ops.ts names them
 * (a re-cased text is no text to cut further).
 */


/** The words of an identifier or a phrase: split at non-alphanumerics and at case changes. */
export function identifierWords(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((t) => t !== "");
}
export const WORDS_JS = `(s) => s.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").split(/[^A-Za-z0-9]+/).filter((t) => t !== "")`;

const cap = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1).toLowerCase();
export const CAP_JS = "(t) => t.charAt(0).toUpperCase() + t.slice(1).toLowerCase()";

export interface Style {
  readonly name: string;
  readonly apply: (s: string) => string;
  /** The emitted expression over `words` (the split helper's name), `cap` and the text `s`. */
  readonly js: (words: string, capName: string, s: string) => string;
  /** Words split at spaces only (a phrase), not at punctuation and case changes (an identifier). */
  readonly phrase?: boolean;
  /** Writes its own casing: no `capitalized` helper is emitted for it. */
  readonly ownCase?: boolean;
}

export const STYLES: readonly Style[] = [
  // PascalCase of a phrase whose words break at punctuation and spaces only ("OrderLine" is one
  // word): first, so that where no example breaks a word at a capital, none is broken there.
  { name: "pascalWords", phrase: true, apply: (s) => s.split(/[^A-Za-z0-9]+/).filter((t) => t !== "").map(cap).join(""), js: (_wd, c, s) => `${s}.split(/[^A-Za-z0-9]+/).filter((t) => t !== "").map(${c}).join("")` },
  { name: "pascalCase", apply: (s) => identifierWords(s).map(cap).join(""), js: (wd, c, s) => `${wd}(${s}).map(${c}).join("")` },
  { name: "camelCase", apply: (s) => identifierWords(s).map((t, i) => (i === 0 ? t.toLowerCase() : cap(t))).join(""), js: (wd, c, s) => `${wd}(${s}).map((t, i) => (i === 0 ? t.toLowerCase() : ${c}(t))).join("")` },
  { name: "snakeCase", apply: (s) => identifierWords(s).join("_").toLowerCase(), js: (wd, _c, s) => `${wd}(${s}).join("_").toLowerCase()` },
  { name: "kebabCase", apply: (s) => identifierWords(s).join("-").toLowerCase(), js: (wd, _c, s) => `${wd}(${s}).join("-").toLowerCase()` },
  { name: "constantCase", apply: (s) => identifierWords(s).join("_").toUpperCase(), js: (wd, _c, s) => `${wd}(${s}).join("_").toUpperCase()` },
  { name: "labelCase", apply: (s) => cap(identifierWords(s).join(" ")), js: (wd, c, s) => `${c}(${wd}(${s}).join(" "))` },
  { name: "lowerWords", apply: (s) => identifierWords(s).join(" ").toLowerCase(), js: (wd, _c, s) => `${wd}(${s}).join(" ").toLowerCase()` },
  { name: "titleCase", phrase: true, apply: (s) => s.split(/\s+/).filter((t) => t !== "").map(cap).join(" "), js: (_wd, c, s) => `${s}.split(/\\s+/).filter((t) => t !== "").map(${c}).join(" ")` },
  {
    name: "capitalizeWords",
    phrase: true,
    apply: (s) => s.split(/\s+/).filter((t) => t !== "").map((t) => t.charAt(0).toUpperCase() + t.slice(1)).join(" "),
    js: (_wd, _c, s) => `${s}.split(/\\s+/).filter((t) => t !== "").map((t) => t.charAt(0).toUpperCase() + t.slice(1)).join(" ")`,
  },
  // The text's first letter in capitals, the rest as typed (round 16): "the first letter
  // upper-cased". Last, so that it is a twin of the others and the description's words choose it.
  {
    name: "capitalizeFirst",
    phrase: true,
    ownCase: true,
    apply: (s) => s.charAt(0).toUpperCase() + s.slice(1),
    js: (_wd, _c, s) => `(${s}.charAt(0).toUpperCase() + ${s}.slice(1))`,
  },
];

export const CASE_STYLES: readonly string[] = STYLES.map((s) => s.name);
