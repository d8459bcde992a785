import { describe, expect, it } from "vitest";
import { genericWebhookMappingInput } from "@/server/domain/ingest/adapters/generic";
import { mappingDraftOf, mappingOfDraft, runSample, type MappingDraft } from "./integrations-mapping-draft";

function draft(overrides: Partial<MappingDraft> = {}, paths: Partial<MappingDraft["paths"]> = {}): MappingDraft {
  const empty = mappingDraftOf(null);
  return { ...empty, ...overrides, paths: { ...empty.paths, ...paths } };
}

const REQUIRED = { externalId: "data.id", receivedAt: "data.at" };

describe("generic webhook mapping draft", () => {
  it("starts empty, as a survey item without score or channel, times in ISO 8601", () => {
    expect(mappingDraftOf(null)).toMatchObject({
      source: "survey",
      metricKind: "none",
      channel: "",
      receivedAtFormat: "iso",
      valueMaps: "",
    });
    expect(Object.values(mappingDraftOf(null).paths).every((path) => path === "")).toBe(true);
  });

  it("round-trips a saved mapping through the draft unchanged", () => {
    const saved = genericWebhookMappingInput.parse({
      paths: { ...REQUIRED, score: "data.score", text: "data.answers[0].text" },
      source: "review",
      metricKind: "csat",
      channel: "app",
      receivedAtFormat: "epoch_millis",
      valueMaps: { metricKind: { NPS: "nps" } },
    });
    expect(mappingOfDraft(mappingDraftOf(saved))).toEqual({ ok: true, mapping: saved });
  });

  it("leaves blank paths out, trims the others, and reads no channel as null", () => {
    const check = mappingOfDraft(draft({}, { externalId: "  data.id ", receivedAt: "data.at", text: "   " }));
    expect(check).toEqual({
      ok: true,
      mapping: expect.objectContaining({ paths: { externalId: "data.id", receivedAt: "data.at" }, channel: null }),
    });
  });

  it("lists every missing required path and every malformed one, each at its field", () => {
    const check = mappingOfDraft(draft({}, { score: "data..score" }));
    expect(check.ok).toBe(false);
    const problems = check.ok ? [] : check.problems;
    expect(problems.map((p) => p.path).sort()).toEqual(["paths.externalId", "paths.receivedAt", "paths.score"]);
    expect(problems.find((p) => p.path === "paths.externalId")).toEqual({
      path: "paths.externalId",
      message: "Map externalId to a path in the payload.",
    });
  });

  it("refuses value maps that are not JSON, or not an object of text maps per known field", () => {
    expect(mappingOfDraft(draft({ valueMaps: "{metricKind:" }, REQUIRED))).toMatchObject({
      ok: false,
      problems: [{ path: "valueMaps", problem: "json" }],
    });
    for (const valueMaps of ['["nps"]', '{"metricKind": {"NPS": 1}}', '{"colour": {"red": "blue"}}', '"nps"']) {
      expect(mappingOfDraft(draft({ valueMaps }, REQUIRED)), valueMaps).toEqual({
        ok: false,
        problems: [{ path: "valueMaps", problem: "shape" }],
      });
    }
  });
});

describe("trying a sample payload", () => {
  const mapping = genericWebhookMappingInput.parse({
    paths: { ...REQUIRED, score: "data.score", text: "data.comment", metricKind: "data.kind" },
    valueMaps: { metricKind: { NPS: "nps" } },
  });

  it("gives the feedback item a delivery would store", () => {
    const sample = JSON.stringify({
      data: { id: 7, at: "2024-05-01T10:00:00+02:00", score: "9", comment: "Great", kind: "NPS" },
    });
    expect(runSample(mapping, sample)).toEqual({
      kind: "result",
      result: {
        status: "item",
        item: expect.objectContaining({
          externalId: "7",
          receivedAt: "2024-05-01T08:00:00Z",
          metricKind: "nps",
          score: 9,
          text: "Great",
          source: "survey",
        }),
      },
    });
  });

  it("names each field a delivery would be refused for", () => {
    const sample = JSON.stringify({ data: { id: 7, at: "yesterday", score: "12", kind: "NPS" } });
    const run = runSample(mapping, sample);
    expect(
      run.kind === "result" && run.result.status === "invalid" && run.result.errors.map((e) => e.path).sort(),
    ).toEqual(["receivedAt", "score"]);
  });

  it("says when there is no sample, or it is not JSON", () => {
    expect(runSample(mapping, "  ")).toEqual({ kind: "empty" });
    expect(runSample(mapping, "{data:")).toMatchObject({ kind: "not-json" });
  });
});
