/**
 * The session controller: turns what the person types into actions and tells the UI what happened
 * as `ReplEvent`s. One operation runs at a time; Ctrl-C cancels it (its AbortSignal reaches
 * requestCapability and runPlan), a second Ctrl-C exits. Questions (a command asking for examples,
 * an inline approval) take the next line typed. The log is followed live so agent activity shows
 * as it happens, and every input and answer is recorded on the session's subject.
 */
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { tailLog } from "../../agents/index.ts";
import { ALL_EVENTS } from "../../events/index.ts";
import type { HubState } from "../../../projections/index.ts";
import { createActivityTracker } from "./activity.ts";
import { approvalCandidate } from "../../hub/index.ts";
import { decide } from "./approval.ts";
import { complete } from "./completion.ts";
import type { Completion } from "./completion.ts";
import { errorResult } from "./errors.ts";
import type { History } from "./history.ts";
import { plainWords } from "./plain-words.ts";
import { createRegistry, parseLine } from "./registry.ts";
import { sessionRecorder } from "./session-log.ts";
import type { EndReason, InputKind } from "./session-log.ts";
import type { Activity, BackendChoice, CommandContext, CommandResult, Question, ReplEvent, Services, SessionInfo, SlashCommand, UiPort } from "./types.ts";

export interface SessionOptions {
  services: Services;
  commands: readonly SlashCommand[];
  history: History;
  mode: "interactive" | "print";
  hostVersion: string;
  /** The backend and model gaps use; shared with whoever else follows them (the llm backend). */
  settings?: { backend: BackendChoice; model: string };
  /** Follow the log for agent activity (default: in interactive mode). */
  follow?: boolean;
  /** Offer approval prompts inline when a plugin waits for an operator (default: in interactive mode). */
  inlineApprovals?: boolean;
}

export interface Session {
  readonly id: string;
  subscribe(listener: (event: ReplEvent) => void): () => void;
  /** Records SessionStarted and starts following the log. */
  start(): Promise<void>;
  /** A line the person typed: a command, plain words, or the answer to the question shown. */
  submit(line: string): void;
  /** Ctrl-C. */
  interrupt(): void;
  complete(line: string): Completion;
  history(): readonly string[];
  /** Runs one line to its result (what `capsmith -p` does). */
  execute(line: string): Promise<CommandResult>;
  close(reason: EndReason): Promise<void>;
  /** Settles when the session ends, with why. */
  readonly ended: Promise<EndReason>;
}

interface Pending {
  question: Question;
  resolve(answer: string | null): void;
}

