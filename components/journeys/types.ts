import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type JourneysOutput = inferRouterOutputs<AppRouter>["journeys"];

export type JourneyMapData = JourneysOutput["map"];
export type JourneyStage = JourneyMapData["stages"][number];
export type JourneyTouchpoint = JourneyStage["touchpoints"][number];
export type JourneyFigures = JourneyStage["current"];
export type StageMetricKind = JourneyStage["mainMetric"];
export type MomentsOfTruthData = JourneysOutput["momentsOfTruth"];
export type MomentOfTruth = MomentsOfTruthData["ranking"][number];
export type JourneyFunnelData = JourneysOutput["funnel"];
