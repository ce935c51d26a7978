/**
 * What a slash command gets, made from the process's capsmith — the one place the REPL (and its
 * tests) assemble it, so they cannot drift apart.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Capsmith } from "../app/index.ts";
import type { Services, WordsModel } from "./core/types.ts";

export function replServices(capsmith: Capsmith, options: { where: string; words?: WordsModel; readFile?: (path: string) => Promise<string> }): Services {
  const { runtime } = capsmith;
  return {
    runtime,
    log: capsmith.log,
    readModel: capsmith.readModel,
    hub: runtime.hub,
    policy: capsmith.policy,
    policySource: capsmith.policySource,
    newId: capsmith.newId,
    clock: capsmith.clock,
    dataDir: capsmith.config.dataDir,
    where: options.where,
    keys: capsmith.keys,
    readFile: options.readFile ?? ((path) => readFile(resolve(path), "utf8")),
    llmConfigured: runtime.llmConfigured || Boolean(options.words),
    ...(options.words ? { words: options.words } : {}),
  };
}
