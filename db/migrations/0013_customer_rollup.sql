CREATE TABLE "customer_rollup" (
	"workspace_id" integer NOT NULL,
	"dims" smallint NOT NULL,
	"region" text,
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"segment_id" integer,
	"nps_category" text,
	"customers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "customer_rollup_key" UNIQUE NULLS NOT DISTINCT("workspace_id","dims","region","grain","bucket","segment_id","nps_category"),
	CONSTRAINT "customer_rollup_dims" CHECK ("customer_rollup"."dims" BETWEEN 0 AND 1)
);
--> statement-breakpoint
ALTER TABLE "customer_rollup" ADD CONSTRAINT "customer_rollup_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_state_churned_idx" ON "customer_state" USING btree ("workspace_id","churned_at") WHERE "customer_state"."churned_at" IS NOT NULL;--> statement-breakpoint
-- customer_rollup: customers who have not churned, by the day and month they joined, kept from
-- customer_state by statement triggers with the same staging pattern as the other cubes. Rows that
-- reach zero stay (readers sum them); rollups_rebuild() empties the cube with customer_state and
-- the INSERT and UPDATEs it makes there refill it through these triggers.
CREATE FUNCTION customer_rollup_staging() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF to_regclass('pg_temp.customer_delta') IS NULL THEN
    CREATE TEMP TABLE customer_delta (workspace_id integer, segment_id integer, region text,
      nps_category text, created_at timestamptz, sign integer) ON COMMIT DELETE ROWS;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION customer_rollup_apply() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO customer_rollup AS r (workspace_id, dims, region, grain, bucket, segment_id, nps_category, customers)
    SELECT d.workspace_id, (1 - GROUPING(d.region))::smallint, d.region, g.grain, g.bucket, d.segment_id, d.nps_category,
      sum(d.sign)::int
    FROM pg_temp.customer_delta d
    CROSS JOIN LATERAL (VALUES ('day', (d.created_at AT TIME ZONE 'UTC')::date),
      ('month', date_trunc('month', d.created_at AT TIME ZONE 'UTC')::date)) AS g (grain, bucket)
    -- a deleted workspace's rows go with it (cascade); nothing to keep for it
    WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = d.workspace_id)
    GROUP BY GROUPING SETS ((d.workspace_id, g.grain, g.bucket, d.segment_id, d.nps_category),
      (d.workspace_id, g.grain, g.bucket, d.segment_id, d.nps_category, d.region))
    HAVING sum(d.sign) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ON CONSTRAINT customer_rollup_key DO UPDATE SET customers = r.customers + EXCLUDED.customers;
  DELETE FROM pg_temp.customer_delta;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION customer_rollup_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM customer_rollup_staging();
  IF TG_OP = 'INSERT' THEN
    INSERT INTO pg_temp.customer_delta
      SELECT workspace_id, segment_id, region, nps_category, created_at, 1 FROM new_rows WHERE churned_at IS NULL;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO pg_temp.customer_delta
      SELECT workspace_id, segment_id, region, nps_category, created_at, -1 FROM old_rows WHERE churned_at IS NULL;
  ELSE
    INSERT INTO pg_temp.customer_delta
      SELECT v.workspace_id, v.segment_id, v.region, v.nps_category, v.created_at, v.sign
      FROM old_rows o
      JOIN new_rows n ON n.customer_id = o.customer_id
      CROSS JOIN LATERAL (VALUES
        (-1, o.workspace_id, o.segment_id, o.region, o.nps_category, o.created_at, o.churned_at),
        (1, n.workspace_id, n.segment_id, n.region, n.nps_category, n.created_at, n.churned_at))
        AS v (sign, workspace_id, segment_id, region, nps_category, created_at, churned_at)
      WHERE v.churned_at IS NULL
        AND (o.workspace_id, o.segment_id, o.region, o.nps_category, o.created_at, o.churned_at)
          IS DISTINCT FROM (n.workspace_id, n.segment_id, n.region, n.nps_category, n.created_at, n.churned_at);
  END IF;
  PERFORM customer_rollup_apply();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER customer_rollup_insert AFTER INSERT ON customer_state
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_rollup_sync();
--> statement-breakpoint
CREATE TRIGGER customer_rollup_update AFTER UPDATE ON customer_state
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_rollup_sync();
--> statement-breakpoint
CREATE TRIGGER customer_rollup_delete AFTER DELETE ON customer_state
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION customer_rollup_sync();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  everyone integer[];
BEGIN
  PERFORM rollup_staging();
  TRUNCATE feedback_rollup, orders_rollup, customer_state, customer_rollup, rollup_dirty;
  INSERT INTO customer_state (customer_id, workspace_id, segment_id, region, created_at, churned_at)
    SELECT id, workspace_id, segment_id, region, created_at, churned_at FROM customers;
  SELECT array_agg(DISTINCT customer_id) INTO everyone FROM feedback WHERE metric_kind = 'nps' AND customer_id IS NOT NULL;
  IF everyone IS NOT NULL THEN
    -- the cube holds no orders yet: only set each customer's latest answer
    PERFORM rollup_refresh_nps(everyone, false);
  END IF;
  INSERT INTO pg_temp.feedback_delta (workspace_id, customer_id, received_at, segment_id, region, stage_id, channel, metric_kind, score, sentiment, sign)
    SELECT f.workspace_id, f.customer_id, f.received_at, s.segment_id, s.region, f.stage_id, f.channel, f.metric_kind, f.score, f.sentiment, 1
    FROM feedback f LEFT JOIN customer_state s ON s.customer_id = f.customer_id;
  PERFORM rollup_apply_feedback_delta();
  INSERT INTO pg_temp.orders_delta (workspace_id, customer_id, ordered_at, segment_id, region, nps_category, channel, kind, amount, sign)
    SELECT o.workspace_id, o.customer_id, o.ordered_at, s.segment_id, s.region, s.nps_category, o.channel, o.kind, o.amount, 1
    FROM orders o LEFT JOIN customer_state s ON s.customer_id = o.customer_id;
  PERFORM rollup_apply_orders_delta();
END;
$$;
--> statement-breakpoint
DO $$
BEGIN
  PERFORM customer_rollup_staging();
  INSERT INTO pg_temp.customer_delta
    SELECT workspace_id, segment_id, region, nps_category, created_at, 1 FROM customer_state WHERE churned_at IS NULL;
  PERFORM customer_rollup_apply();
END;
$$;
