-- Rollups kept exactly in step with the raw tables, in the writing transaction, whoever writes
-- (app, import, API, seed): statement-level triggers read the statement's transition tables, so a
-- bulk insert costs one grouped upsert, not one per row. Segment and region are the customer's
-- current ones; the customers trigger moves a customer's rows when either changes. Rows that drop
-- to zero are deleted (a partial index finds them). Recompute everything with rollups:rebuild.
CREATE INDEX feedback_daily_empty_idx ON feedback_daily (workspace_id) WHERE responses = 0;
--> statement-breakpoint
CREATE INDEX orders_daily_empty_idx ON orders_daily (workspace_id) WHERE purchases = 0 AND refunds = 0;
--> statement-breakpoint
CREATE FUNCTION feedback_rollup_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT f.workspace_id, (f.received_at AT TIME ZONE 'UTC')::date AS day, c.segment_id, c.region, f.stage_id, f.channel, f.metric_kind, f.score, f.sentiment, 1 AS sign FROM new_rows f LEFT JOIN customers c ON c.id = f.customer_id
  ), g AS (
    SELECT workspace_id, day, segment_id, region, stage_id, channel, metric_kind,
      sum(sign)::int AS responses,
      coalesce(sum(sign) FILTER (WHERE score = 0), 0) AS s0,
      coalesce(sum(sign) FILTER (WHERE score = 1), 0) AS s1,
      coalesce(sum(sign) FILTER (WHERE score = 2), 0) AS s2,
      coalesce(sum(sign) FILTER (WHERE score = 3), 0) AS s3,
      coalesce(sum(sign) FILTER (WHERE score = 4), 0) AS s4,
      coalesce(sum(sign) FILTER (WHERE score = 5), 0) AS s5,
      coalesce(sum(sign) FILTER (WHERE score = 6), 0) AS s6,
      coalesce(sum(sign) FILTER (WHERE score = 7), 0) AS s7,
      coalesce(sum(sign) FILTER (WHERE score = 8), 0) AS s8,
      coalesce(sum(sign) FILTER (WHERE score = 9), 0) AS s9,
      coalesce(sum(sign) FILTER (WHERE score = 10), 0) AS s10,
      coalesce(sum(sign * round(sentiment * 1000)), 0)::bigint AS sentiment_milli_sum,
      coalesce(sum(sign) FILTER (WHERE sentiment IS NOT NULL), 0)::int AS sentiment_count
    FROM d
    WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = d.workspace_id)
    GROUP BY 1, 2, 3, 4, 5, 6, 7
  )
  INSERT INTO feedback_daily AS r (workspace_id, day, segment_id, region, stage_id, channel, metric_kind,
    responses, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, sentiment_milli_sum, sentiment_count)
  SELECT * FROM g
  WHERE responses <> 0 OR s0 <> 0 OR s1 <> 0 OR s2 <> 0 OR s3 <> 0 OR s4 <> 0 OR s5 <> 0 OR s6 <> 0 OR s7 <> 0 OR s8 <> 0 OR s9 <> 0 OR s10 <> 0 OR sentiment_milli_sum <> 0 OR sentiment_count <> 0
  ON CONFLICT ON CONSTRAINT feedback_daily_key DO UPDATE SET
    responses = r.responses + excluded.responses, s0 = r.s0 + excluded.s0, s1 = r.s1 + excluded.s1, s2 = r.s2 + excluded.s2, s3 = r.s3 + excluded.s3, s4 = r.s4 + excluded.s4, s5 = r.s5 + excluded.s5, s6 = r.s6 + excluded.s6, s7 = r.s7 + excluded.s7, s8 = r.s8 + excluded.s8, s9 = r.s9 + excluded.s9, s10 = r.s10 + excluded.s10,
    sentiment_milli_sum = r.sentiment_milli_sum + excluded.sentiment_milli_sum,
    sentiment_count = r.sentiment_count + excluded.sentiment_count;
  DELETE FROM feedback_daily WHERE responses = 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION feedback_rollup_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT f.workspace_id, (f.received_at AT TIME ZONE 'UTC')::date AS day, c.segment_id, c.region, f.stage_id, f.channel, f.metric_kind, f.score, f.sentiment, -1 AS sign FROM old_rows f LEFT JOIN customers c ON c.id = f.customer_id
  ), g AS (
    SELECT workspace_id, day, segment_id, region, stage_id, channel, metric_kind,
      sum(sign)::int AS responses,
      coalesce(sum(sign) FILTER (WHERE score = 0), 0) AS s0,
      coalesce(sum(sign) FILTER (WHERE score = 1), 0) AS s1,
      coalesce(sum(sign) FILTER (WHERE score = 2), 0) AS s2,
      coalesce(sum(sign) FILTER (WHERE score = 3), 0) AS s3,
      coalesce(sum(sign) FILTER (WHERE score = 4), 0) AS s4,
      coalesce(sum(sign) FILTER (WHERE score = 5), 0) AS s5,
      coalesce(sum(sign) FILTER (WHERE score = 6), 0) AS s6,
      coalesce(sum(sign) FILTER (WHERE score = 7), 0) AS s7,
      coalesce(sum(sign) FILTER (WHERE score = 8), 0) AS s8,
      coalesce(sum(sign) FILTER (WHERE score = 9), 0) AS s9,
      coalesce(sum(sign) FILTER (WHERE score = 10), 0) AS s10,
      coalesce(sum(sign * round(sentiment * 1000)), 0)::bigint AS sentiment_milli_sum,
      coalesce(sum(sign) FILTER (WHERE sentiment IS NOT NULL), 0)::int AS sentiment_count
    FROM d
    WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = d.workspace_id)
    GROUP BY 1, 2, 3, 4, 5, 6, 7
  )
  INSERT INTO feedback_daily AS r (workspace_id, day, segment_id, region, stage_id, channel, metric_kind,
    responses, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, sentiment_milli_sum, sentiment_count)
  SELECT * FROM g
  WHERE responses <> 0 OR s0 <> 0 OR s1 <> 0 OR s2 <> 0 OR s3 <> 0 OR s4 <> 0 OR s5 <> 0 OR s6 <> 0 OR s7 <> 0 OR s8 <> 0 OR s9 <> 0 OR s10 <> 0 OR sentiment_milli_sum <> 0 OR sentiment_count <> 0
  ON CONFLICT ON CONSTRAINT feedback_daily_key DO UPDATE SET
    responses = r.responses + excluded.responses, s0 = r.s0 + excluded.s0, s1 = r.s1 + excluded.s1, s2 = r.s2 + excluded.s2, s3 = r.s3 + excluded.s3, s4 = r.s4 + excluded.s4, s5 = r.s5 + excluded.s5, s6 = r.s6 + excluded.s6, s7 = r.s7 + excluded.s7, s8 = r.s8 + excluded.s8, s9 = r.s9 + excluded.s9, s10 = r.s10 + excluded.s10,
    sentiment_milli_sum = r.sentiment_milli_sum + excluded.sentiment_milli_sum,
    sentiment_count = r.sentiment_count + excluded.sentiment_count;
  DELETE FROM feedback_daily WHERE responses = 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION feedback_rollup_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT f.workspace_id, (f.received_at AT TIME ZONE 'UTC')::date AS day, c.segment_id, c.region, f.stage_id, f.channel, f.metric_kind, f.score, f.sentiment, -1 AS sign FROM old_rows f LEFT JOIN customers c ON c.id = f.customer_id
    UNION ALL
    SELECT f.workspace_id, (f.received_at AT TIME ZONE 'UTC')::date AS day, c.segment_id, c.region, f.stage_id, f.channel, f.metric_kind, f.score, f.sentiment, 1 AS sign FROM new_rows f LEFT JOIN customers c ON c.id = f.customer_id
  ), g AS (
    SELECT workspace_id, day, segment_id, region, stage_id, channel, metric_kind,
      sum(sign)::int AS responses,
      coalesce(sum(sign) FILTER (WHERE score = 0), 0) AS s0,
      coalesce(sum(sign) FILTER (WHERE score = 1), 0) AS s1,
      coalesce(sum(sign) FILTER (WHERE score = 2), 0) AS s2,
      coalesce(sum(sign) FILTER (WHERE score = 3), 0) AS s3,
      coalesce(sum(sign) FILTER (WHERE score = 4), 0) AS s4,
      coalesce(sum(sign) FILTER (WHERE score = 5), 0) AS s5,
      coalesce(sum(sign) FILTER (WHERE score = 6), 0) AS s6,
      coalesce(sum(sign) FILTER (WHERE score = 7), 0) AS s7,
      coalesce(sum(sign) FILTER (WHERE score = 8), 0) AS s8,
      coalesce(sum(sign) FILTER (WHERE score = 9), 0) AS s9,
      coalesce(sum(sign) FILTER (WHERE score = 10), 0) AS s10,
      coalesce(sum(sign * round(sentiment * 1000)), 0)::bigint AS sentiment_milli_sum,
      coalesce(sum(sign) FILTER (WHERE sentiment IS NOT NULL), 0)::int AS sentiment_count
    FROM d
    WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = d.workspace_id)
    GROUP BY 1, 2, 3, 4, 5, 6, 7
  )
  INSERT INTO feedback_daily AS r (workspace_id, day, segment_id, region, stage_id, channel, metric_kind,
    responses, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, sentiment_milli_sum, sentiment_count)
  SELECT * FROM g
  WHERE responses <> 0 OR s0 <> 0 OR s1 <> 0 OR s2 <> 0 OR s3 <> 0 OR s4 <> 0 OR s5 <> 0 OR s6 <> 0 OR s7 <> 0 OR s8 <> 0 OR s9 <> 0 OR s10 <> 0 OR sentiment_milli_sum <> 0 OR sentiment_count <> 0
  ON CONFLICT ON CONSTRAINT feedback_daily_key DO UPDATE SET
    responses = r.responses + excluded.responses, s0 = r.s0 + excluded.s0, s1 = r.s1 + excluded.s1, s2 = r.s2 + excluded.s2, s3 = r.s3 + excluded.s3, s4 = r.s4 + excluded.s4, s5 = r.s5 + excluded.s5, s6 = r.s6 + excluded.s6, s7 = r.s7 + excluded.s7, s8 = r.s8 + excluded.s8, s9 = r.s9 + excluded.s9, s10 = r.s10 + excluded.s10,
    sentiment_milli_sum = r.sentiment_milli_sum + excluded.sentiment_milli_sum,
    sentiment_count = r.sentiment_count + excluded.sentiment_count;
  DELETE FROM feedback_daily WHERE responses = 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER feedback_rollup_insert AFTER INSERT ON feedback
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_rollup_insert();
--> statement-breakpoint
CREATE TRIGGER feedback_rollup_delete AFTER DELETE ON feedback
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_rollup_delete();
--> statement-breakpoint
CREATE TRIGGER feedback_rollup_update AFTER UPDATE ON feedback
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_rollup_update();
--> statement-breakpoint
CREATE FUNCTION orders_rollup_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT o.workspace_id, (o.ordered_at AT TIME ZONE 'UTC')::date AS day, c.segment_id, c.region, o.channel, o.kind, o.amount, 1 AS sign FROM new_rows o JOIN customers c ON c.id = o.customer_id
  ), g AS (
    SELECT workspace_id, day, segment_id, region, channel,
      sum(sign * amount) AS revenue,
      coalesce(sum(sign) FILTER (WHERE kind = 'purchase'), 0)::int AS purchases,
      coalesce(sum(sign) FILTER (WHERE kind = 'refund'), 0)::int AS refunds
    FROM d
    WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = d.workspace_id)
    GROUP BY 1, 2, 3, 4, 5
  )
  INSERT INTO orders_daily AS r (workspace_id, day, segment_id, region, channel, revenue, purchases, refunds)
  SELECT * FROM g WHERE revenue <> 0 OR purchases <> 0 OR refunds <> 0
  ON CONFLICT ON CONSTRAINT orders_daily_key DO UPDATE SET
    revenue = r.revenue + excluded.revenue,
    purchases = r.purchases + excluded.purchases,
    refunds = r.refunds + excluded.refunds;
  DELETE FROM orders_daily WHERE purchases = 0 AND refunds = 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION orders_rollup_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT o.workspace_id, (o.ordered_at AT TIME ZONE 'UTC')::date AS day, c.segment_id, c.region, o.channel, o.kind, o.amount, -1 AS sign FROM old_rows o JOIN customers c ON c.id = o.customer_id
  ), g AS (
    SELECT workspace_id, day, segment_id, region, channel,
      sum(sign * amount) AS revenue,
      coalesce(sum(sign) FILTER (WHERE kind = 'purchase'), 0)::int AS purchases,
      coalesce(sum(sign) FILTER (WHERE kind = 'refund'), 0)::int AS refunds
    FROM d
    WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = d.workspace_id)
    GROUP BY 1, 2, 3, 4, 5
  )
  INSERT INTO orders_daily AS r (workspace_id, day, segment_id, region, channel, revenue, purchases, refunds)
  SELECT * FROM g WHERE revenue <> 0 OR purchases <> 0 OR refunds <> 0
  ON CONFLICT ON CONSTRAINT orders_daily_key DO UPDATE SET
    revenue = r.revenue + excluded.revenue,
    purchases = r.purchases + excluded.purchases,
    refunds = r.refunds + excluded.refunds;
  DELETE FROM orders_daily WHERE purchases = 0 AND refunds = 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION orders_rollup_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT o.workspace_id, (o.ordered_at AT TIME ZONE 'UTC')::date AS day, c.segment_id, c.region, o.channel, o.kind, o.amount, -1 AS sign FROM old_rows o JOIN customers c ON c.id = o.customer_id
    UNION ALL
    SELECT o.workspace_id, (o.ordered_at AT TIME ZONE 'UTC')::date AS day, c.segment_id, c.region, o.channel, o.kind, o.amount, 1 AS sign FROM new_rows o JOIN customers c ON c.id = o.customer_id
  ), g AS (
    SELECT workspace_id, day, segment_id, region, channel,
      sum(sign * amount) AS revenue,
      coalesce(sum(sign) FILTER (WHERE kind = 'purchase'), 0)::int AS purchases,
      coalesce(sum(sign) FILTER (WHERE kind = 'refund'), 0)::int AS refunds
    FROM d
    WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = d.workspace_id)
    GROUP BY 1, 2, 3, 4, 5
  )
  INSERT INTO orders_daily AS r (workspace_id, day, segment_id, region, channel, revenue, purchases, refunds)
  SELECT * FROM g WHERE revenue <> 0 OR purchases <> 0 OR refunds <> 0
  ON CONFLICT ON CONSTRAINT orders_daily_key DO UPDATE SET
    revenue = r.revenue + excluded.revenue,
    purchases = r.purchases + excluded.purchases,
    refunds = r.refunds + excluded.refunds;
  DELETE FROM orders_daily WHERE purchases = 0 AND refunds = 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER orders_rollup_insert AFTER INSERT ON orders
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_rollup_insert();
--> statement-breakpoint
CREATE TRIGGER orders_rollup_delete AFTER DELETE ON orders
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_rollup_delete();
--> statement-breakpoint
CREATE TRIGGER orders_rollup_update AFTER UPDATE ON orders
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION orders_rollup_update();
--> statement-breakpoint
-- A customer moving segment or region carries their feedback and revenue to the new keys.
CREATE FUNCTION customers_rollup_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE o.segment_id IS DISTINCT FROM n.segment_id OR o.region IS DISTINCT FROM n.region
  ) THEN
    RETURN NULL;
  END IF;
  WITH d AS (
    SELECT f.workspace_id, (f.received_at AT TIME ZONE 'UTC')::date AS day, m.old_segment AS segment_id, m.old_region AS region,
      f.stage_id, f.channel, f.metric_kind, f.score, f.sentiment, -1 AS sign
    FROM feedback f JOIN (SELECT o.id, o.segment_id AS old_segment, o.region AS old_region, n.segment_id AS new_segment, n.region AS new_region
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE o.segment_id IS DISTINCT FROM n.segment_id OR o.region IS DISTINCT FROM n.region) m ON m.id = f.customer_id
    UNION ALL
    SELECT f.workspace_id, (f.received_at AT TIME ZONE 'UTC')::date, m.new_segment, m.new_region,
      f.stage_id, f.channel, f.metric_kind, f.score, f.sentiment, 1
    FROM feedback f JOIN (SELECT o.id, o.segment_id AS old_segment, o.region AS old_region, n.segment_id AS new_segment, n.region AS new_region
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE o.segment_id IS DISTINCT FROM n.segment_id OR o.region IS DISTINCT FROM n.region) m ON m.id = f.customer_id
  ), g AS (
    SELECT workspace_id, day, segment_id, region, stage_id, channel, metric_kind,
      sum(sign)::int AS responses,
      coalesce(sum(sign) FILTER (WHERE score = 0), 0) AS s0,
      coalesce(sum(sign) FILTER (WHERE score = 1), 0) AS s1,
      coalesce(sum(sign) FILTER (WHERE score = 2), 0) AS s2,
      coalesce(sum(sign) FILTER (WHERE score = 3), 0) AS s3,
      coalesce(sum(sign) FILTER (WHERE score = 4), 0) AS s4,
      coalesce(sum(sign) FILTER (WHERE score = 5), 0) AS s5,
      coalesce(sum(sign) FILTER (WHERE score = 6), 0) AS s6,
      coalesce(sum(sign) FILTER (WHERE score = 7), 0) AS s7,
      coalesce(sum(sign) FILTER (WHERE score = 8), 0) AS s8,
      coalesce(sum(sign) FILTER (WHERE score = 9), 0) AS s9,
      coalesce(sum(sign) FILTER (WHERE score = 10), 0) AS s10,
      coalesce(sum(sign * round(sentiment * 1000)), 0)::bigint AS sentiment_milli_sum,
      coalesce(sum(sign) FILTER (WHERE sentiment IS NOT NULL), 0)::int AS sentiment_count
    FROM d
    WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = d.workspace_id)
    GROUP BY 1, 2, 3, 4, 5, 6, 7
  )
  INSERT INTO feedback_daily AS r (workspace_id, day, segment_id, region, stage_id, channel, metric_kind,
    responses, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, sentiment_milli_sum, sentiment_count)
  SELECT * FROM g
  WHERE responses <> 0 OR s0 <> 0 OR s1 <> 0 OR s2 <> 0 OR s3 <> 0 OR s4 <> 0 OR s5 <> 0 OR s6 <> 0 OR s7 <> 0 OR s8 <> 0 OR s9 <> 0 OR s10 <> 0 OR sentiment_milli_sum <> 0 OR sentiment_count <> 0
  ON CONFLICT ON CONSTRAINT feedback_daily_key DO UPDATE SET
    responses = r.responses + excluded.responses, s0 = r.s0 + excluded.s0, s1 = r.s1 + excluded.s1, s2 = r.s2 + excluded.s2, s3 = r.s3 + excluded.s3, s4 = r.s4 + excluded.s4, s5 = r.s5 + excluded.s5, s6 = r.s6 + excluded.s6, s7 = r.s7 + excluded.s7, s8 = r.s8 + excluded.s8, s9 = r.s9 + excluded.s9, s10 = r.s10 + excluded.s10,
    sentiment_milli_sum = r.sentiment_milli_sum + excluded.sentiment_milli_sum,
    sentiment_count = r.sentiment_count + excluded.sentiment_count;
  DELETE FROM feedback_daily WHERE responses = 0;
  WITH d AS (
    SELECT o.workspace_id, (o.ordered_at AT TIME ZONE 'UTC')::date AS day, m.old_segment AS segment_id, m.old_region AS region,
      o.channel, o.kind, o.amount, -1 AS sign
    FROM orders o JOIN (SELECT o.id, o.segment_id AS old_segment, o.region AS old_region, n.segment_id AS new_segment, n.region AS new_region
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE o.segment_id IS DISTINCT FROM n.segment_id OR o.region IS DISTINCT FROM n.region) m ON m.id = o.customer_id
    UNION ALL
    SELECT o.workspace_id, (o.ordered_at AT TIME ZONE 'UTC')::date, m.new_segment, m.new_region, o.channel, o.kind, o.amount, 1
    FROM orders o JOIN (SELECT o.id, o.segment_id AS old_segment, o.region AS old_region, n.segment_id AS new_segment, n.region AS new_region
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE o.segment_id IS DISTINCT FROM n.segment_id OR o.region IS DISTINCT FROM n.region) m ON m.id = o.customer_id
  ), g AS (
    SELECT workspace_id, day, segment_id, region, channel,
      sum(sign * amount) AS revenue,
      coalesce(sum(sign) FILTER (WHERE kind = 'purchase'), 0)::int AS purchases,
      coalesce(sum(sign) FILTER (WHERE kind = 'refund'), 0)::int AS refunds
    FROM d
    WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = d.workspace_id)
    GROUP BY 1, 2, 3, 4, 5
  )
  INSERT INTO orders_daily AS r (workspace_id, day, segment_id, region, channel, revenue, purchases, refunds)
  SELECT * FROM g WHERE revenue <> 0 OR purchases <> 0 OR refunds <> 0
  ON CONFLICT ON CONSTRAINT orders_daily_key DO UPDATE SET
    revenue = r.revenue + excluded.revenue,
    purchases = r.purchases + excluded.purchases,
    refunds = r.refunds + excluded.refunds;
  DELETE FROM orders_daily WHERE purchases = 0 AND refunds = 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER customers_rollup_update AFTER UPDATE ON customers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customers_rollup_update();
