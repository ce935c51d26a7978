/**
 * The `format` of compat-matrix.json, the matrix `capsmith plugin harness` writes (by default into
 * `<data>/harness/`): what tells that folder for capsmith's when the data directory is judged (a
 * data directory the harness ran on first holds nothing else), since `harness/` is a name any tool
 * may use. Its own module so the judge reads it without loading the harness.
 */
export const COMPAT_MATRIX_FORMAT = "capsmith-compat-matrix/v1";
