// `npm run bench -- NAME [args]` runs bench/NAME.ts; with no name it lists what there is.
import { readdir } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const dir = import.meta.dirname;
const names = (await readdir(dir))
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.startsWith("_"))
  .map((f) => f.slice(0, -3));
const [name, ...args] = process.argv.slice(2);
if (!name || !names.includes(name)) {
  console.error(`usage: npm run bench -- <${names.join("|")}> [args]`);
  process.exit(name ? 2 : 0);
}
const mod = (await import(pathToFileURL(join(dir, `${name}.ts`)).href)) as { run(args: string[]): Promise<void> };
await mod.run(args);
