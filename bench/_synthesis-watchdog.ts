// The synthesis bench's watchdog: runs each spec in a worker thread (bench/_synthesis-worker.ts)
// and terminates the worker when the spec passes its wall-clock deadline. A search past its budget,
// a reference program looping on an input the synthesizer invented, or a generated plugin looping
// on a held-out test then costs one "timeout" row (with the stage it was in) instead of the run.
// One worker serves spec after spec, as the in-process bench did; a terminated one is replaced.
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import type { Row, SpecJob, Stage } from "./_synthesis-spec.ts";

type Message = { kind: "stage"; stage: Stage; task: string } | { kind: "done"; row: Row; code?: string } | { kind: "failed"; message: string };

const WORKER_URL = new URL("./_synthesis-worker.ts", import.meta.url);

export interface SpecRunner {
  run(job: SpecJob, deadlineMs: number): Promise<{ row: Row; code?: string }>;
  close(): Promise<void>;
}

function cpuMs(u: { user: number; system: number }): number {
  return (u.user + u.system) / 1000;
}

export function createSpecRunner(): SpecRunner {
  let worker: Worker | undefined;
  return {
    async run(job, deadlineMs) {
      if (!worker) {
        const fresh = new Worker(WORKER_URL);
        // A worker that dies between specs is replaced for the next one.
        fresh.once("exit", () => {
          if (worker === fresh) worker = undefined;
        });
        worker = fresh;
        // Its CPU time can be read only once it runs.
        await once(fresh, "online");
      }
      const w = worker;
      const cpu0 = cpuMs(await w.cpuUsage());
      const t0 = performance.now();
      let stage: Stage | undefined;
      let task = job.file.replace(/\.json$/, "");
      return new Promise((resolve, reject) => {
        let settled = false;
        const finish = (fn: () => void): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          w.off("message", onMessage).off("error", onError).off("exit", onExit);
          fn();
        };
        const onMessage = (m: Message): void => {
          if (m.kind === "stage") ({ stage, task } = m);
          else if (m.kind === "done") finish(() => resolve({ row: m.row, ...(m.code === undefined ? {} : { code: m.code }) }));
          // A spec that cannot be read, or a set without its reference programs: the whole run is wrong.
          else finish(() => reject(new Error(`${job.file}: ${m.message}`)));
        };
        const lost = (why: string): void => {
          worker = undefined;
          finish(() => resolve({ row: { task, status: "error", ms: Number.NaN, wallMs: performance.now() - t0, size: "-", candidates: "-", note: `${why} during ${stage ?? "start"}; its CPU time is lost with it` } }));
        };
        const onError = (err: Error): void => lost(`the bench's worker failed (${err.message})`);
        const onExit = (code: number): void => lost(`the bench's worker exited (${code})`);
        const timer = setTimeout(() => {
          const at = stage ?? "search";
          const wallMs = performance.now() - t0;
          worker = undefined;
          finish(() => {
            void w
              .cpuUsage()
              .then((u) => cpuMs(u) - cpu0, () => Number.NaN)
              .then(async (ms) => {
                await w.terminate();
                resolve({ row: { task, status: "timeout", stage: at, ms, wallMs, size: "-", candidates: "-", note: `still in ${at} at the ${deadlineMs} ms deadline` } });
              });
          });
        }, deadlineMs);
        w.on("message", onMessage).on("error", onError).on("exit", onExit);
        w.postMessage(job);
      });
    },
    async close() {
      await worker?.terminate();
      worker = undefined;
    },
  };
}
