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
 */
import { createRequire } from "node:module";
import type * as Acorn from "acorn";

// acorn is required when code is parsed, not when a command merely links the sandbox in.
const require = createRequire(import.meta.url);

interface RegExpState {
  eat(ch: number): boolean;
  raise(message: string): never;
  lastStringValue: string;
  groupNames: Record<string, unknown>;
}

interface RegExpParser {
  regexp_eatGroupName(state: RegExpState): boolean;
}

let parser: typeof Acorn.Parser | undefined;

/** acorn's Parser with duplicate capture group names refused in linear time. */
export function sandboxParser(): typeof Acorn.Parser {
  if (parser) return parser;
  const acorn = require("acorn") as typeof Acorn;
  parser = acorn.Parser.extend((Base) => {
    return class extends (Base as unknown as new (...args: never[]) => RegExpParser) {
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
