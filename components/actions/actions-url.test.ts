import { describe, expect, it } from "vitest";
import {
  actionsHref,
  createFromFeedbackHref,
  defaultActionsView,
  parseActionsSearchParams,
  parseId,
  scopeInboxHref,
} from "./actions-url";

describe("parseActionsSearchParams", () => {
  it("lands a team member on My actions and everyone else on the board", () => {
    expect(defaultActionsView("team_member")).toBe("mine");
    expect(parseActionsSearchParams({}, "team_member")).toEqual({ view: "mine", create: null, ignored: [] });
    for (const role of ["admin", "cx_manager", "executive"] as const) {
      expect(parseActionsSearchParams({}, role).view).toBe("board");
    }
  });

  it.each(["board", "table", "mine", "impact", "review"] as const)("reads view=%s", (view) => {
    expect(parseActionsSearchParams({ view }, "cx_manager").view).toBe(view);
  });

  it("falls back to the default view for an unknown one, and says so", () => {
    expect(parseActionsSearchParams({ view: "kanban" }, "executive")).toEqual({
      view: "board",
      create: null,
      ignored: ["view=kanban"],
    });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseActionsSearchParams({ view: ["table", "board"] }, "admin").view).toBe("table");
  });

  it("opens the create dialog only for create=1 or create=true", () => {
    expect(parseActionsSearchParams({ create: "1" }, "admin").create).toEqual({ feedbackIds: [] });
    expect(parseActionsSearchParams({ create: "true" }, "admin").create).toEqual({ feedbackIds: [] });
    expect(parseActionsSearchParams({ create: "0" }, "admin").create).toBeNull();
    expect(parseActionsSearchParams({ stage: "3" }, "admin").create).toBeNull();
  });

  it("prefills the scope from stage, theme, segment, touchpoint and channel", () => {
    const state = parseActionsSearchParams(
      { create: "1", stage: "3", theme: "7", segment: "2", touchpoint: "11", channel: "web" },
      "cx_manager",
    );
    expect(state.create).toEqual({
      stageId: 3,
      themeId: 7,
      segmentId: 2,
      touchpointId: 11,
      channel: "web",
      feedbackIds: [],
    });
    expect(state.ignored).toEqual([]);
  });

  it("links an inbox selection, de-duplicated, from a list or repeated parameters", () => {
    expect(parseActionsSearchParams({ create: "1", feedback: "1,2,3,2" }, "admin").create?.feedbackIds).toEqual([
      1, 2, 3,
    ]);
    expect(parseActionsSearchParams({ create: "1", feedback: ["4", "5,4"] }, "admin").create?.feedbackIds).toEqual([
      4, 5,
    ]);
  });

  it("leaves out bad values and lists them", () => {
    const state = parseActionsSearchParams(
      { create: "1", stage: "x", theme: "0", segment: "99999999999", channel: "fax", feedback: "1,abc,-2,,3" },
      "admin",
    );
    expect(state.create).toEqual({ feedbackIds: [1, 3] });
    expect(state.ignored).toEqual([
      "segment=99999999999",
      "stage=x",
      "theme=0",
      "channel=fax",
      "feedback=abc",
      "feedback=-2",
    ]);
  });

  it("caps the selection at 1000 items", () => {
    const ids = Array.from({ length: 1005 }, (_, i) => i + 1).join(",");
    expect(parseActionsSearchParams({ create: "1", feedback: ids }, "admin").create?.feedbackIds).toHaveLength(1000);
  });
});

describe("parseId", () => {
  it.each([
    ["1", 1],
    [" 42 ", 42],
    ["2147483647", 2147483647],
    ["2147483648", undefined],
    ["0", undefined],
    ["01", undefined],
    ["1.5", undefined],
    [undefined, undefined],
  ])("%s → %s", (raw, id) => expect(parseId(raw)).toBe(id));
});

describe("actionsHref", () => {
  it("writes the view, and the create parameters the parser reads back", () => {
    expect(actionsHref("impact")).toBe("/actions?view=impact");
    const prefill = { stageId: 3, themeId: 7, channel: "chat" as const, feedbackIds: [5, 6] };
    const href = actionsHref("table", prefill);
    expect(href).toBe("/actions?view=table&create=1&stage=3&channel=chat&theme=7&feedback=5%2C6");
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseActionsSearchParams(params, "admin")).toEqual({ view: "table", create: prefill, ignored: [] });
  });

  it("links an inbox selection to the create dialog", () => {
    expect(createFromFeedbackHref([1, 2, 3])).toBe("/actions?view=board&create=1&feedback=1%2C2%2C3");
  });
});

describe("scopeInboxHref", () => {
  it("filters the inbox by the scope's parts, in the inbox's own parameter names", () => {
    expect(scopeInboxHref({ segmentId: 2, stageId: 3, channel: "web", themeId: 7 })).toBe(
      "/feedback?segment=2&stage=3&channel=web&theme=7",
    );
    expect(scopeInboxHref({ segmentId: null, stageId: 3, channel: null, themeId: null })).toBe("/feedback?stage=3");
  });

  it("opens the whole inbox for a whole-workspace scope", () => {
    expect(scopeInboxHref({ segmentId: null, stageId: null, channel: null, themeId: null })).toBe("/feedback");
  });
});
