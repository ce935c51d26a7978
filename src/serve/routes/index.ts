/** Every operation of the HTTP API, in the order the OpenAPI document lists them. */
import type { Route } from "../route.ts";
import { approve, listApprovals, reject } from "./approvals.ts";
import { auditTrail } from "./audit.ts";
import { listEvents, streamEvents } from "./events.ts";
import { invoke } from "./invoke.ts";
import { rollback } from "./lifecycle.ts";
import { me } from "./meta.ts";
import { listPlugins, showPlugin } from "./plugins.ts";
import { createRequest, followRequest, getRequest } from "./requests.ts";
import { sloReportRoute, sloTrendRoute, sloViewRoute } from "./slo.ts";

export const ROUTES: readonly Route[] = [
  createRequest, getRequest, followRequest, invoke, rollback,
  listPlugins, showPlugin,
  listApprovals, approve, reject,
  auditTrail,
  sloViewRoute, sloTrendRoute, sloReportRoute,
  listEvents, streamEvents,
  me,
];

export { askForCapability } from "./requests.ts";
export type { CapabilityRequestBody, RequestAnswer } from "./requests.ts";
export { invokeCapability } from "./invoke.ts";
export { summarize } from "./plugins.ts";
