import { describe, expect, it } from "vitest";
import { MsgIdTable, msgIdHash } from "../../src/events/msg-id-table.ts";

/** The seq a lookup names, resolving hash candidates the way the log does (by reading the id back). */
function find(table: MsgIdTable, ids: Map<number, string>, id: string): number | undefined {
  const found = table.lookup(id);
  if ("seq" in found) return found.seq;
  return found.candidates.find((seq) => ids.get(seq) === id);
}

describe("the msgId table", () => {
  it("finds every id across folds into the sorted hash table, and no id it was not given", () => {
    const table = new MsgIdTable();
    const ids = new Map<number, string>();
    for (let seq = 1; seq <= 150_000; seq++) {
      const id = `msg-${(seq * 7919) % 1_000_003}`;
      ids.set(seq, id);
      table.set(id, seq);
    }
    expect(table.size).toBe(150_000);
    for (const seq of [1, 2, 65_535, 65_536, 65_537, 131_072, 149_999, 150_000]) expect(find(table, ids, ids.get(seq)!)).toBe(seq);
    expect(find(table, ids, "msg-not-there")).toBeUndefined();
    // Reloaded from its own table (as from a checkpoint), it answers the same.
    const { hashes, seqs } = table.table();
    const reloaded = new MsgIdTable();
    reloaded.load(hashes, seqs);
    expect(find(reloaded, ids, ids.get(77_777)!)).toBe(77_777);
    expect([...hashes].every((h, i) => i === 0 || hashes[i - 1]! <= h)).toBe(true);
    expect(msgIdHash("a")).not.toBe(msgIdHash("b"));
  });
});
