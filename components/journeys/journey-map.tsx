"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import {
  type DragEvent,
  type KeyboardEvent,
  useCallback,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { stageMoveForKey } from "@/server/domain/journeys/stages";
import { textDirection } from "@/server/i18n/core";
import { ArchiveDialog } from "./archive-dialog";
import type { JourneyEditActions } from "./journey-edit-actions";
import type { JourneyInboxTarget } from "./inbox-links";
import { StageCard } from "./stage-card";
import { StageDialog } from "./stage-dialog";
import { idsAfterDrop, idsAfterMove } from "./stage-order";
import { TouchpointDialog } from "./touchpoint-dialog";
import type { JourneyMapData, JourneyStage, JourneyTouchpoint } from "./types";
import { useStageReorder } from "./use-stage-reorder";

type Editing =
  | { kind: "stage"; stage: JourneyStage | null }
  | { kind: "touchpoint"; stage: JourneyStage; touchpoint: JourneyTouchpoint | null }
  | { kind: "archiveStage"; stage: JourneyStage }
  | { kind: "archiveTouchpoint"; touchpoint: JourneyTouchpoint };

/**
 * The journey map: stages in journey order as columns, a flex row that runs right to left in an
 * RTL locale. Managers add, edit and archive stages and touchpoints, and move a stage by dragging
 * its handle or with the arrow keys on it (Home/End: first/last); each move is announced in the
 * status line and saved at once.
 */
