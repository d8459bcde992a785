import { describe, expect, it } from "vitest";
import { formatDuration, formatFileSize } from "./import-format";

describe("import page formats", () => {
  it.each([
    [410, "0.4 kB"],
    [1536, "1.5 kB"],
    [5 * 1024 * 1024, "5 MB"],
    [2.25 * 1024 ** 3, "2.3 GB"],
  ])("%d bytes → %s", (bytes, text) => {
    expect(formatFileSize("en", bytes)).toBe(text);
  });

  it.each([
    [0, "0 sec"],
    [12.2, "13 sec"],
    [61, "2 min"],
    [3600, "1 hr 0 min"],
    [5000, "1 hr 24 min"],
  ])("%d s → %s", (seconds, text) => {
    expect(formatDuration("en", seconds)).toBe(text);
  });
});
