import { describe, expect, it } from "vitest";
import {
  changeUnit,
  formatKpiChange,
  formatKpiInterval,
  formatKpiValue,
  intervalIncludesZero,
  VERDICT_LABEL,
  VERDICT_TONE,
  worthRows,
} from "./impact-format";

describe("verdicts", () => {
  it("gives every verdict a tone and a label, 'cannot tell' as a warning rather than a result", () => {
    expect(VERDICT_TONE).toEqual({
      improved: "positive",
      worsened: "negative",
      "no measurable change": "neutral",
      "cannot tell": "warning",
    });
    expect(Object.keys(VERDICT_LABEL).sort()).toEqual(Object.keys(VERDICT_TONE).sort());
  });
});

describe("KPI values and changes", () => {
  it.each([
    ["nps", "35.00", "+35"],
    ["nps", "-12.50", "-12.5"],
    ["csat", "87.50", "87.5%"],
    ["churn", 4.25, "4.3%"],
    ["ces", "5.432", "5.43"],
    ["revenue", "1234.56", "$1,235"],
    ["nps", null, "—"],
    ["nps", "abc", "—"],
  ] as const)("%s %s → %s", (kpi, value, text) => {
    expect(formatKpiValue("en-US", kpi, value, "USD")).toBe(text);
  });

  it.each([
    ["nps", 4.26, "+4.3"],
    ["nps", -0.04, "0.0"],
    ["csat", 2, "+2.0"],
    ["ces", 0.125, "+0.13"],
    ["revenue", -3.5, "-$3.50"],
    ["nps", null, "—"],
  ] as const)("change %s %s → %s", (kpi, value, text) => {
    expect(formatKpiChange("en-US", kpi, value, "USD")).toBe(text);
  });

  it("names the unit of each KPI's change", () => {
    expect(changeUnit("nps")).toBe("points");
    expect(changeUnit("csat")).toBe("percentagePoints");
    expect(changeUnit("churn")).toBe("percentagePoints");
    expect(changeUnit("ces")).toBe("mean");
    expect(changeUnit("revenue")).toBe("money");
  });

  it("formats an interval's ends and says whether it includes no change", () => {
    expect(formatKpiInterval("en-US", "nps", [1.04, 7.31], "USD")).toEqual({ low: "+1.0", high: "+7.3" });
    expect(intervalIncludesZero([-1, 2])).toBe(true);
    expect(intervalIncludesZero([0, 2])).toBe(true);
    expect(intervalIncludesZero([0.1, 2])).toBe(false);
    expect(intervalIncludesZero([-3, -0.5])).toBe(false);
  });
});

describe("worthRows", () => {
  it("keeps the actions with a revenue worth, in order, as numbers with an ordered range", () => {
    const rows = worthRows([
      { actionId: 1, title: "A", verdict: "improved", worth: { estimate: "1200.50", ci95: ["300.00", "2100.00"] } },
      { actionId: 2, title: "B", verdict: "cannot tell", worth: null },
      { actionId: 3, title: "C", verdict: "worsened", worth: { estimate: "-50.00", ci95: ["-10.00", "-90.00"] } },
    ]);
    expect(rows).toEqual([
      { actionId: 1, title: "A", verdict: "improved", estimate: 1200.5, low: 300, high: 2100, range: [300, 2100] },
      { actionId: 3, title: "C", verdict: "worsened", estimate: -50, low: -90, high: -10, range: [-90, -10] },
    ]);
  });

  it("skips a worth it cannot read", () => {
    expect(
      worthRows([{ actionId: 1, title: "A", verdict: "improved", worth: { estimate: "x", ci95: ["1", "2"] } }]),
    ).toEqual([]);
  });
});
