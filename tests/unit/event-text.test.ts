/**
 * eventText and wellFormedDeep (src/events/lone-surrogates.ts): what the host cuts or quotes of a
 * plugin's text, and plugin values it records, must be well-formed Unicode, or the event holding
 * them is refused (`invalid_event`) and whatever it records stays open.
 */
import { describe, expect, it } from "vitest";
import { eventText, loneSurrogatePath, wellFormedDeep } from "../../src/events/index.ts";

const LONE = String.fromCharCode(0xd800);
const EMOJI = "\u{1F600}"; // two UTF-16 units

describe("eventText", () => {
  it("keeps a surrogate pair whole at the cut instead of leaving its high half", () => {
    const s = "a" + EMOJI.repeat(3); // units: a, hi, lo, hi, lo, hi, lo
    expect(eventText(s, 2)).toBe("a");
    expect(eventText(s, 3)).toBe("a" + EMOJI);
    expect(eventText(s, 4)).toBe("a" + EMOJI);
    expect(eventText(EMOJI.repeat(300), 500)).toBe(EMOJI.repeat(250));
    for (let max = 0; max <= s.length; max++) expect(eventText(s, max).isWellFormed()).toBe(true);
  });

  it("makes a lone surrogate the text already held U+FFFD, and leaves well-formed text alone", () => {
    expect(eventText(`x${LONE}y`)).toBe("x\uFFFDy");
    expect(eventText(`x${LONE}y`, 2)).toBe("x"); // a high half at the cut goes, paired or not
    expect(eventText(`x${LONE}y`, 3)).toBe("x\uFFFDy");
    expect(eventText("plain", 100)).toBe("plain");
    expect(eventText("plain", 3)).toBe("pla");
  });
});

describe("wellFormedDeep", () => {
  it("repairs strings and keys at any depth, keeping numbers, nulls and shape", () => {
    const value = { [LONE]: [1, null, { k: `v${LONE}` }], ok: "fine", n: 2 };
    const repaired = wellFormedDeep(value);
    expect(loneSurrogatePath(repaired)).toBeUndefined();
    expect(repaired).toEqual({ "\uFFFD": [1, null, { k: "v\uFFFD" }], ok: "fine", n: 2 });
    expect(wellFormedDeep(LONE)).toBe("\uFFFD");
  });

  it("keeps a key named __proto__ as data beside one it repairs", () => {
    const value = JSON.parse(`{"__proto__": {"polluted": true}, "k": "${"\\ud800"}"}`) as Record<string, unknown>;
    const repaired = wellFormedDeep(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(repaired)).toBe(Object.prototype);
    expect(Object.keys(repaired)).toEqual(["__proto__", "k"]);
    expect(JSON.stringify(repaired)).toBe('{"__proto__":{"polluted":true},"k":"\uFFFD"}');
  });

  it("returns a well-formed value itself, uncopied", () => {
    const value = { a: [EMOJI, { b: 1 }] };
    expect(wellFormedDeep(value)).toBe(value);
  });
});
