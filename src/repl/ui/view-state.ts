/**
 * What the screen shows, folded from the session's events: finished items (rendered once, with
 * Ink's Static), the live lines of agents still working, the question being asked, and hints.
 * A pure reducer: the UI switches on event types and decides nothing else.
 */
import type { Activity, CommandResult, Question, ReplEvent } from "../core/types.ts";

export type Item =
  | { id: number; kind: "banner"; sessionId: string; where: string; llm: boolean; backend: string }
  | { id: number; kind: "input"; text: string; answer: boolean }
  | { id: number; kind: "output"; result: CommandResult }
  | { id: number; kind: "activity"; activity: Activity }
  | { id: number; kind: "line"; text: string };

type NewItem = Item extends infer T ? (T extends Item ? Omit<T, "id"> : never) : never;

export interface ViewState {
  done: Item[];
  live: Activity[];
  busy: string | null;
  question: Question | null;
  hint: string | null;
  /** A command suggested for the input line; `n` changes each time so the same text applies again. */
  suggestion: { text: string; n: number } | null;
  exited: boolean;
  nextId: number;
}

export const initialView: ViewState = { done: [], live: [], busy: null, question: null, hint: null, suggestion: null, exited: false, nextId: 1 };

function push(state: ViewState, ...items: NewItem[]): ViewState {
  const added = items.map((item, i) => ({ ...item, id: state.nextId + i }) as Item);
  return { ...state, done: [...state.done, ...added], nextId: state.nextId + added.length };
}

type Progress = Extract<Activity, { state: "working" | "done" | "failed" }>;

function liveActivity(state: ViewState, a: Progress): ViewState {
  const before = state.live.find((x) => x.key === a.key) as Progress | undefined;
  const rest = state.live.filter((x) => x.key !== a.key);
  if (a.state === "working") {
    // The same work moving to its next agent: what the last one did is finished, show it once.
    const next = { ...state, live: [...rest, a] };
    const moved = before?.type === "agent" && a.type === "agent" && before.agent !== a.agent;
    return before && moved ? push(next, { kind: "activity", activity: { ...before, state: "done" } }) : next;
  }
  return push({ ...state, live: rest }, { kind: "activity", activity: a });
}

export function reduce(state: ViewState, event: ReplEvent): ViewState {
  switch (event.type) {
    case "started":
      return push(state, { kind: "banner", sessionId: event.sessionId, where: event.where, llm: event.llm, backend: event.backend });
    case "input":
      return push({ ...state, hint: null }, { kind: "input", text: event.text, answer: event.answer });
    case "output":
      return push(state, { kind: "output", result: event.result });
    case "busy":
      return { ...state, busy: event.label, hint: null };
    case "idle":
      // Plan-step lines belong to the operation that just ended.
      return { ...state, busy: null, live: state.live.filter((a) => a.type !== "step") };
    case "activity": {
      const a = event.activity;
      if (a.type === "outcome") return push(state, { kind: "activity", activity: a });
      if (a.type === "approval") return push(state, { kind: "activity", activity: a });
      return liveActivity(state, a);
    }
    case "event_line":
      return push(state, { kind: "line", text: event.text });
    case "question":
      return { ...state, question: event.question, hint: null };
    case "question_closed":
      return { ...state, question: null };
    case "hint":
      return { ...state, hint: event.text };
    case "suggest":
      return { ...state, suggestion: { text: event.text, n: (state.suggestion?.n ?? 0) + 1 } };
    case "exit":
      return { ...state, exited: true, live: [], busy: null, question: null };
  }
}
