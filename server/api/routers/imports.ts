import {
  importIdInput,
  importPreviewInput,
  importStartInput,
  importValidateInput,
  removeMappingInput,
  saveMappingInput,
  savedMappingsInput,
} from "../../domain/ingest/import-inputs";
import { importProgress, listImportHistory } from "../../services/imports-history";
import { startImport } from "../../services/imports-job";
import { listSavedMappings, removeMapping, saveMapping } from "../../services/imports-mappings";
import { previewUpload } from "../../services/imports-preview";
import { undoImport } from "../../services/imports-undo";
import { uploadDir, validateUpload } from "../../services/imports-uploads";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const actorOf = (ctx: { user: { id: number }; membership: { workspaceId: number } }) => ({
  userId: ctx.user.id,
  workspaceId: ctx.membership.workspaceId,
});
const run = permissionProcedure("imports.run");

/** Settings → Import: files come in through POST /api/imports/upload; these read, check, run and undo them. */
export const importsRouter = createTRPCRouter({
  /** The file's first rows, its encoding and a suggested mapping. */
  preview: run
    .input(importPreviewInput)
    .query(({ ctx, input }) =>
      previewUpload(uploadDir(), ctx.membership.workspaceId, input.uploadId, input.entity, input.encoding),
    ),
  /** Checks every row against the mapping, writing nothing; the report lists the first errors. */
  validate: run
    .input(importValidateInput)
    .mutation(({ ctx, input }) => validateUpload(ctx.db, uploadDir(), actorOf(ctx), input)),
  /** Queues a validated import as a background job. */
  start: run.input(importStartInput).mutation(({ ctx, input }) => startImport(ctx.db, actorOf(ctx), input)),
  progress: run
    .input(importIdInput)
    .query(({ ctx, input }) => importProgress(ctx.db, ctx.membership.workspaceId, input.importId)),
  list: run.query(({ ctx }) => listImportHistory(ctx.db, ctx.membership.workspaceId)),
  undo: run.input(importIdInput).mutation(({ ctx, input }) => undoImport(ctx.db, actorOf(ctx), input.importId)),
  savedMappings: run
    .input(savedMappingsInput)
    .query(({ ctx, input }) => listSavedMappings(ctx.db, ctx.membership.workspaceId, input.entity)),
  saveMapping: run.input(saveMappingInput).mutation(({ ctx, input }) => saveMapping(ctx.db, actorOf(ctx), input)),
  removeMapping: run
    .input(removeMappingInput)
    .mutation(({ ctx, input }) => removeMapping(ctx.db, actorOf(ctx), input.id)),
});
