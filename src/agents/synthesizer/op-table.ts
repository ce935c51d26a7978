/** Every operation by name (the search's own and the string sub-language's), for evaluation and emission. */
import { NAME_OPS } from "./name-ops.ts";
import { BINARY_OPS, UNARY_OPS } from "./ops.ts";
import type { OpDef } from "./ops.ts";
import { STRING_OPS } from "./strings/string-ops.ts";

export const OPS_BY_NAME: ReadonlyMap<string, OpDef> = new Map([...UNARY_OPS, ...NAME_OPS, ...BINARY_OPS, ...STRING_OPS].map((o) => [o.name, o]));
