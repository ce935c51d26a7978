/** What the offline DSL can express, in one sentence for people (give-up messages, docs). */
export const DSL_SUMMARY =
  "programs over the input's fields: arithmetic (with constants it can solve from the examples, e.g. a * 60 + b), " +
  "rounding, comparisons and and/or, if/else on up to three conditions, map / filter / find / some / every / count / sort / " +
  "argmax / group-by (an aggregate per key, or each group's values as a list) / distinct over arrays (and over pairs of consecutive elements or moving windows where the description speaks of them), " +
  "a lambda over a group-by's or a dictionary's values, sums, means, min and max, objects built field by field, and string edits: " +
  "case changes, split / join, pieces cut at token boundaries and concatenated with literal text, digits or letters kept, " +
  "zero padding and fixed decimals, the weekday and month names of ISO dates, digits read out as English words, " +
  "the hosts and query parameters of URLs, the pieces, folders and extensions of paths, characters of a class counted or punctuation dropped, " +
  "square roots, hypotenuses, powers and pi where the description speaks of them, " +
  "whether a text starts or ends with another where it speaks of a prefix or a suffix, " +
  "times of day (HH:MM) across midnight, dates at an offset of days, date-times and durations (1h 5m) as minutes and back, " +
  "and words re-cased as PascalCase, camelCase, snake_case, kebab-case, a label or title case";
