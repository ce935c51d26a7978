/**
 * URLs and file paths (round 13). A person writes "https://www.shop.example/cart?id=7" and expects
 * "shop.example" for its site, "7" for its `id`, "pdf" for the type of "docs/2024/report.pdf" and
 * "2024" for its folder. Cutting the text between token positions fits two clean examples and is
 * wrong on a port, a query, a second dot or a trailing slash, so these read the forms as a URL or a
 * path does:
 *
 * - `urlHost`: the host name of a URL (lower case, no port, no user), and `urlHostBare`: the same
 *   without a leading "www." — rival readings where no example shows a "www.";
 * - `lastSegment` / `parentSegment`: the last piece of a path or of a URL's path (a trailing slash,
 *   a query and a fragment ignored), and the piece before it (the folder a file is in);
 * - `extension` / `fullExtension`: what follows the last dot of the last piece, or its first dot
 *   ("archive.tar.gz" → "gz" or "tar.gz"); `stem` / `stemFirstDot`: what comes before it. Each pair
 *   is a rival reading of the other where no example's file name has two dots;
 * - `parentPath`: everything before the last slash of a path ("" for a bare name, "/" at the root);
 * - `queryParam` / `queryParamOrEmpty`: the first value of a query parameter, decoded, and null or
 *   "" where the URL lacks it (rival readings where every example's URL has it), its name a text
 *   of the input or a key that some input URL's query holds (constants.ts).
 *
 * Each applies only to texts of its form (a URL has a scheme or starts with "www."; a path has a
 * slash in some example; a file name a dot after its first character), so the ops add little to
 * the search elsewhere. `apply` computes exactly what the emitted JavaScript computes.
 */
