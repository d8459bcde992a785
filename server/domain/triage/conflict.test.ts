import { describe, expect, it } from "vitest";
import { assertCurrentVersion } from "./conflict";

const updatedAt = new Date("2024-06-03T14:03:27Z");
const current = { version: 4, updatedAt, updatedByName: "Dana Levi", updatedById: 9 };

function conflictMessage(...args: Parameters<typeof assertCurrentVersion>): string {
  try {
    assertCurrentVersion(...args);
  } catch (error) {
    expect(error).toMatchObject({ code: "CONFLICT" });
    return (error as Error).message;
  }
  throw new Error("expected a conflict");
}

describe("assertCurrentVersion", () => {
  it("passes when the client saw the current version", () => {
    expect(() => assertCurrentVersion(4, current)).not.toThrow();
  });

  it("names who changed the item and when", () => {
    expect(conflictMessage(3, current)).toBe("Dana Levi changed this item at 14:03; reload to see their change.");
  });

  it("treats a version ahead of the row as a conflict too", () => {
    expect(conflictMessage(5, current)).toBe("Dana Levi changed this item at 14:03; reload to see their change.");
  });

  it("shows the time in the viewer's time zone", () => {
    expect(conflictMessage(3, current, { timeZone: "Asia/Jerusalem", now: updatedAt })).toBe(
      "Dana Levi changed this item at 17:03; reload to see their change.",
    );
  });

  it.each([
    ["the same day", "2024-06-03T23:59:00Z", "at 14:03"],
    ["another day", "2024-06-04T08:00:00Z", "on 3 Jun at 14:03"],
    ["another year", "2025-01-02T08:00:00Z", "on 3 Jun 2024 at 14:03"],
  ])("adds the date when it is not today (%s)", (_, now, when) => {
    expect(conflictMessage(3, current, { now: new Date(now) })).toBe(
      `Dana Levi changed this item ${when}; reload to see their change.`,
    );
  });

  it("judges 'today' in the viewer's time zone", () => {
    // 20:00 UTC on 3 June is 05:00 on 4 June in Tokyo; 02:00 UTC on 4 June is 11:00 the same Tokyo day
    const overnight = { ...current, updatedAt: new Date("2024-06-03T20:00:00Z") };
    const now = new Date("2024-06-04T02:00:00Z");
    expect(conflictMessage(3, overnight, { timeZone: "Asia/Tokyo", now })).toBe(
      "Dana Levi changed this item at 05:00; reload to see their change.",
    );
    expect(conflictMessage(3, overnight, { timeZone: "UTC", now })).toBe(
      "Dana Levi changed this item on 3 Jun at 20:00; reload to see their change.",
    );
  });

  it.each([null, "", "  "])("says 'Someone else' when the author is unknown (%j)", (name) => {
    expect(conflictMessage(3, { ...current, updatedByName: name })).toBe(
      "Someone else changed this item at 14:03; reload to see their change.",
    );
  });

  it("tells viewers when they made the change themselves elsewhere", () => {
    expect(conflictMessage(3, current, { viewerId: 9 })).toBe(
      "You changed this item at 14:03 in another tab or window; reload to see that change.",
    );
    expect(conflictMessage(3, current, { viewerId: 10 })).toMatch(/^Dana Levi/);
  });

  it.each([0, -1, 2.5, Number.NaN])("rejects the seen version %s as invalid input", (version) => {
    expect(() => assertCurrentVersion(version, current)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });

  it("rejects an unknown time zone", () => {
    expect(() => assertCurrentVersion(3, current, { timeZone: "Mars/Olympus" })).toThrow(
      'Unknown time zone "Mars/Olympus"; use an IANA name such as Europe/Warsaw.',
    );
  });
});
