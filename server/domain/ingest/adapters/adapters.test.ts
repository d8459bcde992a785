import { describe, expect, it } from "vitest";
import { hasDataset, readDatasetJson, skipMessage } from "../test-datasets";
import { adaptDelighted } from "./delighted";
import { adaptGeneric, genericWebhookMappingInput } from "./generic";
import { parseJsonPath, readJsonPath } from "./json-path";
import { adaptSurveyMonkeyResponse, readSurveyMonkeyEvent, surveyMonkeyMetricKind } from "./surveymonkey";
import { adaptTypeform, typeformMetricKind } from "./typeform";
import { adaptZendesk } from "./zendesk";

const WEBHOOKS = "webhooks";
const noSamples = !hasDataset(WEBHOOKS);
const sample = (name: string) => readDatasetJson(`${WEBHOOKS}/${name}.json`);
const clone = <T>(value: T): T => structuredClone(value);

describe(`webhook adapters on the vendors' sample payloads${skipMessage(WEBHOOKS)}`, () => {
  it.skipIf(noSamples)("Typeform form_response → survey item with the rating, long text and email", () => {
    expect(adaptTypeform(sample("typeform_form_response"))).toEqual({
      status: "item",
      item: {
        source: "survey",
        externalId: "a3a12ec67a1365927098a606107fac15",
        channel: null,
        metricKind: "rating",
        score: 3,
        text: "It's cold right now! I live in an older medium-sized city with a university. Geographically, the area is hilly.",
        language: null,
        receivedAt: "2018-01-18T18:17:02Z",
        customerExternalId: "abc123456",
        customerEmail: "laura@example.com",
        customerName: null,
      },
    });
  });

  it.skipIf(noSamples)("Typeform: a chosen score field and kind override the guess", () => {
    const result = adaptTypeform(sample("typeform_form_response"), {
      scoreField: "readable_ref_opinion_scale",
      metricKind: "csat",
    });
    expect(result.status === "item" && [result.item.metricKind, result.item.score]).toEqual(["csat", 2]);
    expect(adaptTypeform(sample("typeform_form_response"), { scoreField: "nope" })).toMatchObject({
      status: "invalid",
      errors: [{ path: "", message: expect.stringContaining('no field "nope"') }],
    });
    expect(adaptTypeform(sample("typeform_form_response"), { scoreField: "readable_ref_email" })).toMatchObject({
      status: "invalid",
    });
  });

  it.skipIf(noSamples)("Delighted survey_response.updated → NPS 9 with the person", () => {
    expect(adaptDelighted(sample("delighted_survey_response_updated"))).toEqual({
      status: "item",
      item: {
        source: "survey",
        externalId: "5435",
        channel: null,
        metricKind: "nps",
        score: 9,
        text: "Your service is fast and flawless!",
        language: null,
        receivedAt: "2018-01-16T18:48:48Z",
        customerExternalId: "5975",
        customerEmail: "charlie_gravis@example.com",
        customerName: "Charlie Gravis",
      },
    });
  });

  it.skipIf(noSamples)("Zendesk satisfaction rating good → ticket CSAT 5 for the requester", () => {
    expect(adaptZendesk(sample("zendesk_satisfaction_rating"))).toEqual({
      status: "item",
      item: {
        source: "ticket",
        externalId: "35436",
        channel: null,
        metricKind: "csat",
        score: 5,
        text: null,
        language: null,
        receivedAt: "2011-07-20T22:55:29Z",
        customerExternalId: "7881",
        customerEmail: null,
        customerName: null,
      },
    });
  });

  it.skipIf(noSamples)("SurveyMonkey event → the response to fetch; response details → survey item", () => {
    expect(readSurveyMonkeyEvent(sample("surveymonkey_webhook_event_survey_filter"))).toEqual({
      status: "fetch",
      eventType: "response_completed",
      surveyId: "123456789",
      responseId: "123456",
    });
    expect(adaptSurveyMonkeyResponse(sample("surveymonkey_response_details"))).toEqual({
      status: "item",
      item: {
        source: "survey",
        externalId: "5007154402",
        channel: null,
        metricKind: "none",
        score: null,
        text: null,
        language: null,
        receivedAt: "2015-12-28T21:59:38Z",
        customerExternalId: null,
        customerEmail: null,
        customerName: null,
      },
    });
  });

  it.skipIf(noSamples)("SurveyMonkey with the survey's details reads the chosen choice as the score", () => {
    const survey = {
      pages: [
        {
          questions: [
            {
              id: "319352786",
              family: "matrix",
              answers: {
                choices: Array.from({ length: 11 }, (_, n) => ({ id: String(3057839041 + n), text: String(n) })),
              },
            },
            { id: "q-text", family: "open_ended" },
          ],
        },
      ],
    };
    const response = clone(sample("surveymonkey_response_details")) as { pages: Array<{ questions: unknown[] }> };
    response.pages[0]!.questions.push({ id: "q-text", answers: [{ text: "Fine, thanks" }] });
    expect(adaptSurveyMonkeyResponse(response, survey)).toMatchObject({
      status: "item",
      item: { metricKind: "nps", score: 10, text: "Fine, thanks" },
    });
  });
});

