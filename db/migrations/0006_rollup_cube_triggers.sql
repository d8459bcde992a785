-- Rollup cubes (0005) replace the daily rollups of 0003/0004, whose day × segment × region ×
-- stage × channel key held about one row per feedback. Statement-level triggers stage the rows a
-- statement changes, signed (+1 new, −1 old), in per-session temporary tables and fold them into
-- the cubes with one grouped upsert (GROUPING SETS: every breakdown at once, both grains).
-- customer_state carries each customer's segment, region, lifetime and latest NPS answer; when a
-- customer's latest category changes, their orders move between categories in orders_rollup.
-- rollups_rebuild() recomputes everything from the raw tables with the same code.
DROP TRIGGER feedback_rollup_insert ON feedback;
--> statement-breakpoint
DROP TRIGGER feedback_rollup_delete ON feedback;
--> statement-breakpoint
DROP TRIGGER feedback_rollup_update ON feedback;
--> statement-breakpoint
DROP TRIGGER orders_rollup_insert ON orders;
--> statement-breakpoint
DROP TRIGGER orders_rollup_delete ON orders;
--> statement-breakpoint
DROP TRIGGER orders_rollup_update ON orders;
--> statement-breakpoint
DROP TRIGGER customers_rollup_update ON customers;
--> statement-breakpoint
DROP FUNCTION feedback_rollup_insert(), feedback_rollup_delete(), feedback_rollup_update(),
  orders_rollup_insert(), orders_rollup_delete(), orders_rollup_update(), customers_rollup_update();
