/**
 * Dead letters and how an operator hands one back. A letter (HandlerDeadLettered) counts only as a
 * real decision of its role: written as that role (and, where signed events are required, signed by
 * a key of that role trusted before it and not revoked at it: rotating the role's key later keeps
 * its open letters), on the role's dead-letter subject, naming an event before it on a subject the
 * role follows (SUBSCRIPTIONS: only such an event is ever handed to an agent of the role, first or
 * again), under an id no earlier letter has (ids are unique: a later copy of a letter's id, by any
 * role, is not one). The event is the log's, not the letter's word: it must be at the letter's seq
 * with its id and type, on the very subject the letter says (no wildcard), so a letter cannot borrow
 * a followed subject for an event on another. A redrive (DeadLetterRedriven) counts only as the operator's: written as the
 * operator (and, where signed events are required, signed by an operator key trusted before it and
 * not revoked at it: a later revocation does not undo a redrive already honoured, in the listing or
 * in the loop), on the set-aside event's own subject. The first redrive that counts is the letter's
 * one: the loop hands the event back for it alone, so copies and second redrives change nothing.
 */
import { eventCatalog, isSubject, subjectFor } from "../../events/index.ts";
import type { AnyStoredEvent, NewEvent } from "../../events/index.ts";
import { keysAsOf } from "../../hub/index.ts";
import { checkEventSignature } from "../../../projections/index.ts";
import type { KeysState, ReadModel } from "../../../projections/index.ts";
import { AGENT_ROLES } from "./context.ts";
import type { AgentRole } from "./context.ts";
import { RedriveError } from "./errors.ts";
import { follows } from "./subscriptions.ts";

export interface Redrive {
  id: string;
  seq: number;
  time: string;
  actor: string;
  keyId: string | null;
  note: string | null;
}

export interface DeadLetter {
  /** The HandlerDeadLettered event's id (what `capsmith deadletters redrive` takes). */
  id: string;
  seq: number;
  time: string;
  role: AgentRole;
  eventId: string;
  eventType: string;
  eventSeq: number;
  subject: string;
  attempts: number;
  error: { code: string; message: string };
  /** The redrive that counts for it, or null while it is open. */
  redriven: Redrive | null;
}

export type HandBack = { ok: true; event: AnyStoredEvent } | { ok: false; code: "event_missing" | "event_not_admitted"; reason: string };

export function isAgentRole(role: string): role is AgentRole {
  return (AGENT_ROLES as readonly string[]).includes(role);
}

/**
 * Every dead letter that counts (of `role` only, when given), oldest first, each with the redrive
 * that counts for it. Letters that do not count (forged, naming an event after them, one the log
 * does not hold where they say, or one on a subject the role does not follow) are left out.
 */
export async function readDeadLetters(readModel: ReadModel, role?: AgentRole): Promise<DeadLetter[]> {
  return (await lettersAndKeys(readModel, role)).letters;
}

/** The letters, and the keys state now they were judged with (for `handBack` to say why an event is refused). */
async function lettersAndKeys(readModel: ReadModel, role?: AgentRole): Promise<{ letters: DeadLetter[]; keys: KeysState }> {
  const { states } = await readModel.current(["keys"]);
  const trust = (seq: number): Readonly<Record<string, KeysState["keys"][string]>> => keysAsOf(states.keys, seq).keys;
  const quarantined = new Set(readModel.quarantined().map((q) => `${q.seq}:${q.hash}`));
  const intact = (e: AnyStoredEvent): boolean => !quarantined.has(`${e.seq}:${e.hash}`);
  // Every role's letters are read, so that an id taken by an earlier letter of another role is seen.
  const candidates: DeadLetter[] = [];
  for await (const e of readModel.log.read("capsmith.evt.deadletter.>")) {
    const letter = intact(e) ? letterOf(e, trust(e.seq), readModel.requireSignedEvents) : undefined;
    if (letter) candidates.push(letter);
  }
  // Then the event each names is looked up (one read per letter of the role; letters are few).
  const taken = new Set<string>();
  const letters: DeadLetter[] = [];
  for (const letter of candidates) {
    const first = !taken.has(letter.id);
    taken.add(letter.id);
    if (first && (!role || letter.role === role) && (await namedEvent(readModel, letter))) letters.push(letter);
  }
  // Redrives are on the set-aside events' subjects: each read once, from its first letter on.
  const firstSeq = new Map<string, number>();
  for (const l of letters) firstSeq.set(l.subject, Math.min(firstSeq.get(l.subject) ?? l.seq, l.seq));
  for (const [subject, fromSeq] of firstSeq) {
    for await (const e of readModel.log.read(subject, { fromSeq: fromSeq + 1 })) {
      if (e.type !== "DeadLetterRedriven" || !intact(e)) continue;
      const data = eventCatalog.DeadLetterRedriven.data.safeParse(e.data);
      if (!data.success) continue;
      const letter = letters.find((l) => l.id === data.data.deadLetterId);
      if (!letter || letter.redriven || !redriveCounts(e, data.data, letter, trust(e.seq), readModel.requireSignedEvents)) continue;
      letter.redriven = { id: e.id, seq: e.seq, time: e.time, actor: e.actor, keyId: e.sig?.keyId ?? null, note: data.data.note ?? null };
    }
  }
  return { letters, keys: states.keys };
}