import { code, helper } from "./code.ts";
import { PREC } from "./code.ts";
import type { Code, Scope } from "./code.ts";
import { FAIL } from "./ops.ts";
import type { OpDef, Out } from "./ops.ts";
import { walk } from "./rank.ts";
import type { Entry, Expr, Json } from "./types.ts";

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** A URL as people type one: a scheme, or a host starting "www.", then no spaces. */
const URL_FORM = /^([a-z][a-z0-9+.-]*:\/\/[^\s/?#]+|www\.[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?)([/?#]\S*)?$/i;

const isStr = (v: Json): v is string => typeof v === "string";

// The semantics, shared by `apply` and written out again in the emitted helpers below.
function parseUrl(s: string): URL | undefined {
  try {
    return new URL(SCHEME.test(s) ? s : `http://${s}`);
  } catch {
    return undefined;
  }
}
/** The pieces of a path or of a URL's path; undefined where the emitted `new URL` would throw. */
export function segments(s: string): string[] | undefined {
  const path = SCHEME.test(s) ? parseUrl(s)?.pathname : s.replace(/[?#].*$/, "");
  return path?.split(/[/\\]/).filter((t) => t !== "");
}
const lastPiece = (s: string): string | undefined => {
  const all = segments(s);
  return all ? (all.at(-1) ?? "") : undefined;
};
/** Where the extension starts in a file name: its last dot, or its first after the first character. */
const dotAt = (name: string, first: boolean): number => (first ? name.indexOf(".", 1) : name.lastIndexOf("."));

export function parentPath(s: string): string {
  const t = s.length > 1 ? s.replace(/[/\\]+$/, "") : s;
  const i = Math.max(t.lastIndexOf("/"), t.lastIndexOf("\\"));
  return i < 0 ? "" : i === 0 ? t.charAt(0) : t.slice(0, i);
}
const PARENT_JS = `(s) => {
  const t = s.length > 1 ? s.replace(/[/\\\\]+$/, "") : s;
  const i = Math.max(t.lastIndexOf("/"), t.lastIndexOf("\\\\"));
  return i < 0 ? "" : i === 0 ? t.charAt(0) : t.slice(0, i);
}`;
const URL_JS = `(s) => new URL(/^[a-z][a-z0-9+.-]*:\\/\\//i.test(s) ? s : \`http://\${s}\`)`;
const SEGMENTS_JS = `(s) => (/^[a-z][a-z0-9+.-]*:\\/\\//i.test(s) ? new URL(s).pathname : s.replace(/[?#].*$/, "")).split(/[/\\\\]/).filter((t) => t !== "")`;


/** A text of the input (a field, not text the search built nor a constant). */
const inputText = (e: Entry): boolean => e.kind === "str" && !e.isConst && !e.threshold && (e.expr.k === "in" || e.expr.k === "x" || e.expr.k === "get");
const urlField = (e: Entry): boolean => inputText(e) && e.vals.every((v) => isStr(v) && URL_FORM.test(v) && parseUrl(v) !== undefined);
/** No e-mail address ("ann@mail.example.org" has a dot, but no file name). */
const noMail = (e: Entry): boolean => e.vals.every((v) => !/^[^\s@/]+@[^\s@/]+$/.test(v as string));
/** A path: no line breaks, and a slash in some example (or a URL). */
const pathField = (e: Entry): boolean =>
  inputText(e) && noMail(e) && e.vals.every((v) => isStr(v) && v !== "" && !/[\n\r]/.test(v) && (!SCHEME.test(v) || parseUrl(v) !== undefined)) && e.vals.some((v) => /[/\\]/.test(v as string));
/** A file name or path: some example's last piece has a dot after its first character, a letter after it. */
const fileField = (e: Entry): boolean =>
  inputText(e) && noMail(e) && e.vals.every((v) => isStr(v) && !/[\n\r]/.test(v) && (!SCHEME.test(v) || parseUrl(v) !== undefined)) && e.vals.some((v) => /^.+\.[^.]*[A-Za-z][^.]*$/.test(lastPiece(v as string) ?? ""));

function unary(name: string, accepts: (a: Entry) => boolean, apply: (s: string) => Out, emit: (a: Code, s: Scope) => Code): OpDef {
  return { name, arity: 1, accepts: (a) => accepts(a), apply: (a) => (isStr(a) ? apply(a) : FAIL), emit: ([a], s) => emit(a as Code, s) };
}
const hostOf = (s: string): Out => parseUrl(s)?.hostname ?? FAIL;
const wrap = (a: Code): string => (a.prec < PREC.member ? `(${a.text})` : a.text);

function fileOp(name: string, first: boolean, part: "ext" | "stem"): OpDef {
  return unary(name, fileField, (s) => {
    const n = lastPiece(s);
    if (n === undefined) return FAIL;
    const i = dotAt(n, first);
    return part === "ext" ? (i > 0 ? n.slice(i + 1) : "") : i > 0 ? n.slice(0, i) : n;
  }, (a, s) => {
    const seg = helper(s, "pathSegments", SEGMENTS_JS);
    const fn = helper(s, name, `(s) => {
  const name = ${seg.text}(s).at(-1) ?? "";
  const i = name.${first ? 'indexOf(".", 1)' : 'lastIndexOf(".")'};
  return ${part === "ext" ? 'i > 0 ? name.slice(i + 1) : ""' : "i > 0 ? name.slice(0, i) : name"};
}`);
    return code(`${fn.text}(${a.text})`);
  });
}

export const PATH_UNARY: readonly OpDef[] = [
  unary("urlHost", urlField, hostOf, (a, s) => code(`${helper(s, "parseUrl", URL_JS).text}(${a.text}).hostname`, PREC.member)),
  unary("urlHostBare", urlField, (s) => {
    const h = hostOf(s);
    return h === FAIL ? FAIL : (h as string).replace(/^www\./, "");
  }, (a, s) => code(`${helper(s, "parseUrl", URL_JS).text}(${a.text}).hostname.replace(/^www\\./, "")`, PREC.member)),
  unary("lastSegment", pathField, (s) => lastPiece(s) ?? FAIL, (a, s) => code(`(${helper(s, "pathSegments", SEGMENTS_JS).text}(${a.text}).at(-1) ?? "")`, PREC.member)),
  unary("parentSegment", pathField, (s) => {
    const all = segments(s);
    return all ? (all.at(-2) ?? "") : FAIL;
  }, (a, s) => code(`(${helper(s, "pathSegments", SEGMENTS_JS).text}(${a.text}).at(-2) ?? "")`, PREC.member)),
  // Everything before the last slash: "" for a bare name, the root's slash for something at the
  // root, a slash at the end ignored. A URL's folder is its path's (`new URL`), so only paths.
  unary("parentPath", (a) => pathField(a) && a.vals.every((v) => !SCHEME.test(v as string)), (s) => parentPath(s), (a, s) => code(`${helper(s, "parentPath", PARENT_JS).text}(${a.text})`)),
  fileOp("extension", false, "ext"),
  fileOp("fullExtension", true, "ext"),
  fileOp("stem", false, "stem"),
  fileOp("stemFirstDot", true, "stem"),
];

/** The parameter's first value, decoded; null where the query lacks it, or "" in the other reading. */
export function queryParam(s: string, key: string, orEmpty: boolean): string | null {
  const v = new URLSearchParams((s.split("#")[0] as string).split("?")[1] ?? "").get(key);
  return orEmpty ? (v ?? "") : v;
}
const queryJs = (orEmpty: boolean): string => `(s, key) => new URLSearchParams(s.split("#")[0].split("?")[1] ?? "").get(key)${orEmpty ? ' ?? ""' : ""}`;
/** The query keys of the inputs' URLs: the names `queryParam` may read (constants.ts). */
export function queryKeys(strings: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const s of strings) if (!/\s/.test(s) && s.includes("?")) for (const k of new URLSearchParams((s.split("#")[0] as string).split("?")[1] ?? "").keys()) keys.add(k);
  return [...keys];
}

/** A URL with a query in some example (a scheme is not needed: what follows "?" is read). */
const queryField = (e: Entry): boolean => inputText(e) && e.vals.every((v) => isStr(v) && !/\s/.test(v)) && e.vals.some((v) => (v as string).includes("?"));
/** The parameter's name: a key some input URL's query holds (constants.ts), or a text of the input that names one. */
const keyOf = (a: Entry, b: Entry): boolean =>
  b.kind === "str" && !b.threshold && a !== b &&
  (b.isConst === true ? /^[\w.-]+$/.test(b.vals[0] as string) && a.vals.some((v) => queryKeys([v as string]).includes(b.vals[0] as string)) : inputText(b) && a.vals.some((v, r) => queryKeys([v as string]).includes(b.vals[r] as string)));

function queryOp(name: string, orEmpty: boolean): OpDef {
  return {
    name,
    arity: 2,
    kinds: [["str"], ["str"]],
    accepts: (a, b) => queryField(a) && keyOf(a, b),
    apply: (a, b) => (isStr(a) && isStr(b) ? queryParam(a, b, orEmpty) : FAIL),
    emit: ([a, b], s) => code(`${helper(s, name, queryJs(orEmpty)).text}(${wrap(a as Code)}, ${(b as Code).text})`),
  };
}

export const PATH_BINARY: readonly OpDef[] = [queryOp("queryParam", false), queryOp("queryParamOrEmpty", true)];

/** Pairs the examples may not tell apart: each is a rival reading of the other (rival-readings.ts). */
export const PATH_TWINS: Readonly<Record<string, string>> = {
  urlHost: "urlHostBare",
  urlHostBare: "urlHost",
  extension: "fullExtension",
  fullExtension: "extension",
  stem: "stemFirstDot",
  stemFirstDot: "stem",
  queryParam: "queryParamOrEmpty",
  queryParamOrEmpty: "queryParam",
};

/**
 * Inputs where those readings part: each URL with "www." put on its host (or taken off), each
 * file name with one more dotted piece before its extension ("docs/report.pdf" →
 * "docs/report.final.pdf"), each URL without its query. Only for a program that reads a URL's
 * host, a file's extension or stem, or a query parameter (the chosen program: ambiguity.ts).
 */
export function pathProbes(e: Expr, inputs: readonly Json[]): Json[] {
  const used = new Set<string>();
  walk(e, (n) => {
    if (n.k === "op" && PATH_TWINS[n.op]) used.add(n.op);
  });
  if (used.size === 0) return [];
  const hosts = used.has("urlHost") || used.has("urlHostBare");
  const files = [...used].some((o) => /^(extension|fullExtension|stem|stemFirstDot)$/.test(o));
  const queries = used.has("queryParam") || used.has("queryParamOrEmpty");
  const out: Json[] = [];
  for (const input of inputs) {
    if (input === null || typeof input !== "object" || Array.isArray(input)) continue;
    for (const [k, v] of Object.entries(input)) {
      if (!isStr(v)) continue;
      if (hosts && URL_FORM.test(v)) {
        const m = /^([a-z][a-z0-9+.-]*:\/\/)?(www\.)?/i.exec(v) as RegExpExecArray;
        const head = m[1] ?? "";
        const toggled = m[2] ? `${head}${v.slice(m[0].length)}` : `${head}www.${v.slice(head.length)}`;
        if (parseUrl(toggled)) out.push({ ...input, [k]: toggled });
      }
      // A URL without its query: is a parameter it lacks null or ""?
      if (queries && v.includes("?")) out.push({ ...input, [k]: v.slice(0, v.indexOf("?")) });
      if (files) {
        const cut = v.replace(/[?#].*$/, "");
        const name = lastPiece(v) ?? "";
        const i = name.lastIndexOf(".");
        const at = cut.lastIndexOf(name);
        if (i > 0 && at >= 0) out.push({ ...input, [k]: `${v.slice(0, at + i)}.final${v.slice(at + i)}` });
      }
    }
  }
  return out;
}
