/**
 * acorn as the sandbox parses with it: the plugin's module, the script compiled from it, and code
 * a plugin generates at run time (static-scan.ts, generated-code.ts).
 *
 * One change: a regular expression may not give two capture groups the same name, as before
 * ES2025. acorn checks ES2025's duplicate names in alternatives (`(?<a>x)|(?<a>y)`) by comparing
 * each new group with every earlier one of that name, walking both groups' nesting: a literal of
 * nested alternatives costs cubic time (20 KB, seconds). Generated code is parsed in the worker
 * while the isolate's timer is paused, so one such `eval` held the worker past the host's grace
 * period and had it killed; in a plugin's own code it held the host's thread at load. Refused,
 * each group costs one lookup; a text that has one gets a SyntaxError, as from an older engine.
 *
 * And a bound on the work of checking declarations. acorn keeps each scope's names in arrays: a
 * declaration compares its name with every name of its scope, and a `var` is recorded in every
 * block scope between it and its function. Names in one scope cost quadratic time, and `var`s deep
 * in nested blocks cost blocks x vars in time and memory (1,000 blocks around 16,000 vars in a
 * 128 KiB eval: seconds and +200 MB in the worker; 256 KB of plugin code held the host's thread
 * 17 s at load). Past MAX_NAME_WORK comparisons and records the text is refused as a SyntaxError;
 * real code stays far below it.
 *
 * And a bound on a regular expression literal's length (`ONE_STEP_LIMITS.regexpPatternChars`, as
 * for `new RegExp`): V8 compiles a literal at its first use, in one step no timer stops.
 *
 * And a bound on the Unicode property escapes in one text's regular expressions (MAX_REGEXP_PROPERTIES):
 * acorn makes each literal's value with `new RegExp`, and V8 builds every `\p{…}` set anew (a
 * property of strings such as `\p{RGI_Emoji}` costs ~6 ms: 2,000 in a 28 KB literal, 13 s of
 * the worker's or the host's thread, none of it a call's own time).
 */
import { createRequire } from "node:module";
import type * as Acorn from "acorn";
import { ONE_STEP_LIMITS } from "./worker/bootstrap-steps.ts";

// acorn is required when code is parsed, not when a command merely links the sandbox in.
const require = createRequire(import.meta.url);

interface RegExpState {
  source: string;
  eat(ch: number): boolean;
  raise(message: string): never;
  lastStringValue: string;
  groupNames: Record<string, unknown>;
}

interface Scope {
  flags: number;
  var: string[];
  lexical: string[];
  functions: string[];
}

interface SandboxParser {
  regexp_eatGroupName(state: RegExpState): boolean;
  declareName(name: string, bindingType: number, pos: number): void;
  validateRegExpPattern(state: RegExpState): void;
  raise(pos: number, message: string): never;
  scopeStack: Scope[];
}

/** Name comparisons and records one parse may cost (a few ms of the worker's or host's thread; about 2,000 names in one scope). */
export const MAX_NAME_WORK = 2_000_000;
/** `\p{…}` and `\P{…}` escapes the regular expressions of one text may hold (about 200 ms of V8's work at most). */
export const MAX_REGEXP_PROPERTIES = 32;
// acorn's constants (acorn/src/scopeflags.js): a var binding; the scopes a var stops at.
const BIND_VAR = 1;
const SCOPE_VAR = 1 | 2 | 256;

let parser: typeof Acorn.Parser | undefined;

/** acorn's Parser with the bounds above. */
export function sandboxParser(): typeof Acorn.Parser {
  if (parser) return parser;
  const acorn = require("acorn") as typeof Acorn;
  parser = acorn.Parser.extend((Base) => {
    return class extends (Base as unknown as new (...args: never[]) => SandboxParser) {
      private nameWork = 0;
      private regexpProperties = 0;

      // What acorn's own declareName will cost, charged before it runs.
      override declareName(name: string, bindingType: number, pos: number): void {
        const stack = this.scopeStack;
        if (bindingType === BIND_VAR) {
          for (let i = stack.length - 1; i >= 0; i--) {
            const scope = stack[i]!;
            this.nameWork += scope.lexical.length + scope.functions.length + 1;
            if (scope.flags & SCOPE_VAR) break;
          }
        } else {
          const scope = stack[stack.length - 1]!;
          this.nameWork += scope.lexical.length + scope.functions.length + scope.var.length + 1;
        }
        if (this.nameWork > MAX_NAME_WORK) this.raise(pos, "too many names declared in one scope or too deep in nested blocks for the sandbox to check");
        super.declareName(name, bindingType, pos);
      }

      // Counted in the text (an upper bound: `\\p{` counts too) before acorn validates it and V8 builds it.
      // And its length, as `new RegExp`'s pattern is bounded (bootstrap-regexp.ts): V8 compiles a
      // literal at its first use, in one step the call's timer does not stop (a 265,000-character
      // `ui` class: 3.6 s, every call).
      override validateRegExpPattern(state: RegExpState): void {
        if (state.source.length > ONE_STEP_LIMITS.regexpPatternChars) {
          state.raise(`a regular expression of ${state.source.length} characters; the sandbox takes at most ${ONE_STEP_LIMITS.regexpPatternChars} (V8 compiles it in one step the call's time limit does not stop): use a shorter pattern, or match in pieces`);
        }
        for (const _ of state.source.matchAll(/\\[pP]\{/g)) {
          if (++this.regexpProperties > MAX_REGEXP_PROPERTIES) state.raise(`more than ${MAX_REGEXP_PROPERTIES} Unicode property escapes (\\p{…}) in the regular expressions of one text`);
        }
        super.validateRegExpPattern(state);
      }

      // `?<name>` after a group's `(`: acorn's own, less its check across alternatives.
      regexp_groupSpecifier(state: RegExpState): void {
        if (!state.eat(0x3f /* ? */)) return;
        if (!this.regexp_eatGroupName(state)) state.raise("Invalid group");
        if (state.groupNames[state.lastStringValue]) state.raise("Duplicate capture group name (the sandbox takes each name once per regular expression)");
        state.groupNames[state.lastStringValue] = true;
      }
    } as unknown as typeof Acorn.Parser;
  });
  return parser;
}