export function JourneyMap({
  data,
  canManage,
  hrefOf,
}: {
  data: JourneyMapData;
  canManage: boolean;
  hrefOf: (target: JourneyInboxTarget) => string;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hintId = useId();
  const [announcement, setAnnouncement] = useState("");
  const [editing, setEditing] = useState<Editing | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const focusAfterMove = useRef<number | null>(null);
  const direction = textDirection(locale);

  const serverOrder = useMemo(() => data.stages.map((stage) => stage.id), [data.stages]);
  const onMoveError = useCallback(
    (message: string) => setAnnouncement(t("journeys.edit.moveFailed", { message })),
    [t],
  );
  const { order, reorder } = useStageReorder(serverOrder, onMoveError);
  const byId = useMemo(() => new Map(data.stages.map((stage) => [stage.id, stage])), [data.stages]);
  const stages = order.map((id) => byId.get(id)).filter((stage): stage is JourneyStage => stage !== undefined);
  const comparison = data.comparison?.label ?? null;

  // a moved card's DOM node may be the one React moves, which drops its focus: put it back
  useLayoutEffect(() => {
    const id = focusAfterMove.current;
    if (id === null) return;
    focusAfterMove.current = null;
    document.querySelector<HTMLElement>(`[data-stage-handle="${id}"]`)?.focus();
  }, [order]);

  const moved = (ids: readonly number[], stage: JourneyStage) => {
    reorder(ids);
    setAnnouncement(
      t("journeys.edit.moved", { name: stage.name, place: ids.indexOf(stage.id) + 1, count: ids.length }),
    );
  };
  const onHandleKey = (stage: JourneyStage) => (event: KeyboardEvent<HTMLButtonElement>) => {
    const move = stageMoveForKey(event.key, direction);
    if (!move) return;
    event.preventDefault();
    focusAfterMove.current = stage.id;
    moved(idsAfterMove(order, stage.id, move), stage);
  };
  const onDragStart = (stage: JourneyStage) => (event: DragEvent<HTMLButtonElement>) => {
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", String(stage.id));
    const card = event.currentTarget.closest("li");
    if (card) event.dataTransfer.setDragImage(card, 24, 24);
    setDragging(stage.id);
  };
  const onDrop = (target: JourneyStage) => (event: DragEvent<HTMLLIElement>) => {
    event.preventDefault();
    const source = dragging ?? Number(event.dataTransfer.getData("text/plain"));
    const stage = byId.get(source);
    setDragging(null);
    setOver(null);
    if (stage && stage.id !== target.id) moved(idsAfterDrop(order, stage.id, target.id), stage);
  };

  const edit: JourneyEditActions | undefined = canManage
    ? {
        editStage: (stage) => setEditing({ kind: "stage", stage }),
        archiveStage: (stage) => setEditing({ kind: "archiveStage", stage }),
        addTouchpoint: (stage) => setEditing({ kind: "touchpoint", stage, touchpoint: null }),
        editTouchpoint: (stage, touchpoint) => setEditing({ kind: "touchpoint", stage, touchpoint }),
        archiveTouchpoint: (touchpoint) => setEditing({ kind: "archiveTouchpoint", touchpoint }),
      }
    : undefined;
  const close = () => setEditing(null);
  const done = (message: string) => {
    setEditing(null);
    setAnnouncement(message);
    void queryClient.invalidateQueries(trpc.journeys.pathFilter());
  };

  return (
    <div className="flex flex-col gap-3">
      {(canManage || announcement) && (
        <div className="flex flex-wrap items-center gap-3">
          {canManage && (
            <Button variant="outline" size="sm" onClick={() => setEditing({ kind: "stage", stage: null })}>
              <Plus aria-hidden />
              {t("journeys.edit.addStage")}
            </Button>
          )}
          {canManage && (
            <p id={hintId} className="text-xs text-muted-foreground">
              {t("journeys.edit.moveHint")}
            </p>
          )}
        </div>
      )}
      <p role="status" data-testid="journey-announcement" className="min-h-5 text-sm font-medium empty:min-h-0">
        {announcement}
      </p>
      {stages.length === 0 ? (
        <p className="rounded-xl border p-6 text-sm text-muted-foreground">
          {canManage ? t("journeys.empty") : t("journeys.emptyReadOnly")}
        </p>
      ) : (
        // relative: the cards' absolutely placed parts (screen-reader text) scroll inside the row
        // instead of widening the page
        <ol aria-label={t("journeys.map.label")} className="relative flex gap-4 overflow-x-auto pb-3">
          {stages.map((stage, index) => (
            <li
              key={stage.id}
              data-stage-id={stage.id}
              className={cn(
                "flex w-72 shrink-0 rounded-xl",
                over === stage.id &&
                  dragging !== stage.id &&
                  "ring-2 ring-primary ring-offset-2 ring-offset-background",
              )}
              onDragOver={
                canManage
                  ? (event) => {
                      if (dragging === null) return;
                      event.preventDefault();
                      event.dataTransfer.dropEffect = "move";
                      if (over !== stage.id) setOver(stage.id);
                    }
                  : undefined
              }
              onDragLeave={canManage ? () => setOver((current) => (current === stage.id ? null : current)) : undefined}
              onDrop={canManage ? onDrop(stage) : undefined}
            >
              <StageCard
                stage={stage}
                place={index + 1}
                count={stages.length}
                comparison={comparison}
                hrefOf={hrefOf}
                edit={edit}
                dragging={dragging === stage.id}
                handle={
                  canManage
                    ? {
                        hintId,
                        onKeyDown: onHandleKey(stage),
                        onDragStart: onDragStart(stage),
                        onDragEnd: () => {
                          setDragging(null);
                          setOver(null);
                        },
                      }
                    : undefined
                }
              />
            </li>
          ))}
        </ol>
      )}
      {editing?.kind === "stage" && <StageDialog stage={editing.stage} onClose={close} onDone={done} />}
      {editing?.kind === "touchpoint" && (
        <TouchpointDialog stage={editing.stage} touchpoint={editing.touchpoint} onClose={close} onDone={done} />
      )}
      {editing?.kind === "archiveStage" && (
        <ArchiveDialog kind="stage" id={editing.stage.id} name={editing.stage.name} onClose={close} onDone={done} />
      )}
      {editing?.kind === "archiveTouchpoint" && (
        <ArchiveDialog
          kind="touchpoint"
          id={editing.touchpoint.id}
          name={editing.touchpoint.name}
          onClose={close}
          onDone={done}
        />
      )}
    </div>
  );
}
