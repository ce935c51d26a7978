/**
 * capsmith as an MCP server (the official SDK's low-level `Server`, since tools come and go with the
 * hub and carry JSON Schemas of their own): every active plugin is a tool, `request_capability` asks
 * the agents for a new one, and the client is told `tools/list_changed` whenever the hub's active
 * plugins change. The caller's role decides what it sees and may call, as in the HTTP API.
 */
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CapsmithError, zodIssues } from "../../errors/index.ts";
import { refuseLoneSurrogates } from "../body.ts";
import { ServeError } from "../errors.ts";
import { may, rolesWith } from "../roles.ts";
import type { Permission } from "../roles.ts";
import { askForCapability, invokeCapability } from "../routes/index.ts";
import { requestBody } from "../routes/requests.ts";
import type { Caller, ServeContext } from "../serve-context.ts";
import type { ToolCatalog } from "./tool-catalog.ts";
import { activePlugins, pluginTool, REQUEST_TOOL, requestTool, wrapsInput } from "./tools.ts";

/** How long `request_capability` waits before answering `pending` (under the SDK's 60 s request timeout). */
const REQUEST_WAIT_MS = 45_000;

export interface McpSession {
  readonly server: Server;
  close(): Promise<void>;
}

export function createMcpServer(app: ServeContext, caller: Caller, catalog: ToolCatalog, version: string): McpSession {
  const server = new Server(
    { name: "capsmith", version },
    {
      capabilities: { tools: { listChanged: true } },
      instructions:
        "capsmith grows its own capabilities. Each tool is a published plugin. When you need a capability that no tool provides, " +
        "call request_capability with a name, a description and input/output examples; when it answers ready, the new tool is listed.",
    },
  );

  server.setRequestHandler(ListToolsRequestSchema, async () => {
    const hub = await app.capsmith.readModel.state("hub");
    const tools = may(caller.role, "invoke") ? activePlugins(hub).map(pluginTool) : [];
    if (may(caller.role, "request")) tools.unshift(requestTool);
    return { tools };
  });

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const { name } = request.params;
    const args = request.params.arguments ?? {};
    try {
      // The HTTP transport's body check covers its own bodies; stdio's arguments arrive here unchecked.
      refuseLoneSurrogates(args, "arguments");
      if (name === REQUEST_TOOL) {
        allowed("request", "request capabilities");
        return await requestCapabilityTool(app, caller, args, extra.signal);
      }
      allowed("invoke", "invoke plugins");
      const hub = await app.capsmith.readModel.state("hub");
      const plugin = activePlugins(hub).find((p) => p.capability === name);
      if (!plugin) throw new ServeError("capability_not_found", `no tool ${name}: no active plugin provides it`, { nextStep: "List the tools again, or call request_capability." });
      const input = wrapsInput(plugin) ? args["input"] : args;
      const result = await invokeCapability(app, name, input);
      const output = result.output;
      return {
        content: [{ type: "text", text: JSON.stringify(output) }],
        ...(output !== null && typeof output === "object" && !Array.isArray(output) ? { structuredContent: output as Record<string, unknown> } : {}),
        _meta: { pluginId: result.pluginId },
      };
    } catch (err) {
      return errorResult(err, app);
    }
  });

  function allowed(permission: Permission, what: string): void {
    if (!may(caller.role, permission)) {
      throw new ServeError("forbidden", `a ${caller.role} token may not ${what}`, { nextStep: `Use a token of one of: ${rolesWith(permission).join(", ")}.` });
    }
  }

  const off = catalog.onToolsChanged(() => {
    void server.sendToolListChanged().catch(() => undefined);
  });
  return {
    server,
    async close() {
      off();
      await server.close();
    },
  };
}

async function requestCapabilityTool(app: ServeContext, caller: Caller, args: Record<string, unknown>, signal: AbortSignal): Promise<CallToolResult> {
  const parsed = requestBody.safeParse(args);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error.issues);
    throw new ServeError("invalid_input", `invalid arguments: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, { nextStep: "Give capability, description and examples (or spec).", details: { issues } });
  }
  const answer = await askForCapability(app, parsed.data, { waitMs: REQUEST_WAIT_MS, source: "mcp", owner: caller.tokenId, signal });
  const text = answer.status === "ready"
    ? `${answer.pluginId} is ready: call the tool ${answer.capability}.`
    : answer.status === "ambiguous"
      ? `${answer.reason}. ${answer.nextStep}`
      : answer.status === "failed"
        ? `${answer.capability} was not published: ${answer.reason}.${answer.nextStep ? ` ${answer.nextStep}` : ""}`
        : answer.status === "awaiting_approval"
          ? `${answer.reason}; it becomes the tool ${answer.capability} once an operator approves it.`
          : `The agents are still working on ${answer.capability} (${answer.phase}); call request_capability again to keep waiting.`;
  return {
    content: [{ type: "text", text }],
    structuredContent: { ...answer, ...(answer.status === "ready" ? { tool: answer.capability } : {}) },
    isError: answer.status === "failed",
  };
}

function errorResult(err: unknown, app: ServeContext): CallToolResult {
  const known = err instanceof CapsmithError;
  if (!known) app.logger.error({ err }, "unexpected error in an MCP tool call");
  const error = known ? err.toJSON() : { code: "internal", message: "internal error", nextStep: "This is a bug in capsmith; the server's log has the stack." };
  const text = `error [${String(error["code"])}]: ${String(error["message"])}${error["nextStep"] ? `\nnext step: ${String(error["nextStep"])}` : ""}`;
  return { content: [{ type: "text", text }], structuredContent: { ok: false, error }, isError: true };
}