/** The letter `id` names (its own id, or the set-aside event's), of `role` when given; refused when none does, or more than one. */
export function findDeadLetter(letters: readonly DeadLetter[], id: string, role?: AgentRole): DeadLetter {
  const matches = letters.filter((l) => (l.id === id || l.eventId === id) && (role === undefined || l.role === role));
  if (matches.length === 0) {
    throw new RedriveError("dead_letter_not_found", `no dead letter ${id}`, { nextStep: "Run capsmith deadletters list --all for the ids." });
  }
  if (matches.length > 1) {
    throw new RedriveError("dead_letter_ambiguous", `${id} names ${matches.length} dead letters (${matches.map((l) => l.id).join(", ")})`, {
      nextStep: `Give the letter's own id (the first column of capsmith deadletters list --all), or --role (${[...new Set(matches.map((l) => l.role))].join(", ")}); a letter that shares another's ids may be forged: run capsmith audit verify.`,
      details: { letters: matches.map((l) => l.id) },
    });
  }
  return matches[0]!;
}

/**
 * The set-aside event, when it is on the log where the letter says and the read model admits it now.
 * `keys`: the keys state now, when the caller has read it already (it names a refused event's key).
 */
export async function handBack(readModel: ReadModel, letter: DeadLetter, keys?: KeysState): Promise<HandBack> {
  const found = await namedEvent(readModel, letter);
  if (!found) return { ok: false, code: "event_missing", reason: `event ${letter.eventId} (${letter.eventType}) is not at seq ${letter.eventSeq} on ${letter.subject}` };
  if (!(await readModel.admits(found))) return { ok: false, code: "event_not_admitted", reason: `event ${letter.eventId} is not admitted by this read model (${whyNotAdmitted(keys ?? (await readModel.current(["keys"])).states.keys, found)})` };
  return { ok: true, event: found };
}

/** The events letters name, as found when the letters were judged: handing one back reads it no second time. */
const named = new WeakMap<DeadLetter, AnyStoredEvent>();

/** The event `letter` names: on the log at its seq, with its id and type, on exactly its subject; undefined when there is none. */
async function namedEvent(readModel: ReadModel, letter: DeadLetter): Promise<AnyStoredEvent | undefined> {
  const known = named.get(letter);
  if (known || !isSubject(letter.subject)) return known;
  let found: AnyStoredEvent | undefined;
  for await (const e of readModel.log.read(letter.subject, { fromSeq: letter.eventSeq, untilSeq: letter.eventSeq })) {
    if (e.id === letter.eventId && e.type === letter.eventType && e.subject === letter.subject) found = e;
  }
  if (found) named.set(letter, found);
  return found;
}

/** Why the read model refuses an event: its signing key revoked or never trusted, or else quarantined or unsigned. */
function whyNotAdmitted(keys: KeysState, event: AnyStoredEvent): string {
  const keyId = event.sig?.keyId;
  const key = keyId ? keys.keys[keyId] : undefined;
  if (keyId && !key) return `signed by key ${keyId}, which this hub never trusted`;
  if (key?.revoked) return `signed by key ${keyId}, revoked at seq ${key.revokedSeq}${key.revokedReason ? ` (${key.revokedReason})` : ""}: the decision no longer counts; make it again with a trusted key`;
  return "quarantined, or a decision its role's key did not sign";
}

/**
 * The operator's DeadLetterRedriven for the letter `id` names, on the set-aside event's subject;
 * refused (RedriveError) for an unknown or ambiguous id, a letter already redriven, and an event
 * that is missing or would not be admitted.
 */
