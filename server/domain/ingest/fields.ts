import { z } from "zod";
import { CHANNELS } from "../enums";
import { parseMoney } from "../kpi/money";
import { parseIsoTimestamp } from "./timestamps";

/**
 * Field schemas shared by the feedback, customer and order inputs of the REST API, the webhooks and
 * the CSV import, so one value gets one rule and one message wherever it arrives.
 */

export const MAX_EXTERNAL_ID = 200;
export const MAX_TEXT = 20_000;
export const MAX_NAME = 200;

// Control characters would make an id unreadable in reports and URLs; tabs included.
const CONTROL = /[\u0000-\u001F\u007F]/;

/**
 * An id in the system the record came from: a string of 1–200 characters after trimming, without
 * control characters. A JSON number is accepted only while it is a safe integer (≤ 2^53 − 1): past
 * that, JSON parsing has already rounded it (tweet ids), so it must be sent as a string.
 */
export function externalIdSchema(what: string) {
  return z.union([z.string(), z.number()], { error: `Give the ${what} as a string.` }).transform((raw, ctx) => {
    if (typeof raw === "number") {
      if (!Number.isSafeInteger(raw)) {
        ctx.addIssue({
          code: "custom",
          message: `The ${what} ${raw} is not a whole number below 2^53, so its digits may be lost; send it as a string.`,
        });
        return z.NEVER;
      }
      return String(raw);
    }
    const value = raw.trim();
    const problem =
      value === ""
        ? `The ${what} is blank; every record needs one (it is how re-sending it updates instead of duplicating).`
        : value.length > MAX_EXTERNAL_ID
          ? `The ${what} is ${value.length} characters long; at most ${MAX_EXTERNAL_ID} are allowed.`
          : CONTROL.test(value)
            ? `The ${what} contains control characters (tabs, line breaks); remove them.`
            : null;
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return value;
  });
}

/**
 * An instant as ISO 8601 text with its offset (`2024-05-01T09:30:00Z`, `…+02:00`, `…-0800`, up to
 * microseconds), read into canonical UTC text (`2024-05-01T09:30:00Z`; see timestamps.ts). A time
 * without an offset is rejected: it does not say which instant it means.
 */
export const isoTimestampSchema = z.string({ error: "Send the time as ISO 8601 text." }).transform((raw, ctx) => {
  const parsed = parseIsoTimestamp(raw);
  if ("error" in parsed) {
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  return parsed.value;
});

/**
 * Money as an exact decimal string with at most 2 decimals ("1234.56", "-0.10"), normalised to 2
 * decimals, with at most 12 integer digits (the column is numeric(14, 2)). Numbers are refused so
 * that no float ever touches an amount.
 */
export const moneySchema = z
  .string({ error: 'Send the amount as a decimal string, e.g. "1234.56", never a JSON number.' })
  .trim()
  .transform((raw, ctx) => {
    let cents: bigint;
    try {
      cents = parseMoney(raw);
    } catch {
      ctx.addIssue({
        code: "custom",
        message: `${JSON.stringify(raw.slice(0, 30))} is not an amount; write digits with up to 2 decimals and "." as the decimal point, e.g. "1234.56" or "-0.10".`,
      });
      return z.NEVER;
    }
    const magnitude = cents < 0n ? -cents : cents;
    if (magnitude >= 10n ** 14n) {
      ctx.addIssue({ code: "custom", message: "The amount is too large; at most 12 digits before the decimal point." });
      return z.NEVER;
    }
    const digits = magnitude.toString().padStart(3, "0");
    return `${cents < 0n ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
  });

export const channelSchema = z.enum(CHANNELS, { error: `Channel must be one of ${CHANNELS.join(", ")}.` });

/** Optional free text: trimmed; blank becomes null; at most `max` characters. */
export function optionalTextSchema(what: string, max: number) {
  return z
    .string({ error: `Send the ${what} as text.` })
    .max(max, `The ${what} is longer than ${max} characters.`)
    .nullish()
    .transform((value) => (value == null || value.trim() === "" ? null : value.trim()));
}

export const emailSchema = z
  .email({ error: "Enter a valid email address, e.g. name@example.com." })
  .max(320, "An email address is at most 320 characters.");

/** Optional email: trimmed, blank → null, otherwise kept as given (local parts can be case-sensitive). */
export const optionalEmailSchema = z
  .string({ error: "Send the email as text." })
  .nullish()
  .transform((value) => (value == null || value.trim() === "" ? null : value.trim()))
  .pipe(emailSchema.nullable());

/** A BCP 47 language tag such as "en", "pt-BR" or "zh-Hant"; blank → null. */
export const languageSchema = z
  .string()
  .nullish()
  .transform((value) => (value == null || value.trim() === "" ? null : value.trim()))
  .refine(
    (value) => value === null || /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value),
    'Language must be a BCP 47 tag such as "en", "pt-BR" or "zh-Hant".',
  );

/**
 * `when` option of a cross-field superRefine: run it as soon as `fields` themselves parsed, even if
 * other fields failed, so a batch answer lists every problem of an item at once (zod's default
 * skips object refinements after any issue).
 */
export function whenFieldsValid(...fields: string[]): z.core.$ZodSuperRefineParams {
  return { when: (payload) => !payload.issues.some((issue) => fields.includes(String(issue.path?.[0]))) };
}