--> statement-breakpoint
-- Backfill: a database upgraded with data in it starts with rollups equal to its raw rows.
INSERT INTO feedback_daily (workspace_id, day, segment_id, region, stage_id, channel, metric_kind,
  responses, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, sentiment_milli_sum, sentiment_count)
SELECT f.workspace_id, (f.received_at AT TIME ZONE 'UTC')::date AS day, c.segment_id, c.region,
    f.stage_id, f.channel, f.metric_kind, count(*)::int AS responses,
    (count(*) FILTER (WHERE f.score = 0))::int AS s0, (count(*) FILTER (WHERE f.score = 1))::int AS s1, (count(*) FILTER (WHERE f.score = 2))::int AS s2, (count(*) FILTER (WHERE f.score = 3))::int AS s3, (count(*) FILTER (WHERE f.score = 4))::int AS s4, (count(*) FILTER (WHERE f.score = 5))::int AS s5, (count(*) FILTER (WHERE f.score = 6))::int AS s6, (count(*) FILTER (WHERE f.score = 7))::int AS s7, (count(*) FILTER (WHERE f.score = 8))::int AS s8, (count(*) FILTER (WHERE f.score = 9))::int AS s9, (count(*) FILTER (WHERE f.score = 10))::int AS s10,
    coalesce(sum(round(f.sentiment * 1000)), 0)::bigint AS sentiment_milli_sum,
    count(f.sentiment)::int AS sentiment_count
  FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
INSERT INTO orders_daily (workspace_id, day, segment_id, region, channel, revenue, purchases, refunds)
SELECT o.workspace_id, (o.ordered_at AT TIME ZONE 'UTC')::date AS day, c.segment_id, c.region, o.channel,
    sum(o.amount) AS revenue,
    (count(*) FILTER (WHERE o.kind = 'purchase'))::int AS purchases,
    (count(*) FILTER (WHERE o.kind = 'refund'))::int AS refunds
  FROM orders o JOIN customers c ON c.id = o.customer_id
  GROUP BY 1, 2, 3, 4, 5;