export function createSession(options: SessionOptions): Session {
  const { services, history } = options;
  const interactive = options.mode === "interactive";
  const id = services.newId();
  const registry = createRegistry(options.commands);
  const recorder = sessionRecorder(services.log, id);
  const tracker = createActivityTracker();
  const listeners = new Set<(e: ReplEvent) => void>();
  const questions: Pending[] = [];
  const settings = options.settings ?? { backend: "auto" as BackendChoice, model: "" };
  const tail = new AbortController();
  const prompted = new Set<string>();
  let current: { controller: AbortController; done: Promise<void> } | null = null;
  /** Lines entered while a request ran, in order; each runs when the one before it ends. */
  const typedAhead: string[] = [];
  let exitArmed = false;
  let tailSeq = 0;
  let following = false;
  let closed = false;
  let names: { capabilities: string[]; pluginIds: string[] } = { capabilities: [], pluginIds: [] };
  let endWith!: (reason: EndReason) => void;
  const ended = new Promise<EndReason>((r) => (endWith = r));

  // Events before the UI subscribes wait for it, so nothing said at start is lost.
  const backlog: ReplEvent[] = [];
  const emit = (event: ReplEvent): void => {
    if (listeners.size === 0) backlog.push(event);
    for (const l of listeners) l(event);
  };
  const record = (p: Promise<void>): void => void p.catch(() => undefined);

  function uiFor(signal: AbortSignal): UiPort {
    return {
      interactive,
      ask(question) {
        if (!interactive || signal.aborted || closed) return Promise.resolve(null);
        return new Promise((resolve) => {
          const pending: Pending = { question, resolve };
          const onAbort = (): void => answer(pending, null);
          signal.addEventListener("abort", onAbort, { once: true });
          pending.resolve = (a) => {
            signal.removeEventListener("abort", onAbort);
            resolve(a);
          };
          questions.push(pending);
          if (questions.length === 1) emit({ type: "question", question });
        });
      },
      show(result) {
        emit({ type: "output", result });
        record(recorder.output(result));
      },
      line: (text) => emit({ type: "event_line", text }),
      activity: (activity) => emit({ type: "activity", activity }),
    };
  }

  function answer(pending: Pending, text: string | null): void {
    const i = questions.indexOf(pending);
    if (i < 0) return;
    questions.splice(i, 1);
    emit({ type: "question_closed" });
    if (questions[0]) emit({ type: "question", question: questions[0].question });
    pending.resolve(text);
  }

  function contextFor(controller: AbortController): CommandContext {
    const session: SessionInfo = {
      id,
      commands: registry.commands,
      signal: controller.signal,
      get backend() {
        return settings.backend;
      },
      set backend(v) {
        settings.backend = v;
      },
      get model() {
        return settings.model;
      },
      set model(v) {
        settings.model = v;
      },
    };
    return { services, ui: uiFor(controller.signal), session };
  }

  async function refreshNames(): Promise<HubState | undefined> {
    try {
      const state = await services.hub.state();
      names = { capabilities: Object.keys(state.capabilities).sort(), pluginIds: Object.keys(state.plugins).sort() };
      return state;
    } catch {
      return undefined;
    }
  }

  async function run(line: string, controller: AbortController): Promise<CommandResult> {
    const parsed = parseLine(line);
    const ctx = contextFor(controller);
    try {
      if (parsed.kind === "words") {
        const state = (await refreshNames()) ?? { capabilities: {}, plugins: {} };
        return await plainWords(ctx, parsed.args, state as HubState);
      }
      const command = registry.find(parsed.name);
      if (!command) {
        const similar = registry.similar(parsed.name);
        return { type: "error", code: "unknown_command", message: `there is no /${parsed.name}`, nextStep: similar.length ? `Did you mean ${similar.map((n) => `/${n}`).join(" or ")}? /help lists every command.` : "/help lists every command." };
      }
      return await command.run(ctx, parsed.args);
    } catch (err) {
      if (controller.signal.aborted) return { type: "error", code: "cancelled", message: `cancelled: ${line}`, nextStep: "Work already on the log goes on in the agents; /events shows it." };
      return errorResult(err);
    }
  }

  function kindOf(line: string): InputKind {
    return parseLine(line).kind === "command" ? "command" : "words";
  }

  function startOperation(line: string, body: (controller: AbortController) => Promise<void>): void {
    const controller = new AbortController();
    emit({ type: "busy", label: line });
    const done = body(controller).finally(() => {
      current = null;
      emit({ type: "idle" });
      // Type-ahead: a line entered while this ran goes next, as in a shell.
      const next = typedAhead.shift();
      if (next !== undefined && !closed) session.submit(next);
    });
    current = { controller, done };
  }

  /** Waits (briefly) until the tail has shown what is on the log now, so an answer follows its activity. */
  async function caughtUp(): Promise<void> {
    if (!following) return;
    const target = await services.log.lastSeq().catch(() => 0);
    for (let waited = 0; tailSeq < target && waited < 2_000 && !tail.signal.aborted; waited += 25) await new Promise((r) => setTimeout(r, 25));
  }

  function onActivity(activity: Activity): void {
    emit({ type: "activity", activity });
    if (activity.type === "outcome") void refreshNames();
    if (activity.type === "approval" && (options.inlineApprovals ?? interactive) && !prompted.has(activity.gapId)) {
      prompted.add(activity.gapId);
      // The approval runs beside whatever else is going on; its questions queue with the others.
      const controller = new AbortController();
      tail.signal.addEventListener("abort", () => controller.abort(), { once: true });
      const ctx = contextFor(controller);
      void approvalCandidate(services.readModel, activity.gapId)
        .then((c) => decide(ctx, c))
        .catch((err: unknown) => errorResult(err))
        .then((result) => ctx.ui.show(result));
    }
  }

  const session: Session = {
    id,
    subscribe(listener) {
      listeners.add(listener);
      for (const e of backlog.splice(0)) listener(e);
      return () => listeners.delete(listener);
    },

    async start() {
      await recorder.started(options.mode, options.hostVersion, services.llmConfigured);
      await refreshNames();
      emit({ type: "started", sessionId: id, where: services.where, llm: services.llmConfigured, backend: settings.backend });
      if (options.follow ?? interactive) {
        const from = (await services.log.lastSeq()) + 1;
        tailSeq = from - 1;
        following = true;
        void tailLog(services.readModel, ALL_EVENTS, { fromSeq: from, signal: tail.signal }, (event) => {
          tailSeq = event.seq;
          if (event.subject.startsWith("capsmith.evt.session.")) return;
          for (const activity of tracker.apply(event)) onActivity(activity);
        }).catch(() => undefined);
      }
    },

    submit(line) {
      if (closed) return;
      exitArmed = false;
      const head = questions[0];
      if (head) {
        const text = line.trim();
        const choices = head.question.choices;
        if (choices && !choices.includes(text.toLowerCase())) {
          emit({ type: "hint", text: `Answer ${choices.join(", ")} (Ctrl-C to cancel).` });
          return;
        }
        emit({ type: "input", text, answer: true });
        record(recorder.input("answer", text));
        answer(head, choices ? text.toLowerCase() : text);
        return;
      }
      if (line.trim() === "") return;
      if (current) {
        typedAhead.push(line);
        emit({ type: "hint", text: `Queued "${line.length > 40 ? `${line.slice(0, 39)}…` : line}": it runs when the current request ends (Ctrl-C cancels that one).` });
        return;
      }
      void history.add(line);
      emit({ type: "input", text: line, answer: false });
      record(recorder.input(kindOf(line), line));
      startOperation(line, async (controller) => {
        const result = await run(line, controller);
        await caughtUp();
        emit({ type: "output", result });
        record(recorder.output(result));
        void refreshNames();
        if (result.type === "prompt") emit({ type: "suggest", text: result.suggestion });
        if (result.type === "quit") queueMicrotask(() => void session.close("quit"));
      });
    },

    interrupt() {
      if (closed) return;
      const head = questions[0];
      if (head) {
        emit({ type: "hint", text: "Cancelled." });
        answer(head, null);
        return;
      }
      if (current && !current.controller.signal.aborted) {
        typedAhead.length = 0; // cancelling stops what was queued behind it too
        current.controller.abort();
        exitArmed = true;
        emit({ type: "hint", text: "Cancelling… (Ctrl-C again exits)" });
        return;
      }
      if (exitArmed) {
        void session.close("interrupt");
        return;
      }
      exitArmed = true;
      emit({ type: "hint", text: "Press Ctrl-C again to exit (or type /quit)." });
    },

    complete(line) {
      return complete(line, { commands: registry.commands, ...names, files: listFiles });
    },

    history: () => history.entries(),

    async execute(line) {
      record(recorder.input(kindOf(line), line));
      const controller = new AbortController();
      const abort = (): void => controller.abort();
      tail.signal.addEventListener("abort", abort, { once: true });
      const result = await run(line, controller);
      await caughtUp();
      tail.signal.removeEventListener("abort", abort);
      await recorder.output(result).catch(() => undefined);
      return result;
    },

    async close(reason) {
      if (closed) return;
      closed = true;
      tail.abort();
      for (const q of [...questions]) answer(q, null);
      if (current) {
        current.controller.abort();
        // Let the cancelled operation finish its own appends before the log is closed under it.
        await Promise.race([current.done, new Promise((r) => setTimeout(r, 5_000))]);
      }
      await recorder.ended(reason).catch(() => undefined);
      emit({ type: "exit" });
      endWith(reason);
    },

    ended,
  };
  return session;
}

/** JSON files and directories for completing a path argument. */
function listFiles(prefix: string): string[] {
  const dir = prefix.includes("/") ? dirname(prefix + "x") : ".";
  const base = prefix.includes("/") ? prefix.slice(prefix.lastIndexOf("/") + 1) : prefix;
  const shown = prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/") + 1) : "";
  try {
    return readdirSync(dir)
      .filter((f) => f.startsWith(base) && !f.startsWith("."))
      .flatMap((f) => {
        const isDir = statSync(join(dir, f)).isDirectory();
        return isDir ? [`${shown}${f}/`] : f.endsWith(".json") ? [`${shown}${f}`] : [];
      });
  } catch {
    return [];
  }
}
