import { z } from "zod";

export const updateWorkspaceInput = z.object({
  name: z.string().trim().min(2, "Name must be at least 2 characters.").max(80, "Name must be at most 80 characters."),
});
export type UpdateWorkspaceInput = z.infer<typeof updateWorkspaceInput>;
