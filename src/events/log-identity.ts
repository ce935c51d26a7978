import type { LogIdentity } from "./event-log.ts";

/** Builds a `LogIdentity` with its one-string `id` (`kind:location[#namespace]@firstHash`). */
export function logIdentity(parts: { kind: LogIdentity["kind"]; location: string; namespace?: string | undefined; firstHash?: string | undefined }): LogIdentity {
  const { kind, location, namespace, firstHash } = parts;
  return {
    kind,
    location,
    ...(namespace ? { namespace } : {}),
    ...(firstHash ? { firstHash } : {}),
    id: `${kind}:${location}${namespace ? `#${namespace}` : ""}@${firstHash ?? "empty"}`,
  };
}

/**
 * What snapshots of a log are keyed on: its identity without the file log's path. A data directory
 * holds one file log (`events.log`) and its snapshots side by side, so the path names nothing the
 * content does not, yet it changes with every copy: a backup restored or verified at another path
 * found none of its snapshots, and so none of the chain heads they record (`audit verify` checked
 * "0 anchored heads"). Whether a snapshot fits the log is checked on its content anyway (the hash at
 * its position). A JetStream stream keeps its name through a backup and restore: its key is its id.
 */
export function snapshotKey(identity: LogIdentity): string {
  return identity.kind === "file" ? `file@${identity.firstHash ?? "empty"}` : identity.id;
}
