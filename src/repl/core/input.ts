/** Reading what a command was given: JSON typed inline, or a JSON file named by path. */
import { ReplError } from "./errors.ts";
import type { Services } from "./types.ts";

export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ReplError("invalid_json", `${what} is not valid JSON: ${(cause as Error).message}`, { cause, nextStep: `Fix the JSON of ${what}, e.g. {"n": 2}.` });
  }
}

export async function readJson(services: Services, path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await services.readFile(path);
  } catch (cause) {
    throw new ReplError("file_not_found", `cannot read ${what} ${path}`, { cause, nextStep: `Check the path of the ${what} (Tab completes file names).` });
  }
  return parseJsonText(text, `${what} ${path}`);
}

/** Inline JSON when it looks like JSON, else a file path. */
export async function jsonArg(services: Services, arg: string, what: string): Promise<unknown> {
  const text = arg.trim();
  return /^[[{"\d-]|^(true|false|null)$/.test(text) ? parseJsonText(text, what) : readJson(services, text, what);
}
