CREATE TABLE "customer_state" (
	"customer_id" integer PRIMARY KEY NOT NULL,
	"workspace_id" integer NOT NULL,
	"segment_id" integer,
	"region" text,
	"created_at" timestamp with time zone NOT NULL,
	"churned_at" timestamp with time zone,
	"nps_category" text,
	"nps_score" smallint,
	"nps_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "feedback_rollup" (
	"workspace_id" integer NOT NULL,
	"dims" smallint NOT NULL,
	"channel" "channel",
	"region" text,
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"segment_id" integer,
	"stage_id" integer,
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
	CONSTRAINT "feedback_rollup_key" UNIQUE NULLS NOT DISTINCT("workspace_id","dims","channel","region","grain","bucket","segment_id","stage_id","metric_kind"),
	CONSTRAINT "feedback_rollup_dims" CHECK ("feedback_rollup"."dims" BETWEEN 0 AND 3)
);
--> statement-breakpoint
CREATE TABLE "orders_rollup" (
	"workspace_id" integer NOT NULL,
	"dims" smallint NOT NULL,
	"channel" "channel",
	"region" text,
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"segment_id" integer,
	"nps_category" text,
	"revenue" numeric(16, 2) DEFAULT '0' NOT NULL,
	"purchases" integer DEFAULT 0 NOT NULL,
	"refunds" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "orders_rollup_key" UNIQUE NULLS NOT DISTINCT("workspace_id","dims","channel","region","grain","bucket","segment_id","nps_category"),
	CONSTRAINT "orders_rollup_dims" CHECK ("orders_rollup"."dims" BETWEEN 0 AND 3)
);
--> statement-breakpoint
ALTER TABLE "customer_state" ADD CONSTRAINT "customer_state_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_state" ADD CONSTRAINT "customer_state_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_rollup" ADD CONSTRAINT "feedback_rollup_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders_rollup" ADD CONSTRAINT "orders_rollup_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_state_workspace_segment_idx" ON "customer_state" USING btree ("workspace_id","segment_id");