import { describe, expect, it } from "vitest";
import { parseAckSubject } from "../../src/events/nats-pull.ts";

describe("parseAckSubject", () => {
  it("reads the stream and delivery seqs of both reply forms, and refuses anything else", () => {
    expect(parseAckSubject("$JS.ACK.CAPSMITH_EVENTS.capsmith_read_x.1.12345.678.1700000000000000000.42")).toEqual({ seq: 12345, dseq: 678 });
    expect(parseAckSubject("$JS.ACK.hub.ACCHASH.CAPSMITH_EVENTS.capsmith_read_x.1.12345.678.1700000000000000000.42.tok")).toEqual({ seq: 12345, dseq: 678 });
    expect(parseAckSubject("$JS.ACK.a.b.c")).toBeUndefined();
    expect(parseAckSubject("_INBOX.x.y")).toBeUndefined();
    expect(parseAckSubject(undefined)).toBeUndefined();
  });
});
