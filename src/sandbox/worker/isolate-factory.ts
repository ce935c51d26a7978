/**
 * Makes plugin isolates. The plugin-independent setup (bootstrap-env.ts: hardened globals, tracked
 * promises, every intrinsic frozen) runs once per worker into a V8 snapshot, so a new isolate
 * starts from it in about a millisecond instead of re-running it. A few spare isolates of the
 * default size are kept made ahead of need.
 *
 * V8 still changes a handful of builtins while it makes a context from a snapshot (flag-gated
 * features such as `RegExp.escape`), and a frozen one there aborts the process, so those must be
 * frozen later: the first worker finds them by describing the object graph before a snapshot and
 * again in a context made from it (`probeSkipPaths`), and the host hands the answer to later
 * workers.
 */
import ivm from "isolated-vm";
import { MAX_GENERATED_CHARS } from "../generated-code.ts";
import { sandboxCalls } from "./bootstrap-calls.ts";
import type { Dispatch, HostCall, Settle } from "./bootstrap-calls.ts";
import { sandboxEnvironment } from "./bootstrap-env.ts";
import { promiseTracking } from "./bootstrap-promises.ts";
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
const sandboxEnvironment = ${sandboxEnvironment.toString()};
const sandboxCalls = ${sandboxCalls.toString()};
const env = sandboxEnvironment(${allowCodegen}, ${JSON.stringify(skipPaths)}, { intrinsicRoots, resolvePath, promiseTracking, codegen: ${allowCodegen ? "globalThis.__capsmith_codegen" : "undefined"}, maxGeneratedChars: ${MAX_GENERATED_CHARS} });
globalThis.__capsmith_init = function (hostCall, settle, configJson) {
  delete globalThis.__capsmith_init;
  return sandboxCalls(env, hostCall, settle, configJson);
};
})();`;
}

/**
 * Run once on a throwaway context while the snapshot is made, so the bootstrap's own functions
 * are compiled already in every isolate made from it (what it leaves behind is not kept).
 */
const WARMUP = `(function () {
const config = { factorySource: "(function (t) { \\"use strict\\"; return async (x) => ({ y: [x, Date.now(), Math.random()] }); })", freezeInput: true, maxResultChars: 1000, maxLogLines: 1, maxLogChars: 10, maxHostArgChars: 1000, maxStringChars: 1000, maxDepth: 8 };
const dispatch = globalThis.__capsmith_init(() => "O1", () => undefined, JSON.stringify(config));
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
/** Spares are made once the worker has been quiet this long, so making one never delays a call. */
const QUIET_MS = 3;

interface Spare {
  isolate: ivm.Isolate;
  context: ivm.Context;
}

export class IsolateFactory {
  private readonly snapshot: ivm.ExternalCopy<ArrayBuffer>;
  private readonly spares: Spare[] = [];
  private refill: NodeJS.Timeout | undefined;

  readonly skipPaths: readonly string[];
  /** Whether a call is in progress in this worker (no spare is made then). */
  busy: () => boolean = () => false;

  constructor(skipPaths: readonly string[]) {
    this.skipPaths = skipPaths;
    this.snapshot = ivm.Isolate.createSnapshot([{ code: environmentScript(false, skipPaths), filename: "capsmith:bootstrap" }], WARMUP);
    this.scheduleRefill();
  }

  /** A plugin's isolate with its factory compiled and `dispatch` ready; throws if the plugin does not compile. */
  create(memoryMB: number, allowCodegen: boolean, hostCall: HostCall, settle: Settle, configJson: string, codegen?: Codegen): PluginContext {
    const spare = allowCodegen ? undefined : this.take(memoryMB);
    const isolate = spare?.isolate ?? new ivm.Isolate({ memoryLimit: memoryMB, ...(allowCodegen ? {} : { snapshot: this.snapshot }) });
    try {
      const context = spare?.context ?? isolate.createContextSync();
      if (allowCodegen) {
        if (!codegen) throw new Error("code generation is allowed but no compiler was given for it");
        // The bootstrap takes it from the global object and deletes it before any plugin code runs.
        context.global.setSync("__capsmith_codegen", new ivm.Callback(codegen));
        context.evalSync(environmentScript(true, []), { timeout: 5_000, filename: "capsmith:bootstrap" });
      }
      const init = context.global.getSync("__capsmith_init", { reference: true }) as ivm.Reference<(h: HostCall, s: Settle, c: string) => Dispatch>;
      const dispatch = init.applySync(undefined, [new ivm.Callback(hostCall) as never, new ivm.Callback(settle) as never, configJson], { result: { reference: true }, timeout: 5_000 }) as unknown as ivm.Reference<Dispatch>;
      init.release();
      return { isolate, dispatch };
    } catch (err) {
      if (!isolate.isDisposed) isolate.dispose();
      throw err;
    } finally {
      this.scheduleRefill();
    }
  }

  dispose(): void {
    if (this.refill) clearTimeout(this.refill);
    for (const s of this.spares.splice(0)) if (!s.isolate.isDisposed) s.isolate.dispose();
  }

  /** A spare of the default size (isolate and context made ahead), if one is ready. */
  private take(memoryMB: number): Spare | undefined {
    if (memoryMB !== DEFAULT_MEMORY_MB) return undefined;
    const spare = this.spares.pop();
    return spare && !spare.isolate.isDisposed ? spare : undefined;
  }

  /** Makes spares once the worker has been quiet a moment (any new isolate restarts the wait). */
  private scheduleRefill(): void {
    if (this.refill) clearTimeout(this.refill);
    this.refill = undefined;
    if (this.spares.length >= SPARES) return;
    this.refill = setTimeout(() => {
      this.refill = undefined;
      if (this.busy()) return this.scheduleRefill();
      const isolate = new ivm.Isolate({ memoryLimit: DEFAULT_MEMORY_MB, snapshot: this.snapshot });
      this.spares.push({ isolate, context: isolate.createContextSync() });
      this.scheduleRefill();
    }, QUIET_MS);
    this.refill.unref();
  }
}
