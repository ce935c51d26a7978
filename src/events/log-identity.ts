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
