/**
 * Roles and what each may do through the API. A token names a role; the role's permissions follow
 * the NATS credentials of deploy/nats/accounts.conf: a permission is granted to a role only when that
 * role may publish every subject the permission appends to (a test holds this table to that file).
 * Approving is narrower still: an approval is an operator's decision, so only operators approve.
 * Every role reads (every NATS user reads the whole log); `viewer` only reads.
 */
export const API_ROLES = ["operator", "governor", "runner", "gap", "synthesizer", "tester", "viewer"] as const;
export type ApiRole = (typeof API_ROLES)[number];

export const PERMISSIONS = ["read", "request", "invoke", "approve", "rollback"] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The subjects (one example each) a permission's actions append to; reading appends nothing. */
export const PERMISSION_SUBJECTS: Record<Permission, readonly string[]> = {
  read: [],
  // A capability request: CapabilityRequested on the gap subject.
  request: ["capsmith.evt.gap.total_cost"],
  // A call: PluginInvoked on the usage subject, PermissionDenied on the sandbox subject.
  invoke: ["capsmith.evt.usage.total_cost", "capsmith.evt.sandbox.total_cost"],
  // An approval or rejection: on the gap subject while held, on the plugin subject once installed.
  approve: ["capsmith.evt.gap.total_cost", "capsmith.evt.plugin.total_cost"],
  // A rollback: an install transaction on the plugin subject.
  rollback: ["capsmith.evt.plugin.total_cost"],
};

const GRANTS: Record<ApiRole, readonly Permission[]> = {
  operator: PERMISSIONS,
  governor: ["read", "request", "rollback"],
  runner: ["read", "request", "invoke"],
  gap: ["read", "request"],
  synthesizer: ["read", "request"],
  tester: ["read", "request"],
  viewer: ["read"],
};

export function may(role: ApiRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function permissionsOf(role: ApiRole): readonly Permission[] {
  return GRANTS[role];
}

/** The roles that hold a permission, for error messages and the OpenAPI document. */
export function rolesWith(permission: Permission): ApiRole[] {
  return API_ROLES.filter((r) => may(r, permission));
}

export function isApiRole(value: string): value is ApiRole {
  return (API_ROLES as readonly string[]).includes(value);
}
