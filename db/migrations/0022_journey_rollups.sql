CREATE TABLE "friction_rollup" (
	"workspace_id" integer NOT NULL,
	"dims" smallint NOT NULL,
	"channel" "channel",
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"segment_id" integer,
	"stage_id" integer NOT NULL,
	"touchpoint_id" integer,
	"theme_id" integer NOT NULL,
	"negative" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "friction_rollup_key" UNIQUE NULLS NOT DISTINCT("workspace_id","dims","channel","grain","bucket","segment_id","stage_id","touchpoint_id","theme_id"),
	CONSTRAINT "friction_rollup_dims" CHECK ("friction_rollup"."dims" IN (0, 2))
);
--> statement-breakpoint
CREATE TABLE "journey_rollup" (
	"workspace_id" integer NOT NULL,
	"dims" smallint NOT NULL,
	"channel" "channel",
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"segment_id" integer,
	"stage_id" integer,
	"touchpoint_id" integer NOT NULL,
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
	CONSTRAINT "journey_rollup_key" UNIQUE NULLS NOT DISTINCT("workspace_id","dims","channel","grain","bucket","segment_id","touchpoint_id","metric_kind"),
	CONSTRAINT "journey_rollup_dims" CHECK ("journey_rollup"."dims" IN (0, 2))
);
--> statement-breakpoint
CREATE TABLE "journey_rollup_dirty" (
	"workspace_id" integer NOT NULL,
	"day" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "friction_rollup" ADD CONSTRAINT "friction_rollup_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_rollup" ADD CONSTRAINT "journey_rollup_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_rollup_dirty" ADD CONSTRAINT "journey_rollup_dirty_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journey_rollup_dirty_workspace_idx" ON "journey_rollup_dirty" USING btree ("workspace_id");
--> statement-breakpoint
-- The journey map's cubes (db/schema/rollups.ts: journey_rollup, friction_rollup) are refreshed
-- from the raw rows per dirty UTC day: writes only append the days they touch.
CREATE FUNCTION journey_mark_feedback() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- a deferred bulk load ends with rollups_rebuild(), which rebuilds these cubes too
  IF rollups_deferred() THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO journey_rollup_dirty (workspace_id, day)
      SELECT DISTINCT n.workspace_id, (n.received_at AT TIME ZONE 'UTC')::date FROM new_rows n
      WHERE n.stage_id IS NOT NULL OR n.touchpoint_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO journey_rollup_dirty (workspace_id, day)
      SELECT DISTINCT o.workspace_id, (o.received_at AT TIME ZONE 'UTC')::date FROM old_rows o
      WHERE (o.stage_id IS NOT NULL OR o.touchpoint_id IS NOT NULL)
        AND EXISTS (SELECT 1 FROM workspaces w WHERE w.id = o.workspace_id);
  ELSE
    -- only rows whose counted columns changed (a triage edit marks nothing)
    INSERT INTO journey_rollup_dirty (workspace_id, day)
      SELECT DISTINCT v.workspace_id, v.day
      FROM old_rows o
      JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES
        (o.workspace_id, (o.received_at AT TIME ZONE 'UTC')::date, o.stage_id, o.touchpoint_id),
        (n.workspace_id, (n.received_at AT TIME ZONE 'UTC')::date, n.stage_id, n.touchpoint_id)
      ) AS v (workspace_id, day, stage_id, touchpoint_id)
      WHERE (v.stage_id IS NOT NULL OR v.touchpoint_id IS NOT NULL)
        AND (o.workspace_id, o.customer_id, o.received_at, o.stage_id, o.touchpoint_id, o.channel, o.metric_kind, o.score,
          o.sentiment, o.sentiment_label)
        IS DISTINCT FROM (n.workspace_id, n.customer_id, n.received_at, n.stage_id, n.touchpoint_id, n.channel,
          n.metric_kind, n.score, n.sentiment, n.sentiment_label);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION journey_mark_feedback_themes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN
    RETURN NULL;
  END IF;
  -- only negative items count as friction; a link deleted with its feedback item was marked by
  -- the feedback trigger (the item is gone by now)
  IF TG_OP = 'INSERT' THEN
    INSERT INTO journey_rollup_dirty (workspace_id, day)
      SELECT DISTINCT f.workspace_id, (f.received_at AT TIME ZONE 'UTC')::date
      FROM new_rows t JOIN feedback f ON f.id = t.feedback_id
      WHERE f.stage_id IS NOT NULL AND f.sentiment_label = 'negative';
  ELSE
    INSERT INTO journey_rollup_dirty (workspace_id, day)
      SELECT DISTINCT f.workspace_id, (f.received_at AT TIME ZONE 'UTC')::date
      FROM old_rows t JOIN feedback f ON f.id = t.feedback_id
      WHERE f.stage_id IS NOT NULL AND f.sentiment_label = 'negative'
        AND EXISTS (SELECT 1 FROM workspaces w WHERE w.id = f.workspace_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION journey_mark_customers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN
    RETURN NULL;
  END IF;
  -- a customer's segment is part of the cubes' key: the days of their feedback move
  INSERT INTO journey_rollup_dirty (workspace_id, day)
    SELECT DISTINCT f.workspace_id, (f.received_at AT TIME ZONE 'UTC')::date
    FROM old_rows o
    JOIN new_rows n ON n.id = o.id
    JOIN feedback f ON f.customer_id = o.id
    WHERE o.segment_id IS DISTINCT FROM n.segment_id AND f.stage_id IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER journey_mark_feedback_insert AFTER INSERT ON feedback
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION journey_mark_feedback();
--> statement-breakpoint
CREATE TRIGGER journey_mark_feedback_update AFTER UPDATE ON feedback
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION journey_mark_feedback();
--> statement-breakpoint
CREATE TRIGGER journey_mark_feedback_delete AFTER DELETE ON feedback
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION journey_mark_feedback();
--> statement-breakpoint
CREATE TRIGGER journey_mark_feedback_themes_insert AFTER INSERT ON feedback_themes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION journey_mark_feedback_themes();
--> statement-breakpoint
CREATE TRIGGER journey_mark_feedback_themes_delete AFTER DELETE ON feedback_themes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION journey_mark_feedback_themes();
--> statement-breakpoint
CREATE TRIGGER journey_mark_customers_update AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION journey_mark_customers();
--> statement-breakpoint
-- Recompute the journey cubes of a workspace's dirty days (and of those days' months) from the raw
-- rows; returns the number of days refreshed. One refresher per workspace at a time.
CREATE FUNCTION journey_rollups_refresh(ws integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  lo date;
  hi date;
  refreshed integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('journey_rollups'), ws);
  IF to_regclass('pg_temp.journey_days') IS NULL THEN
    CREATE TEMP TABLE journey_days (day date PRIMARY KEY, month date NOT NULL) ON COMMIT DELETE ROWS;
  END IF;
  TRUNCATE pg_temp.journey_days;
  WITH taken AS (DELETE FROM journey_rollup_dirty WHERE workspace_id = ws RETURNING day)
    INSERT INTO pg_temp.journey_days (day, month) SELECT DISTINCT day, date_trunc('month', day)::date FROM taken;
  SELECT count(*), min(day), max(day) INTO refreshed, lo, hi FROM pg_temp.journey_days;
  IF refreshed = 0 THEN
    RETURN 0;
  END IF;
  ANALYZE pg_temp.journey_days;
  DELETE FROM journey_rollup r WHERE r.workspace_id = ws AND r.bucket >= date_trunc('month', lo)::date AND r.bucket <= hi
    AND ((r.grain = 'day' AND r.bucket IN (SELECT day FROM pg_temp.journey_days))
      OR (r.grain = 'month' AND r.bucket IN (SELECT month FROM pg_temp.journey_days)));
  DELETE FROM friction_rollup r WHERE r.workspace_id = ws AND r.bucket >= date_trunc('month', lo)::date AND r.bucket <= hi
    AND ((r.grain = 'day' AND r.bucket IN (SELECT day FROM pg_temp.journey_days))
      OR (r.grain = 'month' AND r.bucket IN (SELECT month FROM pg_temp.journey_days)));

  INSERT INTO journey_rollup (workspace_id, dims, channel, grain, bucket, segment_id, stage_id, touchpoint_id, metric_kind,
    responses, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, sentiment_milli_sum, sentiment_count)
  SELECT ws, (2 - 2 * GROUPING(x.channel))::smallint, x.channel, 'day', x.day, x.segment_id, x.stage_id, x.touchpoint_id,
      x.metric_kind, count(*)::int,
      count(*) FILTER (WHERE x.score = 0)::int,
      count(*) FILTER (WHERE x.score = 1)::int,
      count(*) FILTER (WHERE x.score = 2)::int,
      count(*) FILTER (WHERE x.score = 3)::int,
      count(*) FILTER (WHERE x.score = 4)::int,
      count(*) FILTER (WHERE x.score = 5)::int,
      count(*) FILTER (WHERE x.score = 6)::int,
      count(*) FILTER (WHERE x.score = 7)::int,
      count(*) FILTER (WHERE x.score = 8)::int,
      count(*) FILTER (WHERE x.score = 9)::int,
      count(*) FILTER (WHERE x.score = 10)::int,
      coalesce(sum(round(x.sentiment * 1000)), 0)::bigint, count(x.sentiment)::int
  FROM (
    SELECT (f.received_at AT TIME ZONE 'UTC')::date AS day, c.segment_id, f.stage_id, f.touchpoint_id, f.channel,
      f.metric_kind, f.score, f.sentiment
    FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id
    WHERE f.workspace_id = ws AND f.touchpoint_id IS NOT NULL
      AND f.received_at >= lo::timestamp AT TIME ZONE 'UTC' AND f.received_at < (hi + 1)::timestamp AT TIME ZONE 'UTC'
  ) x
  WHERE x.day IN (SELECT day FROM pg_temp.journey_days)
  GROUP BY GROUPING SETS ((x.day, x.segment_id, x.stage_id, x.touchpoint_id, x.metric_kind),
    (x.day, x.segment_id, x.stage_id, x.touchpoint_id, x.metric_kind, x.channel));

  INSERT INTO friction_rollup (workspace_id, dims, channel, grain, bucket, segment_id, stage_id, touchpoint_id, theme_id, negative)
  SELECT ws, (2 - 2 * GROUPING(x.channel))::smallint, x.channel, 'day', x.day, x.segment_id, x.stage_id, x.touchpoint_id,
      x.theme_id, count(*)::int
  FROM (
    SELECT (f.received_at AT TIME ZONE 'UTC')::date AS day, c.segment_id, f.stage_id, f.touchpoint_id, f.channel, ft.theme_id
    FROM feedback f
    JOIN feedback_themes ft ON ft.feedback_id = f.id
    LEFT JOIN customers c ON c.id = f.customer_id
    WHERE f.workspace_id = ws AND f.stage_id IS NOT NULL AND f.sentiment_label = 'negative'
      AND f.received_at >= lo::timestamp AT TIME ZONE 'UTC' AND f.received_at < (hi + 1)::timestamp AT TIME ZONE 'UTC'
  ) x
  WHERE x.day IN (SELECT day FROM pg_temp.journey_days)
  GROUP BY GROUPING SETS ((x.day, x.segment_id, x.stage_id, x.touchpoint_id, x.theme_id),
    (x.day, x.segment_id, x.stage_id, x.touchpoint_id, x.theme_id, x.channel));

  -- a month's row is the sum of its day rows (the month's other days are in step)
  INSERT INTO journey_rollup (workspace_id, dims, channel, grain, bucket, segment_id, stage_id, touchpoint_id, metric_kind,
    responses, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, sentiment_milli_sum, sentiment_count)
  SELECT ws, r.dims, r.channel, 'month', date_trunc('month', r.bucket)::date, r.segment_id, r.stage_id, r.touchpoint_id,
      r.metric_kind, sum(r.responses)::int, sum(s0)::int, sum(s1)::int, sum(s2)::int, sum(s3)::int, sum(s4)::int, sum(s5)::int, sum(s6)::int, sum(s7)::int, sum(s8)::int, sum(s9)::int, sum(s10)::int, sum(r.sentiment_milli_sum)::bigint, sum(r.sentiment_count)::int
  FROM journey_rollup r
  WHERE r.workspace_id = ws AND r.grain = 'day' AND r.bucket >= date_trunc('month', lo)::date
    AND r.bucket < (date_trunc('month', hi) + interval '1 month')::date
    AND date_trunc('month', r.bucket)::date IN (SELECT month FROM pg_temp.journey_days)
  GROUP BY r.dims, r.channel, date_trunc('month', r.bucket), r.segment_id, r.stage_id, r.touchpoint_id, r.metric_kind;

  INSERT INTO friction_rollup (workspace_id, dims, channel, grain, bucket, segment_id, stage_id, touchpoint_id, theme_id, negative)
  SELECT ws, r.dims, r.channel, 'month', date_trunc('month', r.bucket)::date, r.segment_id, r.stage_id, r.touchpoint_id,
      r.theme_id, sum(r.negative)::int
  FROM friction_rollup r
  WHERE r.workspace_id = ws AND r.grain = 'day' AND r.bucket >= date_trunc('month', lo)::date
    AND r.bucket < (date_trunc('month', hi) + interval '1 month')::date
    AND date_trunc('month', r.bucket)::date IN (SELECT month FROM pg_temp.journey_days)
  GROUP BY r.dims, r.channel, date_trunc('month', r.bucket), r.segment_id, r.stage_id, r.touchpoint_id, r.theme_id;
  RETURN refreshed;
