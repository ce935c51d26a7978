/**
 * Which transaction an install runs under. The ids the agents derive (`tx-<event id>`,
 * `rollback-<event id>`) and the plugin id (`<capability>@<gap version>`) are readable by anyone,
 * and a key that may write plugin events could start a transaction under one first (attack round 3),
 * with another package under the honest plugin id, which would otherwise stand for the honest
 * install. So a transaction the log holds is an install's own only when it installs this very
 * package (its digest; the installs view records null for one the hub could not take); otherwise
 * the install runs under `<txId>/<pluginId>` (then `/2`, `/3`...), derived the same way on every
 * delivery, so a redelivery still finds its own and never starts a second one.
 */
import { own } from "../../projections/index.ts";
import type { Transaction } from "../../projections/index.ts";
import type { PluginPackage } from "./package-format.ts";
import { packageDigestOf } from "./signature.ts";

/** Whether a transaction the log holds installs this very package (one the hub could take), so is this install's. */
export function isMine(tx: Transaction, pkg: PluginPackage, digest = packageDigestOf(pkg)): boolean {
  return tx.pluginId === pkg.manifest.id && tx.packageDigest !== null && tx.packageDigest === digest;
}

/**
 * The transaction id an install of `pkg` asked to run under `txId` uses, given the transactions the
 * log holds, and whether the log already holds it (a redelivered decision: its outcome is this
 * install's, never a second install).
 */
export function transactionIdFor(held: Record<string, Transaction>, txId: string, pkg: PluginPackage): { txId: string; held: boolean } {
  const pluginId = pkg.manifest.id;
  const digest = packageDigestOf(pkg);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? txId : n === 2 ? `${txId}/${pluginId}` : `${txId}/${pluginId}/${n - 1}`;
    const tx = own(held, candidate);
    if (!tx) return { txId: candidate, held: false };
    if (isMine(tx, pkg, digest)) return { txId: candidate, held: true };
  }
}

/**
 * Where an install goes when `txId` was started by someone else between its look and its first
 * record: that transaction (`held`) when it is this install's — it installs this package, or the
 * caller asked for no particular id (an id the process drew itself is taken by nobody else on
 * purpose) — else the next id derived from the one `asked`.
 */
export function idAfterStartedMeanwhile(held: Record<string, Transaction>, txId: string, pkg: PluginPackage, asked: string | undefined): { txId: string; held: boolean } {
  const tx = own(held, txId);
  if (asked === undefined || (tx !== undefined && isMine(tx, pkg))) return { txId, held: true };
  return transactionIdFor(held, asked, pkg);
}
