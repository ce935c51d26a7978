/**
 * Drafts the loop wrote but did not publish (rejected by their tests, failed at install, held or
 * still in the works), read back from their gap's history so a person can see why: every case the
 * tester ran, with the input, the expected output and what the draft gave. `/show` and
 * `capsmith plugin show` find them by capability, draft id or gap id.
 */
import { subjectFor } from "../events/index.ts";
import type { StoredEvent } from "../events/index.ts";
import type { Gap, ReadModel } from "../../projections/index.ts";

/** One golden case as people read it: the spec's input and output beside what the plugin did. */
export interface CaseView {
  name: string;
  ok: boolean;
  input?: unknown;
  expected?: unknown;
  /** The plugin's output (wrong outputs only, when the report kept it). */
  got?: unknown;
  code?: string;
  error?: string;
}

export interface DraftView {
  gapId: string;
  draftId: string;
  capability: string;
  version: string;
  backend: string;
  model: string | null;
  /** Where the gap stands: open, drafted, tested, awaiting_approval, closed. */
  status: Gap["status"];
  /** Once closed: published, rejected, install_failed, ... and why. */
  outcome: string | null;
  reason: string | null;
  code: string;
  report: { passed: number; failed: number; deterministic: boolean; cases: CaseView[] } | null;
}

/**
 * The drafts `id` names, newest first: a draft id, a gap id, a draft's would-be plugin id
 * (`capability@version`), or a capability (every draft of it that was not published). Empty when
 * it names none.
 */
export async function findDrafts(readModel: ReadModel, id: string): Promise<DraftView[]> {
  const gaps = Object.values((await readModel.state("gaps")).gaps);
  const byId = gaps.filter((g) => g.draftId !== null && (g.draftId === id || g.gapId === id || (g.outcome !== "published" && `${g.capability}@${g.version}` === id)));
  const wanted = byId.length ? byId : gaps.filter((g) => g.capability === id && g.draftId !== null && g.outcome !== "published");
  if (wanted.length === 0) return [];
  const views: DraftView[] = [];
  for (const capability of new Set(wanted.map((g) => g.capability))) {
    views.push(...(await readDrafts(readModel, capability, wanted.filter((g) => g.capability === capability))));
  }
  return views.sort((a, b) => order(gaps, b) - order(gaps, a));
}

const order = (gaps: Gap[], d: DraftView): number => gaps.find((g) => g.gapId === d.gapId)?.openedSeq ?? 0;

/** Reads one capability's gap subject once for the drafts of `wanted` gaps. */
async function readDrafts(readModel: ReadModel, capability: string, wanted: Gap[]): Promise<DraftView[]> {
  const gapIds = new Set(wanted.map((g) => g.gapId));
  const specs = new Map<string, Record<string, unknown>>();
  const drafts = new Map<string, StoredEvent<"PluginDrafted">["data"]>();
  const reports = new Map<string, StoredEvent<"PluginTested">["data"]["report"]>();
  for await (const any of readModel.log.read(subjectFor("gap", capability))) {
    const e = any as StoredEvent;
    if (e.type === "CapabilityGapDetected" && gapIds.has(e.data.gapId)) specs.set(e.data.gapId, e.data.spec);
    if (e.type === "PluginDrafted" && gapIds.has(e.data.gapId)) drafts.set(e.data.draftId, e.data);
    if (e.type === "PluginTested" && gapIds.has(e.data.gapId)) reports.set(e.data.draftId, e.data.report);
  }
  return wanted.flatMap((g) => {
    const draft = drafts.get(g.draftId!);
    if (!draft) return [];
    const report = reports.get(draft.draftId);
    return [{
      gapId: g.gapId, draftId: draft.draftId, capability, version: draft.version, backend: draft.backend, model: draft.model,
      status: g.status, outcome: g.outcome, reason: g.reason, code: draft.code,
      report: report ? { passed: report.passed, failed: report.failed, deterministic: report.deterministic, cases: caseViews(report.cases, specs.get(g.gapId)) } : null,
    }];
  });
}

/** A report's cases beside the spec's inputs and expected outputs (examples are `example_N`, tests by name). */
export function caseViews(cases: readonly Record<string, unknown>[], spec: Record<string, unknown> | undefined): CaseView[] {
  const examples = Array.isArray(spec?.["examples"]) ? (spec["examples"] as { input?: unknown; output?: unknown }[]) : [];
  const tests = Array.isArray(spec?.["tests"]) ? (spec["tests"] as { name?: unknown; input?: unknown; output?: unknown }[]) : [];
  return cases.map((c) => {
    const name = String(c["name"] ?? "");
    const example = /^example_(\d+)$/.exec(name);
    const source = example ? examples[Number(example[1]) - 1] : tests.find((t) => t.name === name);
    return {
      name, ok: c["ok"] === true,
      ...(source && "input" in source ? { input: source.input } : {}),
      ...(source && "output" in source ? { expected: source.output } : {}),
      ...("got" in c ? { got: c["got"] } : {}),
      ...(typeof c["code"] === "string" ? { code: c["code"] } : {}),
      ...(typeof c["error"] === "string" ? { error: c["error"] } : {}),
    };
  });
}

/** The failing cases, each with its input, expected output and what came back, for text mode. */
export function failingCaseLines(cases: readonly CaseView[], indent = "  "): string[] {
  return cases.filter((c) => !c.ok).flatMap((c) => [
    `${indent}✗ ${c.name}${c.code ? ` [${c.code}]` : ""}`,
    ...("input" in c ? [`${indent}    input:    ${JSON.stringify(c.input)}`] : []),
    ...("expected" in c ? [`${indent}    expected: ${JSON.stringify(c.expected)}`] : []),
    ...("got" in c ? [`${indent}    got:      ${JSON.stringify(c.got)}`] : c.error ? [`${indent}    ${c.code === "wrong_output" ? "result" : "error"}:    ${c.error}`] : []),
  ]);
}

/** A draft for text mode: what it is, why it was not published, every failing case, its code. */
export function draftText(d: DraftView): string {
  const why = d.outcome ? `${d.outcome}${d.reason ? `: ${d.reason}` : ""}` : `not published yet (${d.status.replace("_", " ")})`;
  const r = d.report;
  return [
    `draft ${d.draftId} of ${d.capability} ${d.version} (backend ${d.backend}${d.model ? `, model ${d.model}` : ""}) — ${why}`,
    `  gap:   ${d.gapId}`,
    `  tests: ${r ? `${r.passed} passed, ${r.failed} failed${r.deterministic ? "" : ", NOT deterministic"}` : "not tested"}`,
    ...(r ? failingCaseLines(r.cases) : []),
    "  code:",
    ...d.code.replace(/\n$/, "").split("\n").map((l) => `    ${l}`),
  ].join("\n");
}

/** What `show` prints for a name with drafts and no published plugin: the newest whole, the older ones listed. */
export function draftsText(id: string, drafts: readonly DraftView[], showOne: string): string {
  const [newest, ...older] = drafts;
  return [
    `${id}: no published plugin; ${drafts.length === 1 ? "1 draft" : `${drafts.length} drafts`} the loop did not publish, newest first.`,
    ...(newest ? [draftText(newest)] : []),
    ...(older.length ? [`older drafts (${showOne} DRAFT_ID for each):`, ...older.map((d) => `  ${d.draftId}  ${d.version}  ${d.outcome ?? d.status}${d.reason ? `: ${d.reason}` : ""}`)] : []),
  ].join("\n");
}
