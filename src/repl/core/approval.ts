/**
 * Approvals at the REPL: what is waiting for an operator (gaps `awaiting_approval`), everything a
 * person needs to decide (plugin, permissions, test report, a diff against the active version),
 * and the signed approval or the rejection. Approving needs a trusted operator key; when there is
 * none the person is offered one.
 */
import { subjectFor } from "../../events/index.ts";
import { approvePlugin, rejectPlugin } from "../../hub/index.ts";
import type { ApprovalCandidate, RejectionTarget, SigningKey } from "../../hub/index.ts";
import { lineDiff } from "./line-diff.ts";
import type { CommandContext, CommandResult } from "./types.ts";

export type Candidate = ApprovalCandidate;

/** The short card shown with the y/n/details question. */
export function summary(c: Candidate): string {
  const report = c.testReport as { passed?: number; failed?: number; deterministic?: boolean } | null;
  const perms = Object.keys(c.permissions).length ? JSON.stringify(c.permissions) : "none declared";
  return [
    `${c.pluginId} waits for your approval${c.pending ? "" : " (installed; approval raises its tier)"}`,
    `  why:         ${c.reasons.join("; ") || "policy"}`,
    `  profile:     ${c.profile}`,
    `  permissions: ${perms}`,
    `  tests:       ${report ? `${report.passed ?? 0} passed, ${report.failed ?? 0} failed${report.deterministic === false ? ", NOT deterministic" : ""}` : "no report"}`,
    `  active now:  ${c.activeId ?? "none"}`,
  ].join("\n");
}

/** The full details: each test case and the diff against the active version (or the whole code). */
export function details(c: Candidate): string {
  const cases = ((c.testReport?.["cases"] as Record<string, unknown>[] | undefined) ?? []).map((x) => `  ${x["ok"] ? "✓" : "✗"} ${String(x["name"] ?? "case")}`);
  const diff = c.activeCode !== null ? lineDiff(c.activeCode, c.code) : c.code.replace(/\n$/, "").split("\n").map((l) => `+ ${l}`);
  return [
    "test report:",
    ...(cases.length ? cases : ["  (no cases)"]),
    c.activeId ? `diff against ${c.activeId}:` : "code (no active version to compare with):",
    ...diff.map((l) => `  ${l}`),
  ].join("\n");
}

/** A trusted operator key from the local key store; offers to create one when there is none. */
export async function operatorKey(ctx: CommandContext): Promise<SigningKey | CommandResult> {
  const trusted = await ctx.services.readModel.state("keys");
  const local = (await ctx.services.keys.list()).filter((k) => k.role === "operator");
  const usable = local.find((k) => trusted.keys[k.keyId] && !trusted.keys[k.keyId]!.revoked);
  if (usable) return ctx.services.keys.load(usable.name);
  const next = "Create one with capsmith keys generate NAME --role operator --trust.";
  if (!ctx.ui.interactive) return { type: "error", code: "needs_person", message: "approving needs a trusted operator key, and there is none here", nextStep: next };
  const answer = await ctx.ui.ask({ text: "There is no trusted operator key here. Create and trust operator key \"operator\" now?", choices: ["y", "n"] });
  if (answer !== "y") return { type: "error", code: "cancelled", message: "no operator key; nothing approved", nextStep: next };
  const name = local.some((k) => k.name === "operator") ? `operator-${ctx.services.newId().slice(-8)}` : "operator";
  const key = await ctx.services.keys.generate(name, "operator");
  const subject = subjectFor("key", key.keyId);
  const head = await ctx.services.log.subjectHead(subject);
  await ctx.services.log.append([{ type: "KeyTrusted", subject, actor: "operator", data: { keyId: key.keyId, publicKey: key.publicKey, name: key.name, role: key.role } }], { expectedSubjectSeq: head?.seq ?? 0 });
  ctx.ui.show({ type: "message", tone: "info", text: `created and trusted operator key ${name} (${key.keyId}) in ${ctx.services.keys.dir}` });
  return key;
}

export async function approve(ctx: CommandContext, c: Candidate, note?: string): Promise<CommandResult> {
  const key = await operatorKey(ctx);
  if (!("keyId" in key && "privateKey" in key)) return key as CommandResult;
  const { seq } = await approvePlugin(ctx.services.log, ctx.services.readModel, { pluginId: c.pluginId, checksum: c.checksum, pending: c.pending }, key, note);
  return { type: "message", tone: "success", text: `approved ${c.pluginId} with key ${key.name} (${key.keyId}) at seq ${seq}${c.pending ? "; the governor installs it next" : ""}` };
}

export async function reject(ctx: CommandContext, c: RejectionTarget, reasons: string[]): Promise<CommandResult> {
  const { seq } = await rejectPlugin(ctx.services.log, { pluginId: c.pluginId, pending: c.pending }, reasons);
  return { type: "message", tone: "warning", text: `rejected ${c.pluginId} at seq ${seq}: ${reasons.join("; ")}` };
}

/** The inline prompt: the card, then y / n / details until the person decides (or cancels). */
export async function decide(ctx: CommandContext, c: Candidate): Promise<CommandResult> {
  ctx.ui.show({ type: "message", tone: "warning", text: summary(c) });
  for (;;) {
    const answer = await ctx.ui.ask({ text: `Approve ${c.pluginId}? y = approve, n = reject, d = details`, choices: ["y", "n", "d", "details"] });
    if (answer === null) return { type: "message", tone: "info", text: `left ${c.pluginId} waiting; decide later with /approve ${c.pluginId} or /reject ${c.pluginId}` };
    if (answer === "d" || answer === "details") {
      ctx.ui.show({ type: "message", text: details(c) });
      continue;
    }
    if (answer === "y") return approve(ctx, c);
    const why = await ctx.ui.ask({ text: "Why reject it? (one line; kept in the audit trail)", placeholder: "rejected at the REPL" });
    if (why === null) return { type: "message", tone: "info", text: `left ${c.pluginId} waiting` };
    return reject(ctx, c, [why.trim() || "rejected at the REPL"]);
  }
}
