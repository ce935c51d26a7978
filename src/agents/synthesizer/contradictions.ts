/** Examples that give one input two different outputs: no program fits them, so say so at once. */
import { jsonEqual } from "../../spec/index.ts";

export interface Contradiction {
  /** 1-based example numbers. */
  readonly first: number;
  readonly second: number;
  readonly input: unknown;
  readonly outputs: readonly [unknown, unknown];
}

export function contradictions(examples: readonly { input: unknown; output: unknown }[]): Contradiction | undefined {
  for (let i = 0; i < examples.length; i++) {
    for (let j = i + 1; j < examples.length; j++) {
      const a = examples[i] as { input: unknown; output: unknown };
      const b = examples[j] as { input: unknown; output: unknown };
      if (jsonEqual(a.input, b.input) && !jsonEqual(a.output, b.output)) return { first: i + 1, second: j + 1, input: a.input, outputs: [a.output, b.output] };
    }
  }
  return undefined;
}
