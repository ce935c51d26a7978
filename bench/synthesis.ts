// `npm run bench -- synthesis [DIR] [--budget-ms N] [--only NAME] [--all-examples] [--answer N]`: synthesizes every spec in
// tests/fixtures/specs/dev (or DIR, or $CAPSMITH_SYNTHESIS_TASKS) with the offline `example`
// backend seeing only the examples, then runs the produced plugin on the held-out tests.
// A program that passes the examples but fails a held-out test is an overfit; a program the backend
// reports as ambiguous (other readings of the examples disagree elsewhere) is counted apart, as is
// one it gave up on. Times are the search's CPU time (what the budget counts) and wall time.
// `--all-examples` is the protocol of programming-by-example benchmarks: every constraint (the
// examples and the tests) is an example, and a task is solved when a program fits them all.
// `--answer N` answers up to N of the backend's questions per spec as a person at the REPL would
// (with the set's reference programs, DIR.reference.mjs), each answer a new example; times then
// cover every round.
import { readFile, readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { jsonEqual, parseSpec } from "../src/spec/index.ts";
import { createExampleBackend, offeredOutputs, threadCpuMs } from "../src/agents/synthesizer/index.ts";

interface Row {
  task: string;
  status: "solved" | "overfit" | "ambiguous" | "unsolved" | "error";
  ms: number;
  wallMs: number;
  size: number | string;
  candidates: number | string;
  note: string;
  /** Questions answered before this result (`--answer`). */
  answered?: number;
}

function tasksDir(args: string[]): string {
  const positional = args.find((a, i) => !a.startsWith("--") && !["--budget-ms", "--only"].includes(args[i - 1] ?? ""));
  if (positional) return resolve(positional);
  if (process.env["CAPSMITH_SYNTHESIS_TASKS"]) return resolve(process.env["CAPSMITH_SYNTHESIS_TASKS"]);
  return join(import.meta.dirname, "../tests/fixtures/specs/dev");
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function loadPlugin(code: string): Promise<(input: unknown, host: unknown) => unknown> {
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) as { default: (input: unknown, host: unknown) => unknown };
  return mod.default;
}

/** The set's reference programs (`DIR.reference.mjs`, one function per capability): the person who answers. */
async function referencePrograms(dir: string): Promise<Record<string, (input: unknown) => unknown>> {
  const file = `${dir.replace(/\/$/, "")}.reference.mjs`;
  try {
    return ((await import(file)) as { reference: Record<string, (input: unknown) => unknown> }).reference;
  } catch (err) {
    throw new Error(`--answer needs the set's reference programs in ${file}: ${(err as Error).message}`);
  }
}

export async function run(args: string[]): Promise<void> {
  const dir = tasksDir(args);
  const budgetMs = Number(flag(args, "--budget-ms") ?? 5000);
  const only = flag(args, "--only");
  const allExamples = args.includes("--all-examples");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json") && (!only || f === `${only}.json`)).sort();
  const backend = createExampleBackend();
  const maxAnswers = Number(flag(args, "--answer") ?? 0);
  const answers = maxAnswers > 0 ? await referencePrograms(dir) : undefined;
  const rows: Row[] = [];
  for (const file of files) {
    const spec = parseSpec(JSON.parse(await readFile(join(dir, file), "utf8")));
    const visible: { examples: typeof spec.examples } & Omit<typeof spec, "examples"> = allExamples ? { ...spec, examples: [...spec.examples, ...(spec.tests ?? []).map((t) => ({ input: t.input, output: t.output }))], tests: undefined } : { ...spec, tests: undefined };
    const t0 = performance.now();
    const c0 = threadCpuMs();
    let answered = 0;
    try {
      // `--answer N`: a person at the REPL answers up to N questions (the reference program's
      // output for the input asked about), each answer a new example with the outputs offered, as `/need` does.
      let result = await backend.synthesize(visible, { budgetMs });
      const person = answers?.[spec.capability];
      while (result.ambiguity && person && answered < maxAnswers) {
        const input = result.ambiguity.input;
        visible.examples = [...visible.examples, { input, output: person(structuredClone(input)), offered: offeredOutputs(result.ambiguity) }];
        answered++;
        result = await backend.synthesize(visible, { budgetMs });
      }
      const ms = threadCpuMs() - c0;
      const wallMs = performance.now() - t0;
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
      rows.push({
        task: spec.capability,
        status: amb ? "ambiguous" : failed.length ? "overfit" : "solved",
        ms,
        wallMs,
        size: result.size,
        candidates: result.candidates,
        note: (answered ? `after ${answered} answer(s): ` : "") + (amb
          ? `asks about ${JSON.stringify(amb.input).slice(0, 80)}: ${amb.readings.map((r) => JSON.stringify(r.output)).join(" or ")} (chosen one ${failed.length ? "wrong" : "right"} on the tests)`
          : failed.length ? `fails ${failed.join(", ")}` : ""),
        answered,
      });
      if (args.includes("--code")) console.log(result.code);
    } catch (err) {
      const e = err as { code?: string; message: string };
      rows.push({ task: spec.capability, status: e.code === "no_program_found" ? "unsolved" : "error", ms: threadCpuMs() - c0, wallMs: performance.now() - t0, size: "-", candidates: "-", note: (answered ? `after ${answered} answer(s): ` : "") + e.message, answered });
    }
  }
  print(rows, budgetMs, dir, allExamples, maxAnswers);
}

function print(rows: Row[], budgetMs: number, dir: string, allExamples: boolean, maxAnswers: number): void {
  const w = Math.max(4, ...rows.map((r) => r.task.length));
  console.log(`synthesis bench: ${rows.length} specs from ${dir}, example backend, budget ${budgetMs} ms of search CPU, ${allExamples ? "every constraint an example" : "held-out tests"}`);
  console.log(`${"task".padEnd(w)}  status     cpu_ms  wall_ms  size  candidates  note`);
  for (const r of rows) {
    console.log(`${r.task.padEnd(w)}  ${r.status.padEnd(9)}  ${r.ms.toFixed(0).padStart(6)}  ${r.wallMs.toFixed(0).padStart(7)}  ${String(r.size).padStart(4)}  ${String(r.candidates).padStart(10)}  ${r.note}`);
  }
  const solved = rows.filter((r) => r.status === "solved");
  const times = rows.map((r) => r.ms).sort((a, b) => a - b);
  const median = times.length ? ((times[(times.length - 1) >> 1] as number) + (times[times.length >> 1] as number)) / 2 : 0;
  const p95 = times.length ? (times[Math.min(times.length - 1, Math.ceil(0.95 * times.length) - 1)] as number) : 0;
  // In the benchmarks' own protocol a task is solved by any program that fits every constraint;
  // capsmith still says when other readings of them disagree elsewhere (counted as ambiguous above).
  const asked = rows.filter((r) => (r.answered ?? 0) > 0);
  const answered = maxAnswers > 0 ? `; ${asked.reduce((n, r) => n + (r.answered ?? 0), 0)} questions answered on ${asked.length} specs (up to ${maxAnswers} each)` : "";
  const fitting = allExamples ? `; a program fitting every constraint: ${solved.length + rows.filter((r) => r.status === "ambiguous").length}/${rows.length}` : "";
  console.log(
    `solved ${solved.length}/${rows.length}${allExamples ? "" : " on held-out tests"}; overfit ${rows.filter((r) => r.status === "overfit").length}; ambiguous ${rows.filter((r) => r.status === "ambiguous").length}; ` +
      `unsolved ${rows.filter((r) => r.status === "unsolved").length}; errors ${rows.filter((r) => r.status === "error").length}; ` +
      `median ${median.toFixed(0)} ms CPU; p95 ${p95.toFixed(0)} ms CPU; max ${(times.at(-1) ?? 0).toFixed(0)} ms CPU; within ${budgetMs} ms: ${rows.filter((r) => r.ms <= budgetMs).length}/${rows.length}${fitting}${answered}`,
  );
}