describe("adapter edge cases", () => {
  it("ignores events that carry no answer", () => {
    expect(adaptTypeform({ event_type: "form_updated" }).status).toBe("ignored");
    expect(adaptDelighted({ event_type: "unsubscribe.created" }).status).toBe("ignored");
    expect(adaptZendesk({ score: "offered", id: 1 }).status).toBe("ignored");
    expect(readSurveyMonkeyEvent({ event_type: "collector_created", object_type: "collector" }).status).toBe("ignored");
    expect(adaptSurveyMonkeyResponse({ id: "1", response_status: "partial" }).status).toBe("ignored");
  });

  it("reports bad payloads per field", () => {
    expect(adaptZendesk({ id: 1, score: "meh", created_at: "2011-07-20T22:55:29Z" })).toEqual({
      status: "invalid",
      errors: [{ path: "score", message: 'Zendesk score "meh" is not good or bad.' }],
    });
    const result = adaptDelighted({
      event_type: "survey_response.created",
      event_data: { id: "1", survey_type: "csat", score: 9, created_at: 1516128528 },
    });
    expect(result).toEqual({
      status: "invalid",
      errors: [
        { path: "score", message: expect.stringContaining("A CSAT score is a whole number from 1 to 5, not 9") },
      ],
    });
    expect(adaptTypeform("nope").status).toBe("invalid");
  });

  it("maps Zendesk bad to CSAT 1 and wrapped payloads; Delighted eNPS to employee feedback", () => {
    const bad = adaptZendesk({
      satisfaction_rating: { id: 9, score: "bad", comment: "slow", created_at: "2024-01-01T00:00:00Z" },
    });
    expect(bad.status === "item" && [bad.item.score, bad.item.text, bad.item.customerExternalId]).toEqual([
      1,
      "slow",
      null,
    ]);
    const enps = adaptDelighted({
      event_type: "survey_response.created",
      event_data: { id: 7, survey_type: "enps", score: 4, created_at: 0, person: {} },
    });
    expect(enps.status === "item" && [enps.item.source, enps.item.metricKind, enps.item.receivedAt]).toEqual([
      "employee",
      "nps",
      "1970-01-01T00:00:00Z",
    ]);
  });

  it.each([
    ["nps", {}, "nps"],
    ["rating", {}, "rating"],
    ["rating", { steps: 10 }, null],
    ["opinion_scale", {}, "nps"],
    ["opinion_scale", { steps: 5, start_at_one: true }, "csat"],
    ["opinion_scale", { steps: 7, start_at_one: true }, "ces"],
    ["opinion_scale", { steps: 5 }, null],
    ["number", {}, null],
  ] as const)("Typeform %s %j → %s", (type, properties, kind) => {
    expect(typeformMetricKind(type, properties)).toBe(kind);
  });

  it("SurveyMonkey scales from choice values", () => {
    const choices = (values: number[]) => values.map((v, i) => ({ id: i, text: String(v) }));
    expect(surveyMonkeyMetricKind(choices([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toBe("nps");
    expect(surveyMonkeyMetricKind(choices([5, 4, 3, 2, 1]))).toBe("rating");
    expect(surveyMonkeyMetricKind([1, 2, 3, 4, 5, 6, 7].map((weight) => ({ id: weight, text: "x", weight })))).toBe(
      "ces",
    );
    expect(surveyMonkeyMetricKind([{ id: 1, text: "Yes" }])).toBeNull();
  });
});

describe("generic webhook", () => {
  const mapping = genericWebhookMappingInput.parse({
    paths: {
      externalId: "$.data.response_id",
      score: "data.answers[1].value",
      text: "data.answers[0].value",
      receivedAt: "data.ts",
      customerEmail: "data.contact.email",
      metricKind: "data.type",
    },
    source: "survey",
    receivedAtFormat: "epoch_millis",
    valueMaps: { metricKind: { "Net Promoter": "nps" } },
  });
  const payload = {
    data: {
      response_id: 901,
      ts: "1704067200000",
      type: "Net Promoter",
      contact: { email: "x@y.com" },
      answers: [{ value: "Loved it" }, { value: "10" }],
    },
  };

  it("reads each mapped path, applies value maps and converts scores and epochs", () => {
    expect(adaptGeneric(payload, mapping)).toEqual({
      status: "item",
      item: {
        source: "survey",
        externalId: "901",
        channel: null,
        metricKind: "nps",
        score: 10,
        text: "Loved it",
        language: null,
        receivedAt: "2024-01-01T00:00:00Z",
        customerExternalId: null,
        customerEmail: "x@y.com",
        customerName: null,
      },
    });
  });

  it("turns a path to the wrong value into a field error", () => {
    const result = adaptGeneric({ data: { ...payload.data, answers: [{ value: "x" }, { value: "11" }] } }, mapping);
    expect(result).toMatchObject({ status: "invalid", errors: [{ path: "score" }] });
  });

  it("validates the saved mapping", () => {
    const parsed = genericWebhookMappingInput.safeParse({ paths: { score: "a..b", text: "x[y]" } });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((issue) => issue.path.join("."));
    expect(paths.sort()).toEqual(["paths.externalId", "paths.receivedAt", "paths.score", "paths.text"]);
  });

  it("parses and reads paths", () => {
    expect(parseJsonPath("a.b[2][0].c")).toEqual({ segments: ["a", "b", 2, 0, "c"] });
    expect(parseJsonPath("$.x")).toEqual({ segments: ["x"] });
    expect("error" in parseJsonPath("")).toBe(true);
    expect("error" in parseJsonPath("a.[1]")).toBe(true);
    expect(readJsonPath({ a: [{ b: 1 }] }, ["a", 0, "b"])).toBe(1);
    expect(readJsonPath({ a: [{ b: 1 }] }, ["a", "0"])).toBeUndefined();
    expect(readJsonPath({ a: {} }, ["a", "toString"])).toBeUndefined();
  });
});
