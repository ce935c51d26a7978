// One spec of the synthesis bench (bench/synthesis.ts), run inside the bench's worker thread
// (bench/_synthesis-worker.ts) so the parent can stop it at a wall-clock deadline: search with the
// `example` backend, answer its questions with the set's reference programs (`--answer`), then run
// the produced plugin on the held-out tests. `onStage` is told each stage as it starts, so a spec
// stopped at its deadline can say which stage never finished.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { jsonEqual, parseSpec } from "../src/spec/index.ts";
import { createExampleBackend, offeredOutputs, threadCpuMs } from "../src/agents/synthesizer/index.ts";

export type Stage = "search" | "person" | "plugin";

export interface Row {
  task: string;
  status: "solved" | "overfit" | "ambiguous" | "unsolved" | "error" | "timeout";
  /** CPU time of the bench's thread for this spec up to the plugin's run: the searches' (what the budget counts, or whose work) and the person's. */
  ms: number;
  wallMs: number;
  size: number | string;
  candidates: number | string;
  note: string;
  /** Questions answered before this result (`--answer`). */
  answered?: number;
  /** For an ambiguous result: whether the reading the backend would choose passes the held-out tests. */
  firstRight?: boolean;
  /** The stage a spec stopped at its deadline was in (status "timeout"). */
  stage?: Stage;
}

export interface SpecJob {
  dir: string;
  file: string;
  budgetMs: number;
  allExamples: boolean;
  maxAnswers: number;
  /** What the budget counts: the search's work (the default: the same answer under any load), or `--clock cpu` CPU time. */
  clock: "cpu" | "work";
}

/** Kept for the worker's life, as in-process runs did: one backend, one set of reference programs per set. */
const backends = { cpu: createExampleBackend({ clock: "cpu" }), work: createExampleBackend() };
const referencesByDir = new Map<string, Promise<Record<string, (input: unknown) => unknown>>>();

async function loadPlugin(code: string): Promise<(input: unknown, host: unknown) => unknown> {
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) as { default: (input: unknown, host: unknown) => unknown };
  return mod.default;
}

/** The set's reference programs (`DIR.reference.mjs`, one function per capability): the person who answers. */
export function referencePrograms(dir: string): Promise<Record<string, (input: unknown) => unknown>> {
  const file = `${dir.replace(/\/$/, "")}.reference.mjs`;
  let refs = referencesByDir.get(file);
  if (!refs) {
    refs = import(file).then(
      (m) => (m as { reference: Record<string, (input: unknown) => unknown> }).reference,
      (err: unknown) => {
        throw new Error(`--answer needs the set's reference programs in ${file}: ${(err as Error).message}`);
      },
    );
    referencesByDir.set(file, refs);
  }
  return refs;
}

export async function synthesizeSpec(job: SpecJob, onStage: (stage: Stage, task: string) => void): Promise<{ row: Row; code?: string }> {
  const spec = parseSpec(JSON.parse(await readFile(join(job.dir, job.file), "utf8")));
  const answers = job.maxAnswers > 0 ? await referencePrograms(job.dir) : undefined;
  const visible: { examples: typeof spec.examples } & Omit<typeof spec, "examples"> = job.allExamples
    ? { ...spec, examples: [...spec.examples, ...(spec.tests ?? []).map((t) => ({ input: t.input, output: t.output }))], tests: undefined }
    : { ...spec, tests: undefined };
  const budget = { budgetMs: job.budgetMs };
  const t0 = performance.now();
  const c0 = threadCpuMs();
  let answered = 0;
  try {
    // `--answer N`: a person at the REPL answers up to N questions (the reference program's
    // output for the input asked about), each answer a new example with the outputs offered, as `/need` does.
    onStage("search", spec.capability);
    let result = await backends[job.clock].synthesize(visible, budget);
    const person = answers?.[spec.capability];
    while (result.ambiguity && person && answered < job.maxAnswers) {
      const input = result.ambiguity.input;
      onStage("person", spec.capability);
      const output = person(structuredClone(input));
      visible.examples = [...visible.examples, { input, output, offered: offeredOutputs(result.ambiguity) }];
      answered++;
      onStage("search", spec.capability);
      result = await backends[job.clock].synthesize(visible, budget);
    }
    const ms = threadCpuMs() - c0;
    const wallMs = performance.now() - t0;
    onStage("plugin", spec.capability);
    const fn = await loadPlugin(result.code);
    const failed: string[] = [];
    for (const t of spec.tests ?? []) {
      let got: unknown;
      try {
        got = await fn(structuredClone(t.input), {});
      } catch (err) {
        got = `threw ${(err as Error).message}`;
      }
      if (!jsonEqual(got, t.output)) failed.push(t.name);
    }
    const amb = result.ambiguity;
    const note = amb
      ? `asks about ${JSON.stringify(amb.input).slice(0, 80)}: ${amb.readings.map((r) => JSON.stringify(r.output)).join(" or ")} (chosen one ${failed.length ? "wrong" : "right"} on the tests)`
      : failed.length ? `fails ${failed.join(", ")}` : "";
    const status = amb ? "ambiguous" : failed.length ? "overfit" : "solved";
    const row: Row = { task: spec.capability, status, ms, wallMs, size: result.size, candidates: result.candidates, note: (answered ? `after ${answered} answer(s): ` : "") + note, answered };
    return { row: amb ? { ...row, firstRight: failed.length === 0 } : row, code: result.code };
  } catch (err) {
    const e = err as { code?: string; message: string };
    const status = e.code === "no_program_found" ? "unsolved" : "error";
    return { row: { task: spec.capability, status, ms: threadCpuMs() - c0, wallMs: performance.now() - t0, size: "-", candidates: "-", note: (answered ? `after ${answered} answer(s): ` : "") + e.message, answered } };
  }
}
