DROP INDEX "orders_workspace_ordered_at_idx";--> statement-breakpoint
CREATE INDEX "orders_workspace_ordered_at_amount_idx" ON "orders" USING btree ("workspace_id","ordered_at","amount");