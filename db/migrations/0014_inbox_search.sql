ALTER TABLE "feedback" ADD COLUMN "search_terms" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "analysed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "feedback_workspace_priority_idx" ON "feedback" USING btree ("workspace_id","priority","received_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "feedback_workspace_sentiment_idx" ON "feedback" USING btree ("workspace_id",coalesce("sentiment", 2),"received_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "feedback_search_terms_idx" ON "feedback" USING gin ("search_terms");