DROP INDEX "feedback_stage_idx";--> statement-breakpoint
DROP INDEX "feedback_touchpoint_idx";--> statement-breakpoint
DROP INDEX "feedback_assignee_idx";--> statement-breakpoint
DROP INDEX "feedback_team_idx";--> statement-breakpoint
CREATE INDEX "feedback_stage_idx" ON "feedback" USING btree ("stage_id","received_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "feedback_touchpoint_idx" ON "feedback" USING btree ("touchpoint_id","received_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "feedback_assignee_idx" ON "feedback" USING btree ("assignee_id","received_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "feedback_team_idx" ON "feedback" USING btree ("team_id","received_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);