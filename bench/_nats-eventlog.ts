/** JetStream figures for the eventlog bench; filled in when the JetStream adapter lands. */
export async function natsFigures(_n: number, _args: string[]): Promise<(string | number)[][]> {
  return [];
}
