/** Imports generated plugin code in-process (as an ES module from a data: URL), not via the sandbox. */
export type PluginFn = (input: unknown, host: unknown) => unknown;

export async function loadPlugin(code: string): Promise<PluginFn> {
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) as { default: PluginFn };
  return mod.default;
}