--> statement-breakpoint
-- the triggers delete rows that drop to zero; these find them without a scan
CREATE INDEX feedback_rollup_empty_idx ON feedback_rollup (workspace_id) WHERE responses = 0;
--> statement-breakpoint
CREATE INDEX orders_rollup_empty_idx ON orders_rollup (workspace_id) WHERE purchases = 0 AND refunds = 0;
--> statement-breakpoint
-- latest NPS answer of a customer (customer_state refresh)
CREATE INDEX feedback_customer_nps_idx ON feedback (customer_id, received_at DESC, id DESC) WHERE metric_kind = 'nps';
--> statement-breakpoint
CREATE FUNCTION rollup_staging() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF to_regclass('pg_temp.feedback_delta') IS NULL THEN
    CREATE TEMP TABLE feedback_delta (workspace_id integer, customer_id integer, received_at timestamptz,
      segment_id integer, region text, stage_id integer, channel channel, metric_kind metric_kind,
      score smallint, sentiment real, sign integer) ON COMMIT DELETE ROWS;
  END IF;
  IF to_regclass('pg_temp.orders_delta') IS NULL THEN
    CREATE TEMP TABLE orders_delta (workspace_id integer, customer_id integer, ordered_at timestamptz,
      segment_id integer, region text, nps_category text, channel channel, kind order_kind,
      amount numeric(14, 2), sign integer) ON COMMIT DELETE ROWS;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION rollup_apply_feedback_delta() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO feedback_rollup AS r (workspace_id, dims, channel, region, grain, bucket, segment_id, stage_id, metric_kind,
    responses, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, sentiment_milli_sum, sentiment_count)
  SELECT workspace_id, (3 - GROUPING(channel, region))::smallint, channel, region, grain, bucket, segment_id, stage_id, metric_kind,
    sum(sign)::int,
    coalesce(sum(sign) FILTER (WHERE score = 0), 0)::int,
    coalesce(sum(sign) FILTER (WHERE score = 1), 0)::int,
    coalesce(sum(sign) FILTER (WHERE score = 2), 0)::int,
    coalesce(sum(sign) FILTER (WHERE score = 3), 0)::int,
    coalesce(sum(sign) FILTER (WHERE score = 4), 0)::int,
    coalesce(sum(sign) FILTER (WHERE score = 5), 0)::int,
    coalesce(sum(sign) FILTER (WHERE score = 6), 0)::int,
    coalesce(sum(sign) FILTER (WHERE score = 7), 0)::int,
    coalesce(sum(sign) FILTER (WHERE score = 8), 0)::int,
    coalesce(sum(sign) FILTER (WHERE score = 9), 0)::int,
    coalesce(sum(sign) FILTER (WHERE score = 10), 0)::int,
    coalesce(sum(sign * round(sentiment * 1000)), 0)::bigint,
    coalesce(sum(sign) FILTER (WHERE sentiment IS NOT NULL), 0)::int
  FROM (
    SELECT d.*, t.grain, t.bucket
    FROM pg_temp.feedback_delta d
    CROSS JOIN LATERAL (VALUES ('day', (d.received_at AT TIME ZONE 'UTC')::date),
      ('month', date_trunc('month', d.received_at AT TIME ZONE 'UTC')::date)) AS t (grain, bucket)
    -- rows of a workspace being deleted: its rollup rows go with it (foreign key cascade)
    WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = d.workspace_id)
  ) x
  GROUP BY GROUPING SETS (
    (workspace_id, grain, bucket, segment_id, stage_id, metric_kind),
    (workspace_id, grain, bucket, segment_id, stage_id, metric_kind, region),
    (workspace_id, grain, bucket, segment_id, stage_id, metric_kind, channel),
    (workspace_id, grain, bucket, segment_id, stage_id, metric_kind, channel, region))
  ON CONFLICT ON CONSTRAINT feedback_rollup_key DO UPDATE SET
    responses = r.responses + excluded.responses, s0 = r.s0 + excluded.s0, s1 = r.s1 + excluded.s1, s2 = r.s2 + excluded.s2, s3 = r.s3 + excluded.s3, s4 = r.s4 + excluded.s4, s5 = r.s5 + excluded.s5, s6 = r.s6 + excluded.s6, s7 = r.s7 + excluded.s7, s8 = r.s8 + excluded.s8, s9 = r.s9 + excluded.s9, s10 = r.s10 + excluded.s10,
    sentiment_milli_sum = r.sentiment_milli_sum + excluded.sentiment_milli_sum,
    sentiment_count = r.sentiment_count + excluded.sentiment_count;
  DELETE FROM feedback_rollup WHERE responses = 0;
  TRUNCATE pg_temp.feedback_delta;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION rollup_apply_orders_delta() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO orders_rollup AS r (workspace_id, dims, channel, region, grain, bucket, segment_id, nps_category,
    revenue, purchases, refunds)
  SELECT workspace_id, (3 - GROUPING(channel, region))::smallint, channel, region, grain, bucket, segment_id, nps_category,
    sum(sign * amount),
    coalesce(sum(sign) FILTER (WHERE kind = 'purchase'), 0)::int,
    coalesce(sum(sign) FILTER (WHERE kind = 'refund'), 0)::int
  FROM (
    SELECT d.*, t.grain, t.bucket
    FROM pg_temp.orders_delta d
    CROSS JOIN LATERAL (VALUES ('day', (d.ordered_at AT TIME ZONE 'UTC')::date),
      ('month', date_trunc('month', d.ordered_at AT TIME ZONE 'UTC')::date)) AS t (grain, bucket)
    WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = d.workspace_id)
  ) x
  GROUP BY GROUPING SETS (
    (workspace_id, grain, bucket, segment_id, nps_category),
    (workspace_id, grain, bucket, segment_id, nps_category, region),
    (workspace_id, grain, bucket, segment_id, nps_category, channel),
    (workspace_id, grain, bucket, segment_id, nps_category, channel, region))
  ON CONFLICT ON CONSTRAINT orders_rollup_key DO UPDATE SET
    revenue = r.revenue + excluded.revenue,
    purchases = r.purchases + excluded.purchases,
    refunds = r.refunds + excluded.refunds;
  DELETE FROM orders_rollup WHERE purchases = 0 AND refunds = 0;
  TRUNCATE pg_temp.orders_delta;
END;
$$;
--> statement-breakpoint
-- Recompute the latest NPS answer of `affected` customers; with move_orders, move the orders of
-- those whose category changed to the new category in orders_rollup.
CREATE FUNCTION rollup_refresh_nps(affected integer[], move_orders boolean DEFAULT true) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  CREATE TEMP TABLE nps_next ON COMMIT DROP AS
    SELECT s.customer_id, s.nps_category AS old_category, l.score, l.received_at,
      CASE WHEN l.score IS NULL THEN NULL WHEN l.score >= 9 THEN 'promoter' WHEN l.score >= 7 THEN 'passive' ELSE 'detractor' END AS category
    FROM customer_state s
    LEFT JOIN (
      SELECT DISTINCT ON (f.customer_id) f.customer_id, f.score, f.received_at
      FROM feedback f
      WHERE f.customer_id = ANY (affected) AND f.metric_kind = 'nps'
      ORDER BY f.customer_id, f.received_at DESC, f.id DESC
    ) l ON l.customer_id = s.customer_id
    WHERE s.customer_id = ANY (affected);
  INSERT INTO pg_temp.orders_delta (workspace_id, customer_id, ordered_at, segment_id, region, nps_category, channel, kind, amount, sign)
    SELECT o.workspace_id, o.customer_id, o.ordered_at, s.segment_id, s.region, v.category, o.channel, o.kind, o.amount, v.sign
    FROM nps_next m
    JOIN customer_state s ON s.customer_id = m.customer_id
    JOIN orders o ON o.customer_id = m.customer_id
    CROSS JOIN LATERAL (VALUES (-1, m.old_category), (1, m.category)) AS v (sign, category)
    WHERE move_orders AND m.old_category IS DISTINCT FROM m.category;
  IF FOUND THEN
    PERFORM rollup_apply_orders_delta();
  END IF;
  UPDATE customer_state s SET nps_category = m.category, nps_score = m.score, nps_at = m.received_at
    FROM nps_next m
    WHERE m.customer_id = s.customer_id
      AND (s.nps_category, s.nps_score, s.nps_at) IS DISTINCT FROM (m.category, m.score, m.received_at);
  DROP TABLE nps_next;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION feedback_cube_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  affected integer[];
