/** Step ids appear in `$steps.<id>` and in paths such as `enrich[3]`, so no dots, brackets or slashes. */
export const STEP_ID = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

/** `onError: "continue"`; any other `onError` value names a fallback step. */
export const CONTINUE = "continue";

/** In-flight invocations when the caller does not say. */
export const DEFAULT_CONCURRENCY = 4;
