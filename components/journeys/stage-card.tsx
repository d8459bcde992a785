"use client";

import { ArrowUpRight, GripVertical, MoreHorizontal, Plus } from "lucide-react";
import Link from "next/link";
import { type DragEvent, type KeyboardEvent, useId } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { FrictionList } from "./friction-list";
import type { JourneyEditActions } from "./journey-edit-actions";
import { StageFigures } from "./stage-figures";
import { TouchpointList } from "./touchpoint-list";
import type { JourneyInboxTarget } from "./inbox-links";
import type { JourneyStage } from "./types";

/** The move handle's wiring, for managers; the journey map owns the order and the saving. */
export interface StageHandleProps {
  hintId: string;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
  onDragStart: (event: DragEvent<HTMLButtonElement>) => void;
  onDragEnd: () => void;
}

interface StageCardProps {
  stage: JourneyStage;
  /** 1-based place in the journey, and how many stages there are. */
  place: number;
  count: number;
  comparison: string | null;
  hrefOf: (target: JourneyInboxTarget) => string;
  edit?: JourneyEditActions;
  handle?: StageHandleProps;
  dragging?: boolean;
}

/** One stage of the journey map: its figures for the period, its friction points and its touchpoints. */
export function StageCard({ stage, place, count, comparison, hrefOf, edit, handle, dragging }: StageCardProps) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <article
      aria-labelledby={headingId}
      className={cn(
        "flex w-full flex-col gap-4 rounded-xl border bg-card p-4 text-card-foreground shadow-sm transition-opacity",
        dragging && "opacity-50",
      )}
    >
      <header className="flex items-start gap-1">
        {handle && (
          <button
            type="button"
            draggable
            data-stage-handle={stage.id}
            aria-label={t("journeys.edit.moveHandle", { name: stage.name, place, count })}
            aria-describedby={handle.hintId}
            onKeyDown={handle.onKeyDown}
            onDragStart={handle.onDragStart}
            onDragEnd={handle.onDragEnd}
            className="-ms-1 mt-0.5 cursor-grab rounded p-1 text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring active:cursor-grabbing"
          >
            <GripVertical aria-hidden className="size-4" />
          </button>
        )}
        <div className="min-w-0 flex-1">
          <p className="text-xs font-medium text-muted-foreground">{t("journeys.stageOf", { number: place, count })}</p>
          <h3 id={headingId} className="truncate text-lg font-semibold leading-tight" dir="auto" title={stage.name}>
            {stage.name}
          </h3>
          <p className="text-xs text-muted-foreground">
            {t("journeys.mainMetric", { metric: t(`enumLabels.metricKind.${stage.mainMetric}`) })}
          </p>
        </div>
        {edit && (
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button
                variant="ghost"
                size="icon"
                className="size-8 shrink-0"
                aria-label={t("journeys.edit.stageActions", { name: stage.name })}
              >
                <MoreHorizontal aria-hidden />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem onSelect={() => edit.editStage(stage)}>{t("journeys.edit.editStage")}</DropdownMenuItem>
              <DropdownMenuItem onSelect={() => edit.archiveStage(stage)}>
                {t("journeys.edit.archive")}
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        )}
      </header>

      <StageFigures kind={stage.mainMetric} current={stage.current} previous={stage.previous} comparison={comparison} />

      <section aria-label={t("journeys.map.friction")}>
        <h4 className="mb-1.5 text-xs font-medium uppercase tracking-wide text-muted-foreground">
          {t("journeys.map.friction")}
        </h4>
        <FrictionList
          stageName={stage.name}
          friction={stage.friction}
          hrefOf={(themeId) => hrefOf({ stageId: stage.id, themeId })}
        />
      </section>

      <section aria-label={t("journeys.touchpoints")} className="flex flex-col gap-1.5">
        <h4 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">
          {t("journeys.touchpoints")}
        </h4>
        <TouchpointList
          stage={stage}
          comparison={comparison}
          hrefOf={(touchpointId) => hrefOf({ stageId: stage.id, touchpointId })}
          edit={edit}
        />
        {edit && (
          <Button variant="ghost" size="sm" className="self-start" onClick={() => edit.addTouchpoint(stage)}>
            <Plus aria-hidden />
            {t("journeys.edit.addTouchpoint")}
          </Button>
        )}
      </section>

      <Link
        href={hrefOf({ stageId: stage.id })}
        aria-label={t("journeys.map.openStageLabel", { name: stage.name })}
        className="mt-auto inline-flex items-center gap-1 self-start rounded text-sm font-medium text-primary hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        {t("journeys.map.openStage", { name: stage.name })}
        <ArrowUpRight aria-hidden className="size-4 rtl:-scale-x-100" />
      </Link>
    </article>
  );
}
