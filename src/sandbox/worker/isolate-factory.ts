/**
 * Makes plugin isolates. The plugin-independent setup (bootstrap-env.ts: hardened globals, tracked
 * promises, every intrinsic frozen) runs once per worker into a V8 snapshot, so a new isolate
 * starts from it instead of re-running it. A few spare isolates of the default size are kept made
 * ahead of need, each with its context and the plugin-independent half of the per-isolate setup
 * done (bootstrap-calls.ts: `host`, the last freeze); a load then only compiles the plugin. Spares
 * are made on the worker's thread once it has had no call for a moment.
 *
 * V8 still changes a handful of builtins while it makes a context from a snapshot (flag-gated
 * features such as `RegExp.escape`), and a frozen one there aborts the process, so those must be
 * frozen later: the first worker finds them by describing the object graph before a snapshot and
 * again in a context made from it (`probeSkipPaths`), and the host hands the answer to later
 * workers.
 */
import ivm from "isolated-vm";
import { MAX_GENERATED_CHARS } from "../generated-code.ts";
import { MAX_REGEXP_PROPERTIES } from "../parser.ts";
import { sandboxCalls } from "./bootstrap-calls.ts";
import type { Configure, Dispatch, HostCall, Settle } from "./bootstrap-calls.ts";
import { boundArrays } from "./bootstrap-arrays.ts";
import { sandboxEnvironment } from "./bootstrap-env.ts";
import { boundIntl } from "./bootstrap-intl.ts";
import { boundLongSteps } from "./bootstrap-long-steps.ts";
import { promiseTracking } from "./bootstrap-promises.ts";
import { safeRegExp } from "./bootstrap-regexp.ts";
import { ONE_STEP_LIMITS, boundOneStepBuiltins } from "./bootstrap-steps.ts";
import { describeGraph, intrinsicRoots, resolvePath } from "./intrinsics.ts";

/** The worker's compiler for a plugin's generated code (generated-code.ts, behind the plugin's deadline check). */
export type Codegen = (kind: unknown, params: unknown, body: unknown) => string;

export interface PluginContext {
  isolate: ivm.Isolate;
  dispatch: ivm.Reference<Dispatch>;
}

const HELPERS = `const intrinsicRoots = ${intrinsicRoots.toString()};
const describeGraph = ${describeGraph.toString()};
const resolvePath = ${resolvePath.toString()};`;

function environmentScript(allowCodegen: boolean, skipPaths: readonly string[]): string {
  return `(function () {
"use strict";
${HELPERS}
const promiseTracking = ${promiseTracking.toString()};
const boundOneStepBuiltins = ${boundOneStepBuiltins.toString()};
const boundLongSteps = ${boundLongSteps.toString()};
const boundArrays = ${boundArrays.toString()};
const boundIntl = ${boundIntl.toString()};
const safeRegExp = ${safeRegExp.toString()};
const sandboxEnvironment = ${sandboxEnvironment.toString()};
const sandboxCalls = ${sandboxCalls.toString()};
const env = sandboxEnvironment(${allowCodegen}, ${JSON.stringify(skipPaths)}, { intrinsicRoots, resolvePath, promiseTracking, boundOneStepBuiltins, boundLongSteps, boundArrays, boundIntl, safeRegExp, oneStepLimits: ${JSON.stringify(ONE_STEP_LIMITS)}, codegen: ${allowCodegen ? "globalThis.__capsmith_codegen" : "undefined"}, maxGeneratedChars: ${MAX_GENERATED_CHARS}, maxRegExpProperties: ${MAX_REGEXP_PROPERTIES} });
globalThis.__capsmith_init = function (hostCall, settle) {
  delete globalThis.__capsmith_init;
  return sandboxCalls(env, hostCall, settle);
};
})();`;
}

/**
 * Run once on a throwaway context while the snapshot is made, so the bootstrap's own functions
 * are compiled already in every isolate made from it (what it leaves behind is not kept).
 */
const WARMUP = `(function () {
const config = { factorySource: "(function (t) { \\"use strict\\"; return async (x) => ({ y: [x, Date.now(), Math.random()] }); })", freezeInput: true, maxResultChars: 1000, maxLogLines: 1, maxLogChars: 10, maxHostArgChars: 1000, maxStringChars: 1000, maxDepth: 8 };
const dispatch = globalThis.__capsmith_init(() => "O1", () => undefined)(JSON.stringify(config));
dispatch("run", 1, "{\\"a\\":[1]}", 0, "s");
dispatch("check", 1);
dispatch("end", 1);
})();`;

/** The paths of the objects V8 changes while it makes a context from a snapshot. */
export function probeSkipPaths(): string[] {
  const before = `(function () { ${HELPERS}
globalThis.__capsmith_probe = JSON.stringify(describeGraph(intrinsicRoots(globalThis)));
})();`;
  const snapshot = ivm.Isolate.createSnapshot([{ code: before, filename: "capsmith:probe" }]);
  const isolate = new ivm.Isolate({ memoryLimit: 64, snapshot });
  try {
    const context = isolate.createContextSync();
    const changed = context.evalSync(`(function () { ${HELPERS}
const now = describeGraph(intrinsicRoots(globalThis));
const before = JSON.parse(globalThis.__capsmith_probe);
const changed = [];
for (const path of Object.keys(before)) if (now[path] !== before[path]) changed.push(path);
return JSON.stringify(changed);
})()`) as string;
    return JSON.parse(changed) as string[];
  } finally {
    isolate.dispose();
  }
}

