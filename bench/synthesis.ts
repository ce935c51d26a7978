// `npm run bench -- synthesis [DIR] [--budget-ms N] [--only NAME] [--all-examples] [--answer N] [--deadline-ms N] [--clock cpu]`: synthesizes every spec in
// tests/fixtures/specs/dev (or DIR, or $CAPSMITH_SYNTHESIS_TASKS) with the offline `example`
// backend seeing only the examples, then runs the produced plugin on the held-out tests.
// A program that passes the examples but fails a held-out test is an overfit; a program the backend
// reports as ambiguous (other readings of the examples disagree elsewhere) is counted apart, as is
// one it gave up on (the summary says how many ambiguous answers' chosen reading would have passed
// the tests: a confirming answer from the person would have made them solved). Times are CPU time (the search's, whose work the budget counts at an idle machine's cost, or with `--clock cpu` the CPU time itself, plus the person's) and wall time.
// `--all-examples` is the protocol of programming-by-example benchmarks: every constraint (the
// examples and the tests) is an example, and a task is solved when a program fits them all.
// `--answer N` answers up to N of the backend's questions per spec as a person at the REPL would
// (with the set's reference programs, DIR.reference.mjs), each answer a new example; times then
// cover every round.
// Each spec runs in a worker thread stopped at a wall-clock deadline (`--deadline-ms`, by default
// (answers + 1) × budget × 6 + 30 s, room for a loaded machine): a spec past it is a "timeout" row
// with the stage it was in (search, person or plugin), so one loop cannot hold up the whole run.
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Row } from "./_synthesis-spec.ts";
import { createSpecRunner } from "./_synthesis-watchdog.ts";

const VALUE_FLAGS = ["--budget-ms", "--only", "--answer", "--deadline-ms", "--clock"];

function tasksDir(args: string[]): string {
  const positional = args.find((a, i) => !a.startsWith("--") && !VALUE_FLAGS.includes(args[i - 1] ?? ""));
  if (positional) return resolve(positional);
  if (process.env["CAPSMITH_SYNTHESIS_TASKS"]) return resolve(process.env["CAPSMITH_SYNTHESIS_TASKS"]);
  return join(import.meta.dirname, "../tests/fixtures/specs/dev");
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function run(args: string[]): Promise<Row[]> {
  const dir = tasksDir(args);
  const budgetMs = Number(flag(args, "--budget-ms") ?? 5000);
  const only = flag(args, "--only");
  const allExamples = args.includes("--all-examples");
  const clock = flag(args, "--clock") === "cpu" ? "cpu" : "work";
  const maxAnswers = Number(flag(args, "--answer") ?? 0);
  const deadlineMs = Number(flag(args, "--deadline-ms") ?? (maxAnswers + 1) * budgetMs * 6 + 30_000);
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json") && (!only || f === `${only}.json`)).sort();
  const runner = createSpecRunner();
  const rows: Row[] = [];
  try {
    for (const file of files) {
      const { row, code } = await runner.run({ dir, file, budgetMs, allExamples, maxAnswers, clock }, deadlineMs);
      rows.push(row);
      if (args.includes("--code") && code !== undefined) console.log(code);
    }
  } finally {
    await runner.close();
  }
  print(rows, budgetMs, dir, allExamples, maxAnswers, clock);
  return rows;
}

function print(rows: Row[], budgetMs: number, dir: string, allExamples: boolean, maxAnswers: number, clock: "cpu" | "work"): void {
  const w = Math.max(4, ...rows.map((r) => r.task.length));
  console.log(`synthesis bench: ${rows.length} specs from ${dir}, example backend, budget ${budgetMs} ms of search ${clock === "work" ? "work" : "CPU"}, ${allExamples ? "every constraint an example" : "held-out tests"}`);
  console.log(`${"task".padEnd(w)}  status     cpu_ms  wall_ms  size  candidates  note`);
  for (const r of rows) {
    console.log(`${r.task.padEnd(w)}  ${r.status.padEnd(9)}  ${r.ms.toFixed(0).padStart(6)}  ${r.wallMs.toFixed(0).padStart(7)}  ${String(r.size).padStart(4)}  ${String(r.candidates).padStart(10)}  ${r.note}`);
  }
  const solved = rows.filter((r) => r.status === "solved");
  // A worker that died took its CPU time with it (NaN): such a row is left out of the times.
  const times = rows.map((r) => r.ms).filter(Number.isFinite).sort((a, b) => a - b);
  const median = times.length ? ((times[(times.length - 1) >> 1] as number) + (times[times.length >> 1] as number)) / 2 : 0;
  const p95 = times.length ? (times[Math.min(times.length - 1, Math.ceil(0.95 * times.length) - 1)] as number) : 0;
  // In the benchmarks' own protocol a task is solved by any program that fits every constraint;
  // capsmith still says when other readings of them disagree elsewhere (counted as ambiguous above).
  const asked = rows.filter((r) => (r.answered ?? 0) > 0);
  const answered = maxAnswers > 0 ? `; ${asked.reduce((n, r) => n + (r.answered ?? 0), 0)} questions answered on ${asked.length} specs (up to ${maxAnswers} each)` : "";
  const timeouts = rows.filter((r) => r.status === "timeout");
  const timedOutIn = (stage: string): number => timeouts.filter((r) => r.stage === stage).length;
  const ambiguous = rows.filter((r) => r.status === "ambiguous");
  const fitting = allExamples ? `; a program fitting every constraint: ${solved.length + ambiguous.length}/${rows.length}` : "";
  console.log(
    `solved ${solved.length}/${rows.length}${allExamples ? "" : " on held-out tests"}; overfit ${rows.filter((r) => r.status === "overfit").length}; ambiguous ${ambiguous.length} (the chosen reading right on the tests: ${ambiguous.filter((r) => r.firstRight).length}); ` +
      `unsolved ${rows.filter((r) => r.status === "unsolved").length}; errors ${rows.filter((r) => r.status === "error").length}; ` +
      `timeouts ${timeouts.length} (search ${timedOutIn("search")}, person ${timedOutIn("person")}, plugin ${timedOutIn("plugin")}); ` +
      `median ${median.toFixed(0)} ms CPU; p95 ${p95.toFixed(0)} ms CPU; max ${(times.at(-1) ?? 0).toFixed(0)} ms CPU; within ${budgetMs} ms: ${rows.filter((r) => r.ms <= budgetMs).length}/${rows.length}${fitting}${answered}`,
  );
}
