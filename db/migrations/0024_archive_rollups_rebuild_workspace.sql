-- An archive import (server/services/archive-import.ts) loads one new, empty workspace with the rollups deferred
-- (the statement triggers would cost it ~7x), then rebuilds that workspace's rollups alone, in the same
-- transaction: rollups_rebuild() for one workspace, from the same building blocks (the cubes' staging and apply
-- functions, rollup_refresh_nps, journey_rollups_refresh), so the other workspaces are neither locked nor read.
CREATE FUNCTION rollups_rebuild_workspace(ws integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  answered integer[];
BEGIN
  PERFORM rollup_staging();
  -- customer_state first: its delete trigger writes customer_rollup, emptied next
  DELETE FROM customer_state WHERE workspace_id = ws;
  DELETE FROM customer_rollup WHERE workspace_id = ws;
  DELETE FROM feedback_rollup WHERE workspace_id = ws;
  DELETE FROM orders_rollup WHERE workspace_id = ws;
  DELETE FROM rollup_dirty WHERE workspace_id = ws;
  INSERT INTO customer_state (customer_id, workspace_id, segment_id, region, created_at, churned_at)
    SELECT id, workspace_id, segment_id, region, created_at, churned_at FROM customers WHERE workspace_id = ws;
  SELECT array_agg(DISTINCT customer_id) INTO answered FROM feedback
    WHERE workspace_id = ws AND metric_kind = 'nps' AND customer_id IS NOT NULL;
  IF answered IS NOT NULL THEN
    -- the cube holds no orders yet: only set each customer's latest answer
    PERFORM rollup_refresh_nps(answered, false);
  END IF;
  INSERT INTO pg_temp.feedback_delta (workspace_id, customer_id, received_at, segment_id, region, stage_id, channel, metric_kind, score, sentiment, sign)
    SELECT f.workspace_id, f.customer_id, f.received_at, s.segment_id, s.region, f.stage_id, f.channel, f.metric_kind, f.score, f.sentiment, 1
    FROM feedback f LEFT JOIN customer_state s ON s.customer_id = f.customer_id
    WHERE f.workspace_id = ws;
  PERFORM rollup_apply_feedback_delta();
  INSERT INTO pg_temp.orders_delta (workspace_id, customer_id, ordered_at, segment_id, region, nps_category, channel, kind, amount, sign)
    SELECT o.workspace_id, o.customer_id, o.ordered_at, s.segment_id, s.region, s.nps_category, o.channel, o.kind, o.amount, 1
    FROM orders o LEFT JOIN customer_state s ON s.customer_id = o.customer_id
    WHERE o.workspace_id = ws;
  PERFORM rollup_apply_orders_delta();
  -- the journey cubes: every day with staged feedback, refreshed now rather than on the map's first read
  DELETE FROM journey_rollup WHERE workspace_id = ws;
  DELETE FROM friction_rollup WHERE workspace_id = ws;
  INSERT INTO journey_rollup_dirty (workspace_id, day)
    SELECT DISTINCT workspace_id, (received_at AT TIME ZONE 'UTC')::date FROM feedback WHERE workspace_id = ws AND stage_id IS NOT NULL;
  PERFORM journey_rollups_refresh(ws);
END;
$$;