BEGIN
  PERFORM rollup_staging();
  IF TG_OP = 'INSERT' THEN
    INSERT INTO pg_temp.feedback_delta (workspace_id, customer_id, received_at, segment_id, region, stage_id, channel, metric_kind, score, sentiment, sign)
      SELECT n.workspace_id, n.customer_id, n.received_at, s.segment_id, s.region, n.stage_id, n.channel, n.metric_kind, n.score, n.sentiment, 1
      FROM new_rows n LEFT JOIN customer_state s ON s.customer_id = n.customer_id;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO pg_temp.feedback_delta (workspace_id, customer_id, received_at, segment_id, region, stage_id, channel, metric_kind, score, sentiment, sign)
      SELECT o.workspace_id, o.customer_id, o.received_at, s.segment_id, s.region, o.stage_id, o.channel, o.metric_kind, o.score, o.sentiment, -1
      FROM old_rows o LEFT JOIN customer_state s ON s.customer_id = o.customer_id;
  ELSE
    -- only rows whose counted columns changed (a triage edit moves no figure)
    INSERT INTO pg_temp.feedback_delta (workspace_id, customer_id, received_at, segment_id, region, stage_id, channel, metric_kind, score, sentiment, sign)
      SELECT v.*
      FROM old_rows o
      JOIN new_rows n ON n.id = o.id
      LEFT JOIN customer_state so ON so.customer_id = o.customer_id
      LEFT JOIN customer_state sn ON sn.customer_id = n.customer_id
      CROSS JOIN LATERAL (VALUES
        (o.workspace_id, o.customer_id, o.received_at, so.segment_id, so.region, o.stage_id, o.channel, o.metric_kind, o.score, o.sentiment, -1),
        (n.workspace_id, n.customer_id, n.received_at, sn.segment_id, sn.region, n.stage_id, n.channel, n.metric_kind, n.score, n.sentiment, 1)
      ) AS v (workspace_id, customer_id, received_at, segment_id, region, stage_id, channel, metric_kind, score, sentiment, sign)
      WHERE (o.workspace_id, o.customer_id, o.received_at, o.stage_id, o.channel, o.metric_kind, o.score, o.sentiment)
        IS DISTINCT FROM (n.workspace_id, n.customer_id, n.received_at, n.stage_id, n.channel, n.metric_kind, n.score, n.sentiment);
  END IF;
  SELECT array_agg(DISTINCT customer_id) INTO affected
    FROM pg_temp.feedback_delta WHERE metric_kind = 'nps' AND customer_id IS NOT NULL;
  PERFORM rollup_apply_feedback_delta();
  IF affected IS NOT NULL THEN
    PERFORM rollup_refresh_nps(affected);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION orders_cube_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_staging();
  IF TG_OP = 'INSERT' THEN
    INSERT INTO pg_temp.orders_delta (workspace_id, customer_id, ordered_at, segment_id, region, nps_category, channel, kind, amount, sign)
      SELECT n.workspace_id, n.customer_id, n.ordered_at, s.segment_id, s.region, s.nps_category, n.channel, n.kind, n.amount, 1
      FROM new_rows n LEFT JOIN customer_state s ON s.customer_id = n.customer_id;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO pg_temp.orders_delta (workspace_id, customer_id, ordered_at, segment_id, region, nps_category, channel, kind, amount, sign)
      SELECT o.workspace_id, o.customer_id, o.ordered_at, s.segment_id, s.region, s.nps_category, o.channel, o.kind, o.amount, -1
      FROM old_rows o LEFT JOIN customer_state s ON s.customer_id = o.customer_id;
  ELSE
    INSERT INTO pg_temp.orders_delta (workspace_id, customer_id, ordered_at, segment_id, region, nps_category, channel, kind, amount, sign)
      SELECT v.*
      FROM old_rows o
      JOIN new_rows n ON n.id = o.id
      LEFT JOIN customer_state so ON so.customer_id = o.customer_id
      LEFT JOIN customer_state sn ON sn.customer_id = n.customer_id
      CROSS JOIN LATERAL (VALUES
        (o.workspace_id, o.customer_id, o.ordered_at, so.segment_id, so.region, so.nps_category, o.channel, o.kind, o.amount, -1),
        (n.workspace_id, n.customer_id, n.ordered_at, sn.segment_id, sn.region, sn.nps_category, n.channel, n.kind, n.amount, 1)
      ) AS v (workspace_id, customer_id, ordered_at, segment_id, region, nps_category, channel, kind, amount, sign)
      WHERE (o.workspace_id, o.customer_id, o.ordered_at, o.channel, o.kind, o.amount)
        IS DISTINCT FROM (n.workspace_id, n.customer_id, n.ordered_at, n.channel, n.kind, n.amount);
  END IF;
  PERFORM rollup_apply_orders_delta();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A new customer gets a state row; a customer moving segment or region carries their feedback and
