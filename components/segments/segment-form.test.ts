import { describe, expect, it } from "vitest";
import { changedSegmentFields, normaliseHex, validateSegmentForm } from "./segment-form";

const valid = { name: "Enterprise", description: "Large accounts", color: "#1d4ed8" };

describe("normaliseHex", () => {
  it.each([
    ["#1D4ED8", "#1d4ed8"],
    [" 1d4ed8 ", "#1d4ed8"],
    ["#abc", "#abc"],
    ["blue", "blue"],
  ])("%s → %s", (value, expected) => {
    expect(normaliseHex(value)).toBe(expected);
  });
});

describe("validateSegmentForm", () => {
  it("accepts a complete form", () => {
    expect(validateSegmentForm(valid)).toEqual({});
  });

  it.each([
    [{ name: "  " }, "name", "segments.form.nameRequired"],
    [{ name: "x".repeat(81) }, "name", "segments.form.nameTooLong"],
    [{ description: "x".repeat(2001) }, "description", "segments.form.descriptionTooLong"],
    [{ color: "#12345" }, "color", "segments.form.colorInvalid"],
    [{ color: "red" }, "color", "segments.form.colorInvalid"],
  ])("rejects %o", (change, field, key) => {
    const errors = validateSegmentForm({ ...valid, ...change });
    expect(errors[field as keyof typeof errors]?.key).toBe(key);
  });
});

describe("changedSegmentFields", () => {
  it("sends only what changed, trimmed and lower-cased", () => {
    expect(changedSegmentFields(valid, { ...valid, name: " Enterprise ", color: "#1D4ED8" })).toEqual({});
    expect(changedSegmentFields(valid, { name: "Large", description: "Large accounts ", color: "ff0000" })).toEqual({
      name: "Large",
      color: "#ff0000",
    });
  });
});
