import type { JourneyStage, JourneyTouchpoint } from "./types";

/** What a manager can start from a stage card; absent for roles that only read the journey. */
export interface JourneyEditActions {
  editStage: (stage: JourneyStage) => void;
  archiveStage: (stage: JourneyStage) => void;
  addTouchpoint: (stage: JourneyStage) => void;
  editTouchpoint: (stage: JourneyStage, touchpoint: JourneyTouchpoint) => void;
  archiveTouchpoint: (touchpoint: JourneyTouchpoint) => void;
}
