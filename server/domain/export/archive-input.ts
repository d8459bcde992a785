import { z } from "zod";
import { updateWorkspaceInput } from "../workspace";

/** A workspace's address: what the database's workspaces_slug_format check accepts. */
export const workspaceSlugInput = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}$/,
    "A workspace address is 1–63 lowercase letters, digits and hyphens, starting with a letter or digit (e.g. northwind-copy).",
  );

/**
 * Where an archive import goes: a new workspace (its address, and a name — the archive's when
 * absent), or an existing workspace that holds no data yet.
 */
export const archiveTargetInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("new"), slug: workspaceSlugInput, name: updateWorkspaceInput.shape.name.optional() }),
  z.object({ kind: z.literal("existing"), workspaceId: z.number().int().min(1).max(2_147_483_647) }),
]);
export type ArchiveTarget = z.infer<typeof archiveTargetInput>;
