import { z } from "zod";
import { METRIC_KINDS, type MetricKind } from "../enums";
import { genericWebhookMappingInput, type GenericWebhookMapping } from "./adapters/generic";
import { idInput, secretText, type WebhookTool } from "./integrations";

/**
 * What Settings → Integrations does to an existing webhook endpoint besides creating and revoking
 * it: rename it (and edit a generic endpoint's mapping), rotate its signing secret, and which of
 * its saved options may be shown again. Pure: the forms import the same inputs.
 */

/**
 * Tools whose secret is any text the admin pastes into the tool, so Touchpoint may generate it.
 * Zendesk and SurveyMonkey make the secret themselves (it must be copied from them); Delighted
 * signs nothing.
 */
export const GENERATED_SECRET_TOOLS: readonly WebhookTool[] = ["typeform", "generic"];

export function secretIsGenerated(tool: WebhookTool): boolean {
  return GENERATED_SECRET_TOOLS.includes(tool);
}

/** A new name, and for a generic endpoint a new mapping (left out: the saved one stays). */
export const updateWebhookInput = idInput.extend({
  name: z.string().trim().min(1, "Name the webhook after the survey or tool that sends it.").max(100),
  mapping: genericWebhookMappingInput.optional(),
});
export type UpdateWebhookInput = z.output<typeof updateWebhookInput>;

/** A new signing secret: given (Zendesk, SurveyMonkey; optional for Typeform and generic) or generated. */
export const rotateWebhookSecretInput = idInput.extend({ secret: secretText.optional() });
export type RotateWebhookSecretInput = z.output<typeof rotateWebhookSecretInput>;

/**
 * The options of an endpoint that may be shown again, read from its saved `config`: Typeform's
 * scored question and metric kind, SurveyMonkey's five-point kind, the generic mapping. Never the
 * secret, SurveyMonkey's API key or access token. A value that does not parse is left out rather
 * than shown wrong (a generic mapping that does not parse is null: the editor starts empty).
 */
export interface WebhookSettings {
  scoreField?: string;
  metricKind?: MetricKind;
  fivePointKind?: "csat" | "rating";
  mapping?: GenericWebhookMapping | null;
}

export function webhookSettingsOf(tool: WebhookTool, config: unknown): WebhookSettings {
  const saved = typeof config === "object" && config !== null ? (config as Record<string, unknown>) : {};
  switch (tool) {
    case "typeform": {
      const metricKind = METRIC_KINDS.find((kind) => kind === saved.metricKind);
      return {
        ...(typeof saved.scoreField === "string" ? { scoreField: saved.scoreField } : {}),
        ...(metricKind ? { metricKind } : {}),
      };
    }
    case "surveymonkey":
      return { fivePointKind: saved.fivePointKind === "csat" ? "csat" : "rating" };
    case "generic": {
      const parsed = genericWebhookMappingInput.safeParse(saved.mapping);
      return { mapping: parsed.success ? parsed.data : null };
    }
    case "delighted":
    case "zendesk":
      return {};
  }
}
