/** Every slash command, in the order /help lists them. One file each, its test beside it. */
import type { SlashCommand } from "../core/types.ts";
import { approve } from "./approve.ts";
import { audit } from "./audit.ts";
import { events } from "./events.ts";
import { help } from "./help.ts";
import { invoke } from "./invoke.ts";
import { model } from "./model.ts";
import { need } from "./need.ts";
import { plugins } from "./plugins.ts";
import { policy } from "./policy.ts";
import { quit } from "./quit.ts";
import { reject } from "./reject.ts";
import { replay } from "./replay.ts";
import { revert } from "./revert.ts";
import { rollback } from "./rollback.ts";
import { run } from "./run.ts";
import { show } from "./show.ts";
import { slo } from "./slo.ts";
import { synthesize } from "./synthesize.ts";

export const allCommands: readonly SlashCommand[] = [
  help, need, synthesize, run, invoke, plugins, show, approve, reject, rollback, revert, audit, replay, slo, events, policy, model, quit,
];
