import { EventLogError } from "./errors.ts";

/** Subjects name aggregates: `capsmith.evt.<aggregate>.<id>`. Filters use NATS wildcards. */
export const SUBJECT_PREFIX = "capsmith.evt";
export const ALL_EVENTS = `${SUBJECT_PREFIX}.>`;

const TOKEN = /^[A-Za-z0-9_\-:]+$/;

export function subjectFor(aggregate: string, id: string): string {
  const subject = `${SUBJECT_PREFIX}.${aggregate}.${id}`;
  assertSubject(subject);
  return subject;
}

/** Whether `subject` is one an event can be on: no wildcard, every token well formed. */
export function isSubject(subject: string): boolean {
  const tokens = subject.split(".");
  return subject.startsWith(`${SUBJECT_PREFIX}.`) && tokens.length >= 4 && tokens.every((t) => TOKEN.test(t));
}

export function assertSubject(subject: string): void {
  if (!isSubject(subject)) {
    throw new EventLogError("invalid_subject", `invalid event subject "${subject}"`, {
      nextStep: `Use ${SUBJECT_PREFIX}.<aggregate>.<id> with letters, digits, _ - : in each token.`,
    });
  }
}

export function assertFilter(filter: string): void {
  const tokens = filter.split(".");
  const ok = tokens.every((t, i) => t === "*" || (t === ">" && i === tokens.length - 1) || TOKEN.test(t));
  if (!ok || !filter.startsWith(`${SUBJECT_PREFIX}.`)) {
    throw new EventLogError("invalid_subject", `invalid subject filter "${filter}"`, {
      nextStep: `Use NATS wildcards under ${SUBJECT_PREFIX}, e.g. ${SUBJECT_PREFIX}.plugin.* or ${ALL_EVENTS}.`,
    });
  }
}

/** NATS semantics: `*` matches one token, a trailing `>` matches one or more. */
export function subjectMatches(filter: string, subject: string): boolean {
  if (filter === subject) return true;
  const f = filter.split(".");
  const s = subject.split(".");
  for (let i = 0; i < f.length; i++) {
    const t = f[i];
    if (t === ">") return s.length > i;
    if (i >= s.length) return false;
    if (t !== "*" && t !== s[i]) return false;
  }
  return f.length === s.length;
}

/** A filter compiled once for a scan: `a.b.>` becomes a prefix test, others the general match. */
export function compileFilter(filter: string): (subject: string) => boolean {
  const tokens = filter.split(".");
  const literalPrefix = tokens.slice(0, -1).every((t) => t !== "*" && t !== ">");
  if (tokens[tokens.length - 1] === ">" && literalPrefix) {
    const prefix = filter.slice(0, -1);
    return (subject) => subject.startsWith(prefix) && subject.length > prefix.length;
  }
  return (subject) => subjectMatches(filter, subject);
}
