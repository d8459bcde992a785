"use client";

import { MoreHorizontal } from "lucide-react";
import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { ChannelIcon } from "./channel-icon";
import type { JourneyEditActions } from "./journey-edit-actions";
import { StageFigures } from "./stage-figures";
import type { JourneyStage } from "./types";

/** A stage's touchpoints, each with its channel, its compact figures and a link to its feedback. */
export function TouchpointList({
  stage,
  comparison,
  hrefOf,
  edit,
}: {
  stage: JourneyStage;
  comparison: string | null;
  hrefOf: (touchpointId: number) => string;
  edit?: JourneyEditActions;
}) {
  const { t } = useI18n();
  if (stage.touchpoints.length === 0) {
    return <p className="text-sm text-muted-foreground">{t("journeys.noTouchpoints")}</p>;
  }
  return (
    <ul className="flex flex-col gap-1.5">
      {stage.touchpoints.map((point) => {
        const channel = t(`enumLabels.channel.${point.channel}`);
        return (
          <li key={point.id} className="flex items-start gap-1 rounded-md bg-muted px-2 py-1.5">
            <ChannelIcon channel={point.channel} className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
            <div className="min-w-0 flex-1">
              <Link
                href={hrefOf(point.id)}
                className="block truncate text-sm font-medium hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                aria-label={t("journeys.map.openStageLabel", {
                  name: t("journeys.map.touchpointLabel", { name: point.name, channel }),
                })}
              >
                <bdi>{point.name}</bdi>
                <span className="ms-1 text-xs font-normal text-muted-foreground">· {channel}</span>
              </Link>
              <StageFigures
                kind={stage.mainMetric}
                current={point.current}
                previous={point.previous}
                comparison={comparison}
                compact
              />
            </div>
            {edit && (
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button
                    variant="ghost"
                    size="icon"
                    className="size-7 shrink-0"
                    aria-label={t("journeys.edit.touchpointActions", { name: point.name })}
                  >
                    <MoreHorizontal aria-hidden />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  <DropdownMenuItem onSelect={() => edit.editTouchpoint(stage, point)}>
                    {t("journeys.edit.editTouchpoint")}
                  </DropdownMenuItem>
                  <DropdownMenuItem onSelect={() => edit.archiveTouchpoint(point)}>
                    {t("journeys.edit.archive")}
                  </DropdownMenuItem>
                </DropdownMenuContent>
              </DropdownMenu>
            )}
          </li>
        );
      })}
    </ul>
  );
}
