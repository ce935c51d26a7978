/** Every operation by name (the search's own and the string sub-language's), for evaluation and emission. */
import { CALENDAR_BINARY, CALENDAR_UNARY } from "./calendar-ops.ts";
import { CASE_OPS } from "./case-ops.ts";
import { NAME_OPS } from "./name-ops.ts";
import { ALL_CHAR_OPS } from "./char-ops.ts";
import { PATH_BINARY, PATH_UNARY } from "./path-ops.ts";
import { FORMULA_OPS } from "./formula-ops.ts";
import { AFFIX_OPS } from "./affix-ops.ts";
import { POSITION_OPS } from "./position-ops.ts";
import { PAD_END_CHAR, PAD_START_CHAR, REPEAT_CHAR } from "./fill-ops.ts";
import { BINARY_OPS, UNARY_OPS } from "./ops.ts";
import type { OpDef } from "./ops.ts";
import { STRING_OPS } from "./strings/string-ops.ts";
import { WINDOW_OPS } from "./window-ops.ts";
import { LINE_OPS } from "./line-ops.ts";
import { ALL_STEP_OPS } from "./stated-step.ts";
import { WORD_MARK_OP } from "./word-marks.ts";

export const OPS_BY_NAME: ReadonlyMap<string, OpDef> = new Map([...UNARY_OPS, ...NAME_OPS, ...CALENDAR_UNARY, ...CASE_OPS, ...PATH_UNARY, ...ALL_CHAR_OPS, ...BINARY_OPS, ...CALENDAR_BINARY, ...PATH_BINARY, ...FORMULA_OPS, ...AFFIX_OPS, ...POSITION_OPS, ...STRING_OPS, ...WINDOW_OPS, ...LINE_OPS, ...ALL_STEP_OPS, WORD_MARK_OP, REPEAT_CHAR, PAD_END_CHAR, PAD_START_CHAR].map((o) => [o.name, o]));
