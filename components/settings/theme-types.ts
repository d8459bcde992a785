import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

/** A theme of the library, with how many feedback items it is linked to. */
export type Theme = Outputs["themes"]["list"][number];

/** A phrase of negative feedback that no theme covers yet. */
export type ThemeSuggestion = Outputs["themes"]["suggestions"][number];