-- orders to the new keys; lifetime changes (churn) reach the state row.
CREATE FUNCTION customers_cube_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO customer_state (customer_id, workspace_id, segment_id, region, created_at, churned_at)
      SELECT id, workspace_id, segment_id, region, created_at, churned_at FROM new_rows;
    RETURN NULL;
  END IF;
  PERFORM rollup_staging();
  INSERT INTO pg_temp.feedback_delta (workspace_id, customer_id, received_at, segment_id, region, stage_id, channel, metric_kind, score, sentiment, sign)
    SELECT f.workspace_id, f.customer_id, f.received_at, v.segment_id, v.region, f.stage_id, f.channel, f.metric_kind, f.score, f.sentiment, v.sign
    FROM old_rows o
    JOIN new_rows n ON n.id = o.id
    JOIN feedback f ON f.customer_id = o.id
    CROSS JOIN LATERAL (VALUES (-1, o.segment_id, o.region), (1, n.segment_id, n.region)) AS v (sign, segment_id, region)
    WHERE (o.segment_id, o.region) IS DISTINCT FROM (n.segment_id, n.region);
  IF FOUND THEN
    PERFORM rollup_apply_feedback_delta();
  END IF;
  INSERT INTO pg_temp.orders_delta (workspace_id, customer_id, ordered_at, segment_id, region, nps_category, channel, kind, amount, sign)
    SELECT x.workspace_id, x.customer_id, x.ordered_at, v.segment_id, v.region, s.nps_category, x.channel, x.kind, x.amount, v.sign
    FROM old_rows o
    JOIN new_rows n ON n.id = o.id
    JOIN customer_state s ON s.customer_id = o.id
    JOIN orders x ON x.customer_id = o.id
    CROSS JOIN LATERAL (VALUES (-1, o.segment_id, o.region), (1, n.segment_id, n.region)) AS v (sign, segment_id, region)
    WHERE (o.segment_id, o.region) IS DISTINCT FROM (n.segment_id, n.region);
  IF FOUND THEN
    PERFORM rollup_apply_orders_delta();
  END IF;
  UPDATE customer_state s
    SET segment_id = n.segment_id, region = n.region, created_at = n.created_at, churned_at = n.churned_at
    FROM new_rows n
    WHERE n.id = s.customer_id
      AND (s.segment_id, s.region, s.created_at, s.churned_at) IS DISTINCT FROM (n.segment_id, n.region, n.created_at, n.churned_at);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER feedback_cube_insert AFTER INSERT ON feedback
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_cube_sync();
--> statement-breakpoint
CREATE TRIGGER feedback_cube_update AFTER UPDATE ON feedback
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_cube_sync();
--> statement-breakpoint
CREATE TRIGGER feedback_cube_delete AFTER DELETE ON feedback
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_cube_sync();
--> statement-breakpoint
CREATE TRIGGER orders_cube_insert AFTER INSERT ON orders
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_cube_sync();
--> statement-breakpoint
CREATE TRIGGER orders_cube_update AFTER UPDATE ON orders
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_cube_sync();
--> statement-breakpoint
CREATE TRIGGER orders_cube_delete AFTER DELETE ON orders
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_cube_sync();
--> statement-breakpoint
CREATE TRIGGER customers_cube_insert AFTER INSERT ON customers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customers_cube_sync();
--> statement-breakpoint
CREATE TRIGGER customers_cube_update AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customers_cube_sync();
--> statement-breakpoint
-- Everything from the raw tables, through the triggers' own code: the repair path
-- (npm run rollups:rebuild) and this migration's backfill.
CREATE FUNCTION rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  everyone integer[];
BEGIN
  PERFORM rollup_staging();
  TRUNCATE feedback_rollup, orders_rollup, customer_state;
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
SELECT rollups_rebuild();
