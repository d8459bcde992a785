CREATE TABLE "feedback_daily" (
	"workspace_id" integer NOT NULL,
	"day" date NOT NULL,
	"segment_id" integer,
	"region" text,
	"stage_id" integer,
	"channel" "channel",
	"metric_kind" "metric_kind" NOT NULL,
	"responses" integer DEFAULT 0 NOT NULL,
	"s0" integer DEFAULT 0 NOT NULL,
	"s1" integer DEFAULT 0 NOT NULL,
	"s2" integer DEFAULT 0 NOT NULL,
	"s3" integer DEFAULT 0 NOT NULL,
	"s4" integer DEFAULT 0 NOT NULL,
	"s5" integer DEFAULT 0 NOT NULL,
	"s6" integer DEFAULT 0 NOT NULL,
	"s7" integer DEFAULT 0 NOT NULL,
	"s8" integer DEFAULT 0 NOT NULL,
	"s9" integer DEFAULT 0 NOT NULL,
	"s10" integer DEFAULT 0 NOT NULL,
	"sentiment_milli_sum" bigint DEFAULT 0 NOT NULL,
	"sentiment_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "feedback_daily_key" UNIQUE NULLS NOT DISTINCT("workspace_id","day","segment_id","region","stage_id","channel","metric_kind")
);
--> statement-breakpoint
CREATE TABLE "orders_daily" (
	"workspace_id" integer NOT NULL,
	"day" date NOT NULL,
	"segment_id" integer,
	"region" text,
	"channel" "channel",
	"revenue" numeric(16, 2) DEFAULT '0' NOT NULL,
	"purchases" integer DEFAULT 0 NOT NULL,
	"refunds" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "orders_daily_key" UNIQUE NULLS NOT DISTINCT("workspace_id","day","segment_id","region","channel")
);
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_customer_fk";
--> statement-breakpoint
ALTER TABLE "feedback" DROP CONSTRAINT "feedback_customer_fk";
--> statement-breakpoint
ALTER TABLE "feedback_daily" ADD CONSTRAINT "feedback_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders_daily" ADD CONSTRAINT "orders_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_customer_fk" FOREIGN KEY ("workspace_id","customer_id") REFERENCES "public"."customers"("workspace_id","id") ON DELETE no action ON UPDATE no action;