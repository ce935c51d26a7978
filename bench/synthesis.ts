// `npm run bench -- synthesis [DIR] [--budget-ms N] [--only NAME]`: synthesizes every spec in
// ../shared/synthesis-tasks (or DIR, or $CAPSMITH_SYNTHESIS_TASKS) with the offline `example`
// backend seeing only the examples, then runs the produced plugin on the held-out tests.
// A program that passes the examples but fails a held-out test is an overfit: a failure.
import { readFile, readdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { jsonEqual, parseSpec } from "../src/spec/index.ts";
import { createExampleBackend } from "../src/agents/synthesizer/index.ts";

interface Row {
  task: string;
  status: "solved" | "overfit" | "unsolved" | "error";
  ms: number;
  size: number | string;
  candidates: number | string;
  note: string;
}

function tasksDir(args: string[]): string {
  const positional = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
  if (positional) return resolve(positional);
  if (process.env["CAPSMITH_SYNTHESIS_TASKS"]) return resolve(process.env["CAPSMITH_SYNTHESIS_TASKS"]);
  const repo = dirname(import.meta.dirname);
  return join(dirname(repo), "shared", "synthesis-tasks");
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function loadPlugin(code: string): Promise<(input: unknown, host: unknown) => unknown> {
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) as { default: (input: unknown, host: unknown) => unknown };
  return mod.default;
}

export async function run(args: string[]): Promise<void> {
  const dir = tasksDir(args);
  const budgetMs = Number(flag(args, "--budget-ms") ?? 5000);
  const only = flag(args, "--only");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json") && (!only || f === `${only}.json`)).sort();
  const backend = createExampleBackend();
  const rows: Row[] = [];
  for (const file of files) {
    const spec = parseSpec(JSON.parse(await readFile(join(dir, file), "utf8")));
    const visible = { ...spec, tests: undefined };
    const t0 = performance.now();
    try {
      const result = await backend.synthesize(visible, { budgetMs });
      const ms = performance.now() - t0;
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
      rows.push({
        task: spec.capability,
        status: failed.length ? "overfit" : "solved",
        ms,
        size: result.size,
        candidates: result.candidates,
        note: failed.length ? `fails ${failed.join(", ")}` : "",
      });
      if (args.includes("--code")) console.log(result.code);
    } catch (err) {
      const e = err as { code?: string; message: string };
      rows.push({ task: spec.capability, status: e.code === "no_program_found" ? "unsolved" : "error", ms: performance.now() - t0, size: "-", candidates: "-", note: e.message });
    }
  }
  print(rows, budgetMs, dir);
}

function print(rows: Row[], budgetMs: number, dir: string): void {
  const w = Math.max(4, ...rows.map((r) => r.task.length));
  console.log(`synthesis bench: ${rows.length} specs from ${dir}, example backend, budget ${budgetMs} ms, held-out tests`);
  console.log(`${"task".padEnd(w)}  status    time_ms  size  candidates  note`);
  for (const r of rows) {
    console.log(`${r.task.padEnd(w)}  ${r.status.padEnd(8)}  ${r.ms.toFixed(0).padStart(7)}  ${String(r.size).padStart(4)}  ${String(r.candidates).padStart(10)}  ${r.note}`);
  }
  const solved = rows.filter((r) => r.status === "solved");
  const times = rows.map((r) => r.ms).sort((a, b) => a - b);
  const median = times.length ? ((times[(times.length - 1) >> 1] as number) + (times[times.length >> 1] as number)) / 2 : 0;
  console.log(
    `solved ${solved.length}/${rows.length} on held-out tests; overfit ${rows.filter((r) => r.status === "overfit").length}; ` +
      `unsolved ${rows.filter((r) => r.status === "unsolved").length}; errors ${rows.filter((r) => r.status === "error").length}; ` +
      `median ${median.toFixed(0)} ms; max ${(times.at(-1) ?? 0).toFixed(0)} ms; within ${budgetMs} ms: ${rows.filter((r) => r.ms <= budgetMs).length}/${rows.length}`,
  );
}