export async function redriveFor(readModel: ReadModel, id: string, note?: string, role?: AgentRole): Promise<{ letter: DeadLetter; event: NewEvent }> {
  const { letters, keys } = await lettersAndKeys(readModel);
  const letter = findDeadLetter(letters, id, role);
  if (letter.redriven) {
    throw new RedriveError("already_redriven", `dead letter ${letter.id} was redriven at seq ${letter.redriven.seq} by ${letter.redriven.actor}`, {
      nextStep: "Run capsmith deadletters list --role " + letter.role + ": if the handler failed again, the new letter has its own id.",
    });
  }
  const target = await handBack(readModel, letter, keys);
  if (!target.ok) {
    throw new RedriveError(target.code, `dead letter ${letter.id} cannot be handed back: ${target.reason}`, {
      nextStep: /revoked|never trusted/.test(target.reason)
        ? "Nothing to hand back: the event no longer counts (capsmith keys list shows the key); the decision can be made again with a trusted key."
        : "Run capsmith audit verify: the log may be cut short or edited, or the event forged.",
    });
  }
  const data = { role: letter.role, deadLetterId: letter.id, eventId: letter.eventId, ...(note ? { note } : {}) };
  return { letter, event: { type: "DeadLetterRedriven", subject: letter.subject, actor: "operator", causationId: letter.id, correlationId: target.event.correlationId, data } as NewEvent };
}

export type RedriveTarget = { ok: true; letter: DeadLetter; event: AnyStoredEvent } | { ok: false; reason: string | null };

/**
 * What the loop does with a DeadLetterRedriven delivered to `role`: the event to hand its handler
 * again, when this redrive is the one that counts for a letter of the role (the first, by the
 * operator). `reason` null: another role's redrive, nothing to say.
 */
export async function redriveTarget(readModel: ReadModel, role: AgentRole, redrive: AnyStoredEvent): Promise<RedriveTarget> {
  const data = eventCatalog.DeadLetterRedriven.data.safeParse(redrive.data);
  if (!data.success || data.data.role !== role) return { ok: false, reason: null };
  const { letters, keys } = await lettersAndKeys(readModel, role);
  const letter = letters.find((l) => l.id === data.data.deadLetterId);
  if (!letter) return { ok: false, reason: "it names no dead letter that counts" };
  if (letter.redriven?.id !== redrive.id) return { ok: false, reason: letter.redriven ? `the letter was redriven already (seq ${letter.redriven.seq})` : "it is not an operator's redrive that counts" };
  const target = await handBack(readModel, letter, keys);
  return target.ok ? { ok: true, letter, event: target.event } : { ok: false, reason: target.reason };
}

/** A HandlerDeadLettered that counts, as a letter, judged by the keys as of it; undefined for one that does not. */
function letterOf(e: AnyStoredEvent, keys: KeysState["keys"], signed: boolean): DeadLetter | undefined {
  if (e.type !== "HandlerDeadLettered") return undefined;
  const parsed = eventCatalog.HandlerDeadLettered.data.safeParse(e.data);
  if (!parsed.success) return undefined;
  const d = parsed.data;
  // Its role's own record: written as the role, on the role's subject, about an event before it on a
  // subject (not a wildcard) an agent of the role could have been handed. That the event is there is
  // checked by the caller (namedEvent), once the cheap tests have passed.
  if (!isAgentRole(d.role) || e.actor !== d.role || e.subject !== subjectFor("deadletter", d.role) || d.eventSeq >= e.seq || !isSubject(d.subject) || !follows(d.role, d.subject)) return undefined;
  if (signed) {
    const check = checkEventSignature(e, keys, [d.role]);
    if (!check.ok || keys[check.keyId]!.trustedSeq >= e.seq) return undefined;
  }
  return { id: e.id, seq: e.seq, time: e.time, role: d.role, eventId: d.eventId, eventType: d.eventType, eventSeq: d.eventSeq, subject: d.subject, attempts: d.attempts, error: d.error, redriven: null };
}

/** Whether a DeadLetterRedriven is the operator's redrive of `letter`, judged by the keys as of it. */
function redriveCounts(e: AnyStoredEvent, d: { role: string; eventId: string }, letter: DeadLetter, keysThen: KeysState["keys"], signed: boolean): boolean {
  if (d.role !== letter.role || d.eventId !== letter.eventId || e.subject !== letter.subject || e.seq <= letter.seq || e.actor !== "operator") return false;
  if (!signed) return true;
  // The operator's decision (DECISION_RULES), checked here whatever the rules table says.
  const check = checkEventSignature(e, keysThen, ["operator"]);
  return check.ok && keysThen[check.keyId]!.trustedSeq < e.seq;
}
