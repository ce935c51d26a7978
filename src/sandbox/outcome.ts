/** Outcome strings the host hands back into an isolate: `O<json>` for a value, `E<json>` for a coded failure. */
export const okOutcome = (value: unknown): string => "O" + JSON.stringify(value);
export const errOutcome = (code: string, message: string): string => "E" + JSON.stringify({ code, message });
