// capsmith for benches, through the one composition root: a config for DIR (nothing from the
// environment), silent logs, and whichever agents the bench runs.
import { pino } from "pino";
import { openCapsmith } from "../src/app/index.ts";
import type { Capsmith, WriteAccess } from "../src/app/index.ts";
import { loadConfig } from "../src/config/index.ts";
import type { CapsmithConfig } from "../src/config/index.ts";

export function benchCapsmith(dir: string, options: Omit<WriteAccess, "access" | "logger"> & { config?: Partial<CapsmithConfig> } = {}): Promise<Capsmith> {
  const { config, ...access } = options;
  const base = loadConfig({ flags: { data: dir }, env: {}, hostVersion: "0.1.0" });
  return openCapsmith({ ...base, ...config }, { access: "write", logger: pino({ level: "silent" }), ...access });
}
