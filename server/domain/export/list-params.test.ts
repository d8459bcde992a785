import { describe, expect, it } from "vitest";
import { serializeFeedbackInbox } from "../feedback";
import { actionsExportInput, customersExportInput, exportCsvHref, feedbackExportInput } from "./list-params";

const params = (query: string) => new URLSearchParams(query);

describe("list export parameters", () => {
  it("reads the inbox's own URL into feedback.list's input, and back", () => {
    const parsed = feedbackExportInput(
      params("status=new&segment=3&segment=none&kind=nps&category=detractor&sort=priority&item=9"),
    );
    expect(parsed).toEqual({
      ok: true,
      input: expect.objectContaining({
        status: "new",
        segmentIds: [3, null],
        metricKind: "nps",
        npsCategory: "detractor",
        sort: "priority",
      }),
    });
    if (!parsed.ok) return;
    const { sort, ...filters } = parsed.input;
    expect(exportCsvHref("feedback", serializeFeedbackInbox({ filters, sort }))).toBe(
      "/api/export/feedback?status=new&segment=3&segment=none&kind=nps&category=detractor&sort=priority",
    );
  });

  it.each([
    ["status=lost", 'status "lost": use one of new, triaged, in_progress, resolved, dismissed.'],
    ["score_min=9&score_max=2", "the score range: it ends (2) below where it starts (9); swap them."],
    ["sort=oldest", 'sort order "oldest": use one of newest, priority, negative.'],
  ])("refuses the inbox filter %s, saying why", (query, error) => {
    expect(feedbackExportInput(params(query))).toEqual({ ok: false, error });
  });

  it("reads the customers list's search and segment", () => {
    expect(customersExportInput(params("q=%20ada%20&segment=none"))).toEqual({
      ok: true,
      input: expect.objectContaining({ search: "ada", segmentId: null }),
    });
    expect(customersExportInput(params("segment=12"))).toEqual({
      ok: true,
      input: expect.objectContaining({ segmentId: 12 }),
    });
    expect(customersExportInput(params("segment=vip"))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^segment:/),
    });
    expect(customersExportInput(params(`q=${"x".repeat(101)}`))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^search:/),
    });
  });

  it("reads the action list's filters", () => {
    expect(actionsExportInput(params("mine=true&status=planned,in_progress&team=4&overdue=1"))).toEqual({
      ok: true,
      input: expect.objectContaining({ mine: true, statuses: ["planned", "in_progress"], teamId: 4, overdue: true }),
    });
    expect(actionsExportInput(params("assignee=x"))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^assigneeId:/),
    });
  });

  it("links a list's export without an empty query", () => {
    expect(exportCsvHref("actions")).toBe("/api/export/actions");
    expect(exportCsvHref("customers", "?q=a")).toBe("/api/export/customers?q=a");
  });
});
