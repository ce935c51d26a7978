/**
 * The description as a tie-break hint only: it orders the comparison operators, so that among
 * programs that fit the examples equally well the one the wording suggests is found first.
 */
const RULES: readonly [RegExp, string][] = [
  [/\b(at most|or less|or fewer|not exceed|does not exceed|do not exceed|no more than|up to|within)\b/i, "le"],
  [/\b(at least|or more|or greater|no less than|minimum of)\b/i, "ge"],
  [/\b(before|less than|below|under|fewer than|earlier than|smaller than)\b/i, "lt"],
  [/\b(after|more than|greater than|above|over|exceeds?|later than|larger than)\b/i, "gt"],
];

const DEFAULT_ORDER = ["le", "ge", "lt", "gt"];

/** The comparison operators, the one the description suggests first. */
export function comparisonOrder(description: string): string[] {
  const hinted = RULES.find(([re]) => re.test(description))?.[1];
  return hinted ? [hinted, ...DEFAULT_ORDER.filter((o) => o !== hinted)] : DEFAULT_ORDER;
}
