/**
 * A transaction's decision made again when its first record conflicts. `begin` appends
 * `InstallStarted` conditionally on the head it read before the hub state; when anything else lands
 * on the capability in between, nothing of the transaction is written yet, and failing on it let any
 * event at that instant (a quarantine of another version, another install starting) fail an honest
 * install. Deciding again (the id, the checks, `begin`), not just appending again, keeps the checks
 * true: a newer version activated meanwhile makes this one a downgrade, say.
 */
import { subjectFor } from "../events/index.ts";
import { HubError } from "./errors.ts";

/** How many times a transaction's decision is made before it gives up with `capability_busy`. */
export const START_ATTEMPTS = 5;

/**
 * `begin`'s first record did not start its transaction: it conflicted with events not of its
 * transaction, or landed under an id another capability's transaction took first (which every reader
 * keeps for that one). No view holds anything of the transaction; the caller may decide again.
 */
export class StartConflict extends Error {
  override name = "StartConflict";
  /** The capability's head (log position) that made the start fail. */
  readonly seq: number;
  constructor(message: string, seq: number, cause: unknown) {
    super(message, { cause });
    this.seq = seq;
  }
}

/** Runs `decide` again each time it throws a StartConflict, at most START_ATTEMPTS times in all; then a retryable HubError. */
export async function startingOver<T>(capability: string, decide: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await decide();
    } catch (err) {
      if (!(err instanceof StartConflict)) throw err;
      if (attempt >= START_ATTEMPTS) {
        const subject = subjectFor("plugin", capability);
        throw new HubError("capability_busy", `${capability} changed each of the ${START_ATTEMPTS} times a transaction on it was about to start (last: ${subject} at seq ${err.seq}); nothing of it was written`, {
          cause: err.cause,
          retryable: true,
          nextStep: `Run it again; capsmith events --filter ${subject} --limit 20 shows what keeps writing to the capability.`,
          details: { subject, attempts: START_ATTEMPTS },
        });
      }
    }
  }
}
