/**
 * Which subjects each agent role follows: the filters of its durable subscriptions, one per subject
 * tree (a durable has one filter). Said here only: every reactor takes its filter from this table
 * (startAgents refuses one that does not), and a dead letter counts only about an event on a subject
 * its role follows (redrive.ts): no agent of the role is handed any other, so none could give up on it.
 */
import { subjectMatches } from "../../events/index.ts";
import type { AgentRole } from "./context.ts";

const GAPS = "capsmith.evt.gap.>";

export const SUBSCRIPTIONS = {
  gap: { gaps: GAPS },
  synthesizer: { gaps: GAPS },
  tester: { gaps: GAPS },
  // Its gap reactor installs; its plugin reactor rolls back what the slo agent quarantined.
  governor: { gaps: GAPS, plugins: "capsmith.evt.plugin.>" },
  slo: { usage: "capsmith.evt.usage.>" },
  // Runs plans in the caller's process: no durable subscription.
  runner: {},
} as const satisfies Record<AgentRole, Readonly<Record<string, string>>>;

/** The filters of `role`'s subscriptions. */
export function followedBy(role: AgentRole): readonly string[] {
  return Object.values(SUBSCRIPTIONS[role]);
}

/** Whether an agent of `role` is ever handed an event on `subject`. */
export function follows(role: AgentRole, subject: string): boolean {
  return followedBy(role).some((filter) => subjectMatches(filter, subject));
}
