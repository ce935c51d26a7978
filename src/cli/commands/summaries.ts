/** Each top-level command's one line in `capsmith --help`; its module's definition uses the same. */
export const SUMMARIES = {
  run: "run a plan; capabilities it lacks are synthesized, tested and published on the way",
  invoke: "run the active plugin of a capability once",
  stats: "how the loop is doing: steps recovered by synthesis, plugin reuse, time to capability",
  slo: "SLO views from the usage events: availability, latency, error budget, cost per success; and the weekly report",
  daemon: "run agents headless until SIGTERM; daemons of one role share its work over NATS",
  replay: "the read model rebuilt from the log, now or as of a point: a summary, or every state with --json",
  audit: "check and read the audit trail",
  events: "list events from the log, oldest first",
  note: "append an operator note to the log (shows in replays and audits)",
  synthesize: "write a plugin for a capability spec from its examples",
  sandbox: "run plugin code in the sandbox",
  plugin: "plugin packages and the hub: new, test, pack, preflight, install, update, rollback",
  revert: "undo every hub change after a point by appending compensating events",
  keys: "Ed25519 keys: generate, list, trust, revoke, export, roles",
  serve: "serve the HTTP API, MCP over HTTP and the web dashboard, beside the agents (or --no-agents)",
  mcp: "an MCP server on stdio: every active plugin is a tool, plus request_capability",
  tokens: "bearer tokens for capsmith serve: create (one per role), list, revoke",
  help: "the documentation by topic (spec-format, policy, operations, errors, …), or a command's help",
} as const;

/** Each `capsmith plugin` subcommand's line in `capsmith plugin --help`; its module's definition uses the same. */
export const PLUGIN_SUMMARIES = {
  new: "scaffold a plugin directory to write by hand: spec, manifest, code skeleton (then plugin test, pack, install)",
  test: "run a plugin directory's golden cases (spec examples and tests) in the sandbox",
  pack: "make one package file from a plugin directory (manifest.json, plugin.js, spec.json, test-report.json)",
  preflight: "check a package against this host, the hub, trusted keys and policy, installing nothing",
  install: "install a plugin package (preflight, then the five-phase transaction)",
  update: "make a newer installed version active (a transaction; rolls back on failure)",
  rollback: "make the newest good version older than the active one active again (again: further back; history is kept)",
  uninstall: "uninstall a plugin (its history stays in the log); uninstalling the active one activates the newest remaining good version",
  list: "plugins in the hub: status (which version is active), tier, profile, usage",
  show: "one plugin, or the drafts the loop did not publish: status, tier, tests with every failing case, code, history",
  approve: "approve a plugin as an operator (signed); a held one is then published, an installed one rises to T2",
  reject: "reject a plugin policy holds for approval",
  promote: "take a draft a dry-run tested and stopped at through governance and install it",
  harness: "install, update, roll back and uninstall every plugin (or ID) in a scratch hub with failures injected; writes the compatibility matrix",
} as const;
