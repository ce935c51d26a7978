/**
 * Plugins as MCP tools: every active plugin is a tool named by its capability, described by its
 * spec and taking its input schema. MCP tools take objects, so a capability whose input is not an
 * object takes `{input: VALUE}` instead. `request_capability` is capsmith's own tool.
 */
import type { HubState, PluginRecord } from "../../../projections/index.ts";
import { MAX_OFFERED } from "../../spec/index.ts";

export const REQUEST_TOOL = "request_capability";

export interface McpTool {
  name: string;
  title?: string;
  description: string;
  inputSchema: { type: "object"; properties?: Record<string, object>; required?: string[]; [key: string]: unknown };
  annotations?: Record<string, unknown>;
}

/** Whether a plugin's tool takes `{input: VALUE}` (its input schema is not an object's). */
export function wrapsInput(plugin: PluginRecord): boolean {
  const schema = plugin.spec["inputSchema"] as Record<string, unknown> | undefined;
  return !schema || schema["type"] !== "object";
}

export function pluginTool(plugin: PluginRecord): McpTool {
  const schema = (plugin.spec["inputSchema"] as Record<string, unknown> | undefined) ?? {};
  const { $schema: _schema, ...inputSchema } = schema;
  const description = typeof plugin.spec["description"] === "string" && plugin.spec["description"] ? plugin.spec["description"] : plugin.capability;
  return {
    name: plugin.capability,
    title: plugin.id,
    description: `${description} (capsmith plugin ${plugin.id}, tier ${plugin.tier})`,
    inputSchema: wrapsInput(plugin)
      ? { type: "object", properties: { input: inputSchema }, required: ["input"], additionalProperties: false }
      : (inputSchema as McpTool["inputSchema"]),
    annotations: { readOnlyHint: true, openWorldHint: plugin.profile === "integration" || plugin.profile === "agent" },
  };
}

/** The active plugins, one tool each, in name order (a plugin named like capsmith's own tool is left out). */
export function activePlugins(hub: HubState): PluginRecord[] {
  const plugins: PluginRecord[] = [];
  for (const [capability, record] of Object.entries(hub.capabilities)) {
    if (capability === REQUEST_TOOL || !record.active || !Object.hasOwn(hub.plugins, record.active)) continue;
    plugins.push(hub.plugins[record.active]!);
  }
  return plugins.sort((a, b) => (a.capability < b.capability ? -1 : 1));
}

export const requestTool: McpTool = {
  name: REQUEST_TOOL,
  title: "Request a capability",
  description:
    "Ask capsmith for a capability it does not have yet. Give its name, a one-line description and input/output examples " +
    "(or a full capability spec); capsmith's agents write, test and publish a plugin, which then appears as a new tool " +
    "named after the capability (the tool list changes). Answers ready, failed (with the reason), awaiting_approval " +
    "(an operator must approve it), pending (call again to keep waiting) or ambiguous (candidates for a bare name).",
  inputSchema: {
    type: "object",
    properties: {
      capability: { type: "string", pattern: "^[a-z][a-z0-9_]{1,63}$", description: "snake_case name, e.g. total_cost" },
      description: { type: "string", description: "what it does, in one line" },
      examples: {
        type: "array",
        minItems: 1,
        items: {
          type: "object",
          properties: { input: {}, output: {}, offered: { type: "array", minItems: 1, maxItems: MAX_OFFERED, description: "the outputs capsmith offered when it asked for this example" } },
          required: ["input", "output"],
        },
        description: "input → output examples; the schemas are inferred from them",
      },
      spec: { type: "object", description: "a full capability spec instead of description and examples" },
    },
    required: ["capability"],
    additionalProperties: false,
  },
  annotations: { readOnlyHint: false, idempotentHint: true, openWorldHint: false },
};
