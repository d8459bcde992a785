import { z } from "zod";
import { IMPORT_ENCODINGS } from "./encoding";
import { IMPORT_ENTITIES, type columnMappingInput } from "./mapping";

/** zod inputs of the Settings → Import procedures (server/api/routers/imports.ts). Pure. */

const uploadId = z.uuid({ error: "That is not an upload id; upload the file again." });
/** Absent: detect (UTF-8, or Windows-1252 with a warning when the bytes are not UTF-8). */
const encoding = z.enum(IMPORT_ENCODINGS).optional();
/** Checked by the service (columnMappingInput), which lists every problem in one message. */
const mapping = z.custom<z.input<typeof columnMappingInput>>(
  (value) => typeof value === "object" && value !== null,
  "Send the column mapping as an object.",
);

export const importPreviewInput = z.object({ uploadId, entity: z.enum(IMPORT_ENTITIES), encoding });

export const importValidateInput = z.object({
  uploadId,
  fileName: z.string().trim().min(1, "The file needs a name.").max(255, "The file name is longer than 255 characters."),
  encoding,
  mapping,
});

export const importStartInput = z.object({
  importId: z.number().int().positive(),
  /** Import the valid rows and skip the invalid ones the validation listed. */
  skipInvalid: z.boolean(),
});

export const importIdInput = z.object({ importId: z.number().int().positive() });

export const savedMappingsInput = z.object({ entity: z.enum(IMPORT_ENTITIES) });

export const saveMappingInput = z.object({
  name: z.string().trim().min(1, "Name the mapping, e.g. “Typeform NPS export”.").max(100, "At most 100 characters."),
  mapping,
});

export const removeMappingInput = z.object({ id: z.number().int().positive() });
