"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { INBOX_SHORTCUTS, type InboxShortcut } from "@/server/domain/triage/shortcuts";
import { SHORTCUT_GROUPS, SHORTCUT_LABELS } from "./feedback-labels";

const GROUPS = Object.keys(SHORTCUT_GROUPS) as InboxShortcut["group"][];

/** Every inbox shortcut, by group, read from INBOX_SHORTCUTS (the same list the key handler uses). */
export function FeedbackShortcutsHelp({
  open,
  onOpenChange,
  canWork,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Without triage rights the triage keys do nothing, so they are not listed. */
  canWork: boolean;
}) {
  const { t } = useI18n();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t("feedback.shortcuts.close")} className="max-w-2xl">
        <DialogTitle>{t("feedback.shortcuts.title")}</DialogTitle>
        <DialogDescription>{t("feedback.shortcuts.hint")}</DialogDescription>
        <div className="grid gap-6 sm:grid-cols-2">
          {GROUPS.filter((group) => canWork || group !== "Triage").map((group) => (
            <section key={group} aria-label={t(SHORTCUT_GROUPS[group])}>
              <h3 className="mb-2 text-sm font-semibold">{t(SHORTCUT_GROUPS[group])}</h3>
              <dl className="flex flex-col gap-1.5">
                {INBOX_SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
                  <div key={shortcut.key} className="flex items-center justify-between gap-4 text-sm">
                    <dt className="order-2 shrink-0">
                      <kbd className="rounded border bg-muted px-1.5 py-0.5 font-mono text-xs">{shortcut.label}</kbd>
                    </dt>
                    <dd className="order-1 text-muted-foreground">
                      {SHORTCUT_LABELS[shortcut.key] ? t(SHORTCUT_LABELS[shortcut.key]!) : shortcut.description}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </DialogContent>
    </Dialog>
  );
}
