import { describe, expect, it } from "vitest";
import { journeyInboxHref } from "./inbox-links";

const period = { from: "2026-01-01", to: "2026-03-31" };

describe("journeyInboxHref", () => {
  it("opens a stage's feedback in the period", () => {
    expect(journeyInboxHref({ segmentIds: [] }, period, { stageId: 12 })).toBe(
      "/feedback?stage=12&from=2026-01-01&to=2026-03-31",
    );
  });
  it("narrows to a theme at the stage, with the page's segments, channel and region", () => {
    expect(
      journeyInboxHref({ segmentIds: [3, 7], channel: "web", region: "North" }, period, { stageId: 12, themeId: 4 }),
    ).toBe("/feedback?segment=3&segment=7&stage=12&channel=web&region=North&theme=4&from=2026-01-01&to=2026-03-31");
  });
  it("opens a touchpoint, and works without a period", () => {
    expect(journeyInboxHref({ segmentIds: [] }, null, { stageId: 2, touchpointId: 9 })).toBe(
      "/feedback?stage=2&touchpoint=9",
    );
  });
});