const DEFAULT_MEMORY_MB = 64;
const SPARES = 2;
/**
 * Spares are made once the worker has had no call for this long: making one holds the thread for
 * a few milliseconds, which a call arriving meanwhile would wait for.
 */
const QUIET_MS = 3;
const SETUP_TIMEOUT_MS = 5_000;

/** An isolate with its context and the plugin-independent setup done, waiting for its plugin. */
interface Prepared {
  isolate: ivm.Isolate;
  configure: ivm.Reference<Configure>;
  /** Where the isolate's host calls and settlements go: set when a plugin takes it. */
  route: { hostCall: HostCall; settle: Settle };
}

type InitFn = (h: HostCall, s: Settle) => Configure;

/** Until a plugin takes the isolate: no plugin code has run yet, so nothing can call out. */
const unrouted = {
  hostCall: (): string => {
    throw new Error("the isolate has no plugin yet");
  },
  settle: (): void => undefined,
};

/** Runs the plugin-independent setup; its host calls follow `route`, set once the plugin is known. */
function prepare(isolate: ivm.Isolate, context: ivm.Context): Prepared {
  const route: Prepared["route"] = { ...unrouted };
  const args = [new ivm.Callback((c: number, op: string, a: string) => route.hostCall(c, op, a)), new ivm.Callback((c: number, o: string) => route.settle(c, o))] as unknown as [never, never];
  const init = context.global.getSync("__capsmith_init", { reference: true }) as ivm.Reference<InitFn>;
  const configure = init.applySync(undefined, args, { result: { reference: true }, timeout: SETUP_TIMEOUT_MS }) as unknown as ivm.Reference<Configure>;
  init.release();
  return { isolate, configure, route };
}

export class IsolateFactory {
  private readonly snapshot: ivm.ExternalCopy<ArrayBuffer>;
  private readonly spares: Prepared[] = [];
  private refill: NodeJS.Timeout | undefined;
  private disposed = false;
  private lastCall = 0;

  readonly skipPaths: readonly string[];
  /** Whether a call is in progress in this worker (no spare is made then). */
  busy: () => boolean = () => false;

  /** A call started: spares wait until the worker has been quiet again. */
  noteCall(): void {
    this.lastCall = performance.now();
  }

  constructor(skipPaths: readonly string[]) {
    this.skipPaths = skipPaths;
    this.snapshot = ivm.Isolate.createSnapshot([{ code: environmentScript(false, skipPaths), filename: "capsmith:bootstrap" }], WARMUP);
    this.scheduleRefill();
  }

  /** A plugin's isolate with its factory compiled and `dispatch` ready; throws if the plugin does not compile. */
  create(memoryMB: number, allowCodegen: boolean, hostCall: HostCall, settle: Settle, configJson: string, codegen?: Codegen): PluginContext {
    const spare = allowCodegen ? undefined : this.take(memoryMB);
    let isolate = spare?.isolate;
    try {
      let prepared = spare;
      if (!prepared) {
        isolate = new ivm.Isolate({ memoryLimit: memoryMB, ...(allowCodegen ? {} : { snapshot: this.snapshot }) });
        const context = isolate.createContextSync();
        if (allowCodegen) {
          if (!codegen) throw new Error("code generation is allowed but no compiler was given for it");
          // The bootstrap takes it from the global object and deletes it before any plugin code runs.
          context.global.setSync("__capsmith_codegen", new ivm.Callback(codegen));
          context.evalSync(environmentScript(true, []), { timeout: SETUP_TIMEOUT_MS, filename: "capsmith:bootstrap" });
        }
        prepared = prepare(isolate, context);
      }
      prepared.route.hostCall = hostCall;
      prepared.route.settle = settle;
      const dispatch = prepared.configure.applySync(undefined, [configJson], { result: { reference: true }, timeout: SETUP_TIMEOUT_MS }) as unknown as ivm.Reference<Dispatch>;
      prepared.configure.release();
      return { isolate: prepared.isolate, dispatch };
    } catch (err) {
      if (isolate && !isolate.isDisposed) isolate.dispose();
      throw err;
    } finally {
      this.scheduleRefill();
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.refill) clearTimeout(this.refill);
    for (const s of this.spares.splice(0)) if (!s.isolate.isDisposed) s.isolate.dispose();
  }

  /** A spare of the default size, if one is ready. */
  private take(memoryMB: number): Prepared | undefined {
    if (memoryMB !== DEFAULT_MEMORY_MB) return undefined;
    const spare = this.spares.pop();
    return spare && !spare.isolate.isDisposed ? spare : undefined;
  }

  /** Makes spares once the worker has been quiet a moment (any new isolate restarts the wait). */
  private scheduleRefill(): void {
    if (this.refill) clearTimeout(this.refill);
    this.refill = undefined;
    if (this.disposed || this.spares.length >= SPARES) return;
    const wait = Math.max(QUIET_MS, this.lastCall + QUIET_MS - performance.now());
    this.refill = setTimeout(() => {
      this.refill = undefined;
      if (this.busy() || performance.now() - this.lastCall < QUIET_MS) return this.scheduleRefill();
      this.makeSpare();
    }, wait);
    this.refill.unref();
  }

  /** One spare, made on this thread while the worker is quiet. */
  private makeSpare(): void {
    const isolate = new ivm.Isolate({ memoryLimit: DEFAULT_MEMORY_MB, snapshot: this.snapshot });
    try {
      this.spares.push(prepare(isolate, isolate.createContextSync()));
    } catch {
      // A spare that could not be made is no loss: a load makes its isolate itself.
      if (!isolate.isDisposed) isolate.dispose();
    }
    this.scheduleRefill();
  }
}
