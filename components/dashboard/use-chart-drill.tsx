"use client";

import { type KeyboardEvent, type RefObject, useCallback, useEffect, useRef } from "react";
import { useActiveTooltipDataPoints } from "recharts";

function ActiveRowTracker<Row>({
  activeRef,
  lastRef,
}: {
  activeRef: RefObject<Row | undefined>;
  lastRef: RefObject<Row | undefined>;
}) {
  const points = useActiveTooltipDataPoints<Row>();
  const row = points?.[0];
  useEffect(() => {
    activeRef.current = row;
    if (row !== undefined) lastRef.current = row;
  }, [activeRef, lastRef, row]);
  return null;
}

/**
 * Drill-down on a recharts chart for mouse and keyboard alike: the row under the tooltip is the one
 * a click opens. Keyboard users focus the chart (recharts' accessibility layer), move through the
 * same rows with the arrow keys and press Enter or Space. Render `tracker` inside the chart and spread
 * `handlers` on an element around it; the drill part is inert when `drill` is undefined.
 *
 * `vertical`: the rows run top to bottom (layout="vertical"). recharts then moves backwards on →, so
 * the arrows are remapped: ↓ and → go to the next row, ↑ and ← to the previous one.
 */
export function useChartDrill<Row>(drill: ((row: Row) => void) | undefined, { vertical = false } = {}) {
  const activeRef = useRef<Row | undefined>(undefined);
  const lastRef = useRef<Row | undefined>(undefined);

  const onClick = useCallback(() => {
    if (drill && activeRef.current !== undefined) drill(activeRef.current);
  }, [drill]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (!drill || (event.key !== "Enter" && event.key !== " ")) return;
      if (!(event.target instanceof SVGSVGElement)) return;
      const row = activeRef.current ?? lastRef.current;
      if (row === undefined) return;
      event.preventDefault();
      drill(row);
    },
    [drill],
  );

  const onKeyDownCapture = useCallback((event: KeyboardEvent<HTMLElement>) => {
    const forward = event.key === "ArrowDown" || event.key === "ArrowRight";
    const back = event.key === "ArrowUp" || event.key === "ArrowLeft";
    // the event re-sent below is untrusted: let it through to recharts
    if (!(forward || back) || !event.nativeEvent.isTrusted || !(event.target instanceof SVGSVGElement)) return;
    event.preventDefault();
    event.stopPropagation();
    event.target.dispatchEvent(
      new window.KeyboardEvent("keydown", { key: forward ? "ArrowLeft" : "ArrowRight", bubbles: true }),
    );
  }, []);

  return {
    tracker: drill ? <ActiveRowTracker activeRef={activeRef} lastRef={lastRef} /> : null,
    handlers: { ...(drill ? { onClick, onKeyDown } : {}), ...(vertical ? { onKeyDownCapture } : {}) },
    cursor: drill ? "pointer" : undefined,
  };
}
