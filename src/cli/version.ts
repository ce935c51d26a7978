import { readFileSync } from "node:fs";

/** capsmith's own version, the one plugin `hostRange`s are checked against. */
export const VERSION: string = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
