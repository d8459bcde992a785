import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect";

describe("safeRedirectPath", () => {
  it.each([
    ["/settings", "/settings"],
    ["/feedback?status=new", "/feedback?status=new"],
    ["http://localhost:3000/settings", "/settings"],
    ["https://evil.example/phish", "/phish"],
    ["//evil.example/phish", "/phish"],
    ["/sign-in?callbackUrl=/x", "/"],
    ["", "/"],
    ["javascript:alert(1)", "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});
