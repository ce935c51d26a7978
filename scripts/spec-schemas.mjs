// Shorthands the hand-written spec sets (scripts/holdout2-cases.mjs to holdout7-cases.mjs)
// write their schemas and cases with.

export const T = (type) => ({ type });
export const schema = (s) => (typeof s === "string" ? T(s) : s);
/** An object schema; a key ending in `?` is optional. */
export const obj = (props) => {
  const properties = {};
  const required = [];
  for (const [k, v] of Object.entries(props)) {
    const name = k.endsWith("?") ? k.slice(0, -1) : k;
    properties[name] = schema(v);
    if (!k.endsWith("?")) required.push(name);
  }
  return { type: "object", properties, required };
};
export const arr = (items) => ({ type: "array", items: schema(items) });
export const HHMM = { type: "string", pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$" };
export const ISO_DATE = { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" };
/** Records from a header and rows: rows(["a","b"], [1,2],[3,4]) -> [{a:1,b:2},{a:3,b:4}]. */
export const rows = (keys, ...values) => values.map((v) => Object.fromEntries(keys.map((k, i) => [k, v[i]])));
