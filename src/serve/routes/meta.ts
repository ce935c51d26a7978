/** Who am I (the token's role and what it may do), and whether the server is up. */
import { z } from "zod";
import { PERMISSIONS, permissionsOf } from "../roles.ts";
import { defineRoute } from "../route.ts";

export const me = defineRoute({
  method: "GET",
  path: "/v1/me",
  operationId: "whoAmI",
  summary: "Show the caller",
  description: "The calling token's id, role and label, and the permissions its role has; the log's position.",
  tag: "meta",
  permission: "read",
  response: z.object({
    ok: z.literal(true),
    tokenId: z.string(),
    role: z.string(),
    label: z.string(),
    permissions: z.array(z.enum(PERMISSIONS)),
    log: z.object({ kind: z.string(), seq: z.number() }),
    approveKey: z.string().nullable().meta({ description: "the id of the operator key the server approves with, if any" }),
  }),
  async handle({ caller, app }) {
    return {
      body: {
        ok: true, tokenId: caller.tokenId, role: caller.role, label: caller.label, permissions: [...permissionsOf(caller.role)],
        log: { kind: app.capsmith.log.kind, seq: await app.capsmith.log.lastSeq() },
        approveKey: app.approveKey?.keyId ?? null,
      },
    };
  },
});
