import canonicalize from "canonicalize";

/** RFC 8785 canonical JSON: the byte form that hashes, signatures and state hashes are taken over. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("value has no JSON form");
  return text;
}
