import { describe, expect, it } from "vitest";
import { canonicalJson, eventHash, sha256 } from "../../src/events/index.ts";

const body = {
  id: "e1", type: "OperatorNote", subject: "capsmith.evt.note.x", time: "2026-01-01T00:00:00.000Z", actor: "op",
  correlationId: "e1", causationId: null, schemaVersion: 1, data: { z: [1, 2.5, { b: "é\u2028", a: null }], a: 1e21 }, prevHash: null,
};

describe("event hash", () => {
  it("is sha256 of the RFC 8785 canonical JSON of the event without hash, sig and seq", () => {
    expect(eventHash({ ...body, hash: "h", sig: { keyId: "k", value: "v" }, seq: 7 } as never)).toBe(sha256(canonicalJson(body)));
  });

  it("covers keys beyond the envelope's own (a newer writer's), through the general path", () => {
    const extended = { ...body, extra: "x" };
    expect(eventHash(extended as never)).toBe(sha256(canonicalJson(extended)));
    expect(eventHash(extended as never)).not.toBe(eventHash(body as never));
  });

  it("changes when any field changes", () => {
    expect(eventHash({ ...body, data: { z: [1, 2.5, { b: "é\u2028", a: 0 }], a: 1e21 } } as never)).not.toBe(eventHash(body as never));
    expect(eventHash({ ...body, prevHash: "p" } as never)).not.toBe(eventHash(body as never));
  });
});
