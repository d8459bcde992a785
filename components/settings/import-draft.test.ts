import { describe, expect, it } from "vitest";
import { columnMappingInput } from "@/server/domain/ingest/mapping";
import {
  assignField,
  columnOf,
  draftFromMapping,
  draftFromSuggestion,
  draftProblems,
  mappingOfDraft,
  needsTranslation,
} from "./import-draft";

const suggested = () =>
  draftFromSuggestion("feedback", {
    columns: { externalId: "Response ID", score: "Rating", text: "Comment", receivedAt: "Submitted at" },
    constants: { metricKind: "rating" },
    dateFormat: "dmy",
  });

describe("import draft", () => {
  it("starts from the suggestion and says what is still missing, as the server would", () => {
    const draft = suggested();
    expect(draft.fields).toEqual({
      "Response ID": "externalId",
      Rating: "score",
      Comment: "text",
      "Submitted at": "receivedAt",
    });
    expect(draftProblems(draft)).toEqual([
      "Choose the source of this feedback (survey, review, ticket…), or map a source column.",
    ]);
    expect(draftProblems({ ...draft, constants: { ...draft.constants, source: "survey" } })).toEqual([]);
  });

  it("gives a field to one column only, and unmaps a column with no field", () => {
    let draft = assignField(suggested(), "Plan", "score");
    expect(columnOf(draft, "score")).toBe("Plan");
    expect(draft.fields.Rating).toBeUndefined();
    draft = assignField(draft, "Plan", "");
    expect(columnOf(draft, "score")).toBeUndefined();
  });

  it("turns into a mapping the server accepts: set constants only, dates at UTC midnight, value maps of mapped fields without blanks", () => {
    const draft = {
      ...suggested(),
      constants: { source: "survey", channel: "", metricKind: "csat", receivedAt: "2024-05-01" },
      valueMaps: { score: { "Very satisfied": "5", Unsure: " " }, channel: { Phone: "call_centre" } },
      timeZone: "Europe/Warsaw",
    };
    const mapping = mappingOfDraft(draft);
    expect(mapping).toEqual({
      entity: "feedback",
      columns: { externalId: "Response ID", score: "Rating", text: "Comment", receivedAt: "Submitted at" },
      constants: { source: "survey", metricKind: "csat", receivedAt: "2024-05-01T00:00:00Z" },
      valueMaps: { score: { "Very satisfied": "5" } },
      dateFormat: "dmy",
      timeZone: "Europe/Warsaw",
      negativeAmountsAreRefunds: false,
      decodeHtmlEntities: true,
    });
    expect(columnMappingInput.safeParse(mapping).success).toBe(true);
  });

  it("applies a saved mapping to a file, keeping the columns it has and naming those it lacks", () => {
    const saved = mappingOfDraft({ ...suggested(), constants: { source: "review", receivedAt: "2024-01-31" } });
    const { draft, missing } = draftFromMapping(saved, ["Response ID", "Rating", "Comment"]);
    expect(missing).toEqual(["Submitted at"]);
    expect(draft.fields).toEqual({ "Response ID": "externalId", Rating: "score", Comment: "text" });
    expect(draft.constants).toEqual({ source: "review", receivedAt: "2024-01-31" });
    expect(draft.dateFormat).toBe("dmy");
  });

  it("upper-cases a currency and drops fields another entity has", () => {
    const draft = {
      ...draftFromSuggestion("order", { columns: { amount: "Total" }, constants: {}, dateFormat: "iso" as const }),
    };
    const mapping = mappingOfDraft({
      ...draft,
      fields: { ...draft.fields, Comment: "text" },
      constants: { currency: "eur" },
    });
    expect(mapping.columns).toEqual({ amount: "Total" });
    expect(mapping.constants).toEqual({ currency: "EUR" });
  });
});

describe("needsTranslation", () => {
  it.each([
    ["score", "4", false],
    ["score", "4.0", false],
    ["score", "Very satisfied", true],
    ["churned", "Yes", false],
    ["churned", "Churned", true],
    ["segment", "enterprise", false],
    ["segment", "Month-to-month", true],
    ["channel", "Web", false],
    ["channel", "Phone", true],
    ["currency", "eur", false],
    ["currency", "€", true],
    ["kind", "refund", false],
    ["kind", "return", true],
  ] as const)("%s “%s” → %s", (field, value, expected) => {
    expect(needsTranslation(field, value, ["Enterprise", "SMB"])).toBe(expected);
  });
});
