/**
 * `npm run bench -- loop [TASKS_DIR]`: time-to-capability (gap detected → plugin active) through the
 * whole loop — gap detector, example synthesizer, tester, governor, install — for every spec in
 * tests/fixtures/specs/dev, one at a time, on the embedded log, all agents in this process.
 */
import { readdir, readFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AGENT_ROLES, requestCapability } from "../src/agents/index.ts";
import { DEFAULT_POLICY } from "../src/hub/index.ts";
import { uuidIds } from "../src/platform/index.ts";
import { benchCapsmith } from "./_capsmith.ts";
import { percentile, table } from "./_stats.ts";

export async function run(args: string[]): Promise<void> {
  const tasksDir = args.find((a) => !a.startsWith("--")) ?? join(import.meta.dirname, "../tests/fixtures/specs/dev");
  const files = (await readdir(tasksDir)).filter((f) => f.endsWith(".json")).sort();
  const dir = await mkdtemp(join(tmpdir(), "capsmith-bench-loop-"));
  const capsmith = await benchCapsmith(dir, { policy: DEFAULT_POLICY, roles: AGENT_ROLES });
  const { readModel } = capsmith;
  const rows: (string | number)[][] = [["task", "outcome", "request → answer ms", "gap → active ms"]];
  const walls: number[] = [];
  try {
    for (const file of files) {
      const spec = JSON.parse(await readFile(join(tasksDir, file), "utf8")) as Record<string, unknown> & { capability: string };
      const started = performance.now();
      const answer = await requestCapability(readModel, spec.capability, { spec, source: "cli", backend: "example", newId: uuidIds, timeoutMs: 60_000 });
      const wall = performance.now() - started;
      walls.push(wall);
      rows.push([spec.capability, answer.ok ? "published" : `${answer.outcome}`, wall.toFixed(0), ""]);
    }
    const state = await readModel.state("gaps");
    const ttc = new Map(Object.values(state.gaps).filter((g) => g.ok && g.closedAt).map((g) => [g.capability, Date.parse(g.closedAt!) - Date.parse(g.openedAt)]));
    for (const row of rows.slice(1)) row[3] = ttc.has(String(row[0])) ? String(ttc.get(String(row[0]))) : "-";
    console.log(table(rows));
    const sortedTtc = [...ttc.values()].sort((a, b) => a - b);
    walls.sort((a, b) => a - b);
    console.log(`\npublished ${ttc.size}/${files.length}; median gap → active ${percentile(sortedTtc, 50)} ms (p90 ${percentile(sortedTtc, 90)} ms); median request → answer ${percentile(walls, 50).toFixed(0)} ms`);
  } finally {
    await capsmith.close();
    await rm(dir, { recursive: true, force: true });
  }
}
