import { describe, expect, it } from "vitest";
import { journeyWindowStart } from "./index";

describe("journeyWindowStart", () => {
  it("is 90 days before now", () => {
    expect(journeyWindowStart(new Date("2024-06-15T10:00:00Z"))).toEqual(new Date("2024-03-17T10:00:00Z"));
  });
});
