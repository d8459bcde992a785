DROP TABLE "feedback_daily" CASCADE;--> statement-breakpoint
DROP TABLE "orders_daily" CASCADE;