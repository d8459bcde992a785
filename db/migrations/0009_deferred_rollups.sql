-- Bulk loads (the demo seed; imports later) may defer the rollups: in a transaction with
-- SET LOCAL touchpoint.defer_rollups = 'on' the triggers only record the written workspaces in
-- rollup_dirty, and the loader calls rollups_rebuild() once at the end — one set-based pass
-- instead of an upsert per statement (1M rows: seconds instead of many minutes). A row left in
-- rollup_dirty (a load that died) makes the app rebuild at start.
CREATE FUNCTION rollups_deferred() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('touchpoint.defer_rollups', true), '') = 'on'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION feedback_cube_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  affected integer[];
BEGIN
  IF rollups_deferred() THEN
    IF TG_OP = 'DELETE' THEN
      INSERT INTO rollup_dirty (workspace_id) SELECT DISTINCT o.workspace_id FROM old_rows o
        WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = o.workspace_id) ON CONFLICT DO NOTHING;
    ELSE
      INSERT INTO rollup_dirty (workspace_id) SELECT DISTINCT n.workspace_id FROM new_rows n ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
  END IF;
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
CREATE OR REPLACE FUNCTION orders_cube_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN
    IF TG_OP = 'DELETE' THEN
      INSERT INTO rollup_dirty (workspace_id) SELECT DISTINCT o.workspace_id FROM old_rows o
        WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = o.workspace_id) ON CONFLICT DO NOTHING;
    ELSE
      INSERT INTO rollup_dirty (workspace_id) SELECT DISTINCT n.workspace_id FROM new_rows n ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
  END IF;
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
CREATE OR REPLACE FUNCTION customers_cube_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF rollups_deferred() THEN
    IF TG_OP = 'DELETE' THEN
      INSERT INTO rollup_dirty (workspace_id) SELECT DISTINCT o.workspace_id FROM old_rows o
        WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = o.workspace_id) ON CONFLICT DO NOTHING;
    ELSE
      INSERT INTO rollup_dirty (workspace_id) SELECT DISTINCT n.workspace_id FROM new_rows n ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
  END IF;
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
CREATE OR REPLACE FUNCTION rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  everyone integer[];
BEGIN
  PERFORM rollup_staging();
  TRUNCATE feedback_rollup, orders_rollup, customer_state, rollup_dirty;
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