END;
$$;
--> statement-breakpoint
-- Every workspace's journey cubes from scratch (every day with staged feedback marked dirty).
CREATE FUNCTION journey_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ws integer;
BEGIN
  TRUNCATE journey_rollup, friction_rollup, journey_rollup_dirty;
  INSERT INTO journey_rollup_dirty (workspace_id, day)
    SELECT DISTINCT workspace_id, (received_at AT TIME ZONE 'UTC')::date FROM feedback WHERE stage_id IS NOT NULL;
  FOR ws IN SELECT id FROM workspaces ORDER BY id LOOP
    PERFORM journey_rollups_refresh(ws);
  END LOOP;
END;
$$;
--> statement-breakpoint
-- rollups_rebuild() (the repair path and the end of every deferred bulk load) rebuilds the journey
-- cubes too: the cube part keeps its code under a new name
ALTER FUNCTION rollups_rebuild() RENAME TO rollups_rebuild_cubes;
--> statement-breakpoint
CREATE FUNCTION rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollups_rebuild_cubes();
  PERFORM journey_rollups_rebuild();
END;
$$;
--> statement-breakpoint
CREATE INDEX "journey_rollup_workspace_bucket_idx" ON "journey_rollup" ("workspace_id", "grain", "bucket");
--> statement-breakpoint
CREATE INDEX "friction_rollup_workspace_bucket_idx" ON "friction_rollup" ("workspace_id", "grain", "bucket");
--> statement-breakpoint
SELECT journey_rollups_rebuild();
