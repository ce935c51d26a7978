import { CapsmithError } from "../errors/index.ts";

/** A setting a person gave (a flag or a variable) that capsmith cannot use; always the person's to fix. */
export class ConfigError extends CapsmithError {
  override readonly name = "ConfigError";
}
