import type { z } from "zod";
import type { Channel, FeedbackSource, MetricKind } from "@/server/domain/enums";
import {
  adaptGeneric,
  GENERIC_WEBHOOK_FIELDS,
  genericWebhookMappingInput,
  type GenericWebhookField,
  type GenericWebhookMapping,
} from "@/server/domain/ingest/adapters/generic";
import type { AdapterResult } from "@/server/domain/ingest/adapters/json";
import type { Translate } from "@/server/i18n/core";

/**
 * The generic webhook's mapping editor as plain data: the form's text fields, turned into the
 * mapping the server accepts (checked with the domain's own schema), and a trial run of a pasted
 * sample payload through the domain's adapter — the same code a delivery goes through.
 */

export type ReceivedAtFormat = GenericWebhookMapping["receivedAtFormat"];

export interface MappingDraft {
  paths: Record<GenericWebhookField, string>;
  source: FeedbackSource;
  metricKind: MetricKind;
  /** "" for no channel */
  channel: Channel | "";
  receivedAtFormat: ReceivedAtFormat;
  /** JSON text of the value maps; blank for none */
  valueMaps: string;
}

/** A problem of the draft: a field's message from the schema, or value maps that are not JSON / not the right shape. */
export type MappingProblem =
  | { path: string; message: string }
  | { path: "valueMaps"; problem: "json"; detail: string }
  | { path: "valueMaps"; problem: "shape" };

export type MappingCheck = { ok: true; mapping: GenericWebhookMapping } | { ok: false; problems: MappingProblem[] };

export const VALUE_MAPS_EXAMPLE = '{"metricKind": {"NPS": "nps"}}';

/** A problem in words: the schema's own message, or what is wrong with the value maps. */
export function describeProblem(problem: MappingProblem, t: Translate): string {
  if ("message" in problem) return problem.message;
  return problem.problem === "json"
    ? t("settingsIntegrations.mapping.valueMapsInvalid", { error: problem.detail })
    : t("settingsIntegrations.mapping.valueMapsShape", { example: VALUE_MAPS_EXAMPLE });
}

/** The draft of a saved mapping, or of a new one (every path blank) when there is none. */
export function mappingDraftOf(mapping: GenericWebhookMapping | null | undefined): MappingDraft {
  const paths = Object.fromEntries(GENERIC_WEBHOOK_FIELDS.map((field) => [field, mapping?.paths[field] ?? ""]));
  const valueMaps = mapping && Object.keys(mapping.valueMaps).length > 0 ? JSON.stringify(mapping.valueMaps) : "";
  return {
    paths: paths as MappingDraft["paths"],
    source: mapping?.source ?? "survey",
    metricKind: mapping?.metricKind ?? "none",
    channel: mapping?.channel ?? "",
    receivedAtFormat: mapping?.receivedAtFormat ?? "iso",
    valueMaps,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `{ "<their value>": "<ours>", … }` */
function isTextMap(value: unknown): value is Record<string, string> {
  return isObject(value) && Object.values(value).every((text) => typeof text === "string");
}

/**
 * The mapping of `draft` as genericWebhookMappingInput reads it: blank paths left out, blank value
 * maps as none. Every problem is listed at once, each at its path ("paths.externalId", "valueMaps").
 */
export function mappingOfDraft(draft: MappingDraft): MappingCheck {
  let valueMaps: unknown = {};
  if (draft.valueMaps.trim() !== "") {
    try {
      valueMaps = JSON.parse(draft.valueMaps);
    } catch (error) {
      return { ok: false, problems: [{ path: "valueMaps", problem: "json", detail: (error as Error).message }] };
    }
    const fields: readonly string[] = GENERIC_WEBHOOK_FIELDS;
    const shaped =
      isObject(valueMaps) &&
      Object.entries(valueMaps).every(([field, map]) => fields.includes(field) && isTextMap(map));
    if (!shaped) return { ok: false, problems: [{ path: "valueMaps", problem: "shape" }] };
  }
  const paths = Object.fromEntries(
    Object.entries(draft.paths)
      .map(([field, path]) => [field, path.trim()] as const)
      .filter(([, path]) => path !== ""),
  );
  const parsed = genericWebhookMappingInput.safeParse({
    paths,
    source: draft.source,
    metricKind: draft.metricKind,
    channel: draft.channel === "" ? null : draft.channel,
    receivedAtFormat: draft.receivedAtFormat,
    valueMaps,
  });
  if (parsed.success) return { ok: true, mapping: parsed.data };
  return { ok: false, problems: problemsOf(parsed.error) };
}

function problemsOf(error: z.ZodError): MappingProblem[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

export type SampleRun =
  { kind: "empty" } | { kind: "not-json"; detail: string } | { kind: "result"; result: AdapterResult };

/** What a delivery of the pasted `sample` would give under `mapping`. */
export function runSample(mapping: GenericWebhookMapping, sample: string): SampleRun {
  if (sample.trim() === "") return { kind: "empty" };
  let payload: unknown;
  try {
    payload = JSON.parse(sample);
  } catch (error) {
    return { kind: "not-json", detail: (error as Error).message };
  }
  return { kind: "result", result: adaptGeneric(payload, mapping) };
}

/**
 * A create or update input checked with the procedure's own `schema` before it is sent, with the
 * mapping of `draft` added when there is one: the parsed input, or every problem at its path
 * ("name", "secret", "mapping.paths.externalId", "valueMaps", …).
 */
export function checkInput<T>(
  schema: z.ZodType<T>,
  input: Record<string, unknown>,
  draft: MappingDraft | null,
): { ok: true; data: T } | { ok: false; problems: MappingProblem[] } {
  let withMapping = input;
  if (draft) {
    const check = mappingOfDraft(draft);
    if (!check.ok) return check;
    withMapping = { ...input, mapping: check.mapping };
  }
  const parsed = schema.safeParse(withMapping);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, problems: problemsOf(parsed.error) };
}

/** The problems of the mapping itself, at the paths the editor knows ("mapping.paths.x" → "paths.x"). */
export function mappingProblems(problems: MappingProblem[]): MappingProblem[] {
  return problems.map((problem) =>
    "message" in problem && problem.path.startsWith("mapping.")
      ? { path: problem.path.slice("mapping.".length), message: problem.message }
      : problem,
  );
}

/** The message of the problem at `path`, if any (for a plain form field). */
export function messageAt(problems: MappingProblem[], path: string): string | null {
  const problem = problems.find((p) => p.path === path);
  return problem && "message" in problem ? problem.message : null;
}

/** The problems left once the mapping is edited: its own are dropped until the next check. */
export function withoutMappingProblems(problems: MappingProblem[]): MappingProblem[] {
  return problems.filter(
    (p) => !(p.path.startsWith("mapping.") || p.path.startsWith("paths.") || p.path === "valueMaps"),
  );
}
