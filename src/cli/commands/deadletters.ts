import type { Command } from "commander";
import { AGENT_ROLES, handBack, isAgentRole, readDeadLetters, redriveFor, RedriveError } from "../../agents/index.ts";
import type { AgentRole, DeadLetter } from "../../agents/index.ts";
import type { ReadModel } from "../../../projections/index.ts";
import { safeText } from "../../terminal/index.ts";
import { action } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { withCapsmith, withReader } from "../capsmith-access.ts";
import { SUMMARIES } from "./summaries.ts";

const MAX_NOTE = 2_000;

interface Listed extends DeadLetter {
  /** For an open letter: whether its event can be handed back, and why not. */
  handBack: { ok: boolean; code?: string; reason?: string } | null;
}

export function registerDeadletters(program: Command): void {
  const deadletters = program.command("deadletters").description(SUMMARIES.deadletters);
  deadletters
    .command("list")
    .description("open dead letters (not yet redriven): role, event, attempts, error, and whether each can be handed back")
    .option("--role <role>", `only this agent role's (${AGENT_ROLES.join("|")})`)
    .option("--all", "redriven letters too, with who redrove them, when, and the note", false)
    .action(
      action(async (ctx, opts: { role?: string; all: boolean }) => {
        const role = agentRole(opts.role);
        const letters = await withReader(ctx, async ({ readModel }) => listed(readModel, await readDeadLetters(readModel, role), opts.all));
        const text = letters.length === 0 ? (opts.all ? "no dead letters" : "no open dead letters") : letters.map(letterText).join("\n");
        return { json: { ok: true, letters }, text };
      }),
    );
  deadletters
    .command("redrive")
    .description("hand a dead letter's event back to its role's handler (appends DeadLetterRedriven as the operator)")
    .argument("<id>", "the letter's id (capsmith deadletters list), or its event's id when only one letter has it")
    .option("--note <text>", "why, for the record")
    .option("--role <role>", `the letter's role, where its id names letters of several roles (${AGENT_ROLES.join("|")})`)
    .action(
      action(async (ctx, id: string, opts: { note?: string; role?: string }) => {
        const role = agentRole(opts.role);
        const note = opts.note;
        if (note !== undefined && (note.trim() === "" || note.length > MAX_NOTE)) {
          throw new UsageError("usage", note.trim() === "" ? "--note is empty" : `--note is ${note.length} characters, over ${MAX_NOTE}`, { nextStep: "Give a short reason, or leave --note out." });
        }
        // No letter is in a log with no records: a mistyped directory (data_dir_missing) or an empty
        // log is refused by a reader, as the letter the writer would not find, before anything is made.
        await withReader(ctx, async ({ log, readModel }) => {
          if ((await log.lastSeq()) === 0) await redriveFor(readModel, id, note, role);
        });
        const done = await withCapsmith(ctx, {}, async ({ log, readModel }) => {
          const { letter, event } = await redriveFor(readModel, id, note, role);
          // Two operators redriving one letter at once may both append: only the first redrive counts.
          const appended = await log.append([event]);
          const redriveId = appended.events[0]!.id;
          // Signed by a key that is not a trusted operator's, it was appended but counts for nothing: say so.
          const now = (await readDeadLetters(readModel, letter.role)).find((l) => l.id === letter.id);
          if (now?.redriven?.id !== redriveId) {
            throw new RedriveError(now?.redriven ? "already_redriven" : "redrive_not_counted", now?.redriven ? `dead letter ${letter.id} was redriven by another operator first (seq ${now.redriven.seq})` : `the redrive appended at seq ${appended.seq} counts for nothing: it is not signed by a trusted operator key`, {
              nextStep: now?.redriven ? "Nothing: the event goes back once, for the first redrive." : "Sign as an operator: set CAPSMITH_SIGN_KEY to an operator key (capsmith keys list), then redrive again.",
              details: { redriveId, seq: appended.seq },
            });
          }
          return { letter, seq: appended.seq, redriveId };
        });
        const { letter } = done;
        return {
          json: { ok: true, deadLetterId: letter.id, role: letter.role, eventId: letter.eventId, eventType: letter.eventType, seq: done.seq, redriveId: done.redriveId },
          text: `redrove ${letter.id} at seq ${done.seq}: ${letter.eventType} ${letter.eventId} goes back to the ${letter.role} agents (a running daemon of that role takes it)`,
        };
      }),
    );
}

async function listed(readModel: ReadModel, letters: readonly DeadLetter[], all: boolean): Promise<Listed[]> {
  const out: Listed[] = [];
  for (const letter of letters) {
    if (letter.redriven && !all) continue;
    const target = letter.redriven ? null : await handBack(readModel, letter);
    out.push({ ...letter, handBack: target === null ? null : target.ok ? { ok: true } : { ok: false, code: target.code, reason: target.reason } });
  }
  return out;
}

/** The agent role `--role` names; undefined when not given; refused (usage) when it is no agent role. */
function agentRole(role: string | undefined): AgentRole | undefined {
  if (role === undefined) return undefined;
  if (!isAgentRole(role)) throw new UsageError("usage", `--role takes an agent role, not "${role}"`, { nextStep: `Use one of ${AGENT_ROLES.join(", ")}.` });
  return role;
}

/** A letter in two lines; every field a role's key wrote is shown on one line, control characters escaped. */
function letterText(l: Listed): string {
  const one = (text: string): string => safeText(text, { oneLine: true });
  const head = one(`${l.id}  ${l.role.padEnd(11)} ${l.eventType} ${l.eventId} (seq ${l.eventSeq})  ${l.attempts} attempts  [${l.error.code}] ${l.error.message.split("\n")[0]!.slice(0, 200)}`);
  const r = l.redriven;
  const state = r
    ? `redriven at seq ${r.seq} by ${r.actor}${r.keyId ? ` (key ${r.keyId})` : ""} at ${r.time}${r.note ? `: ${r.note}` : ""}`
    : l.handBack?.ok
      ? "can be handed back: capsmith deadletters redrive " + l.id
      : `cannot be handed back: ${l.handBack?.reason ?? "unknown"}`;
  return `${head}\n    ${one(state)}`;
}
