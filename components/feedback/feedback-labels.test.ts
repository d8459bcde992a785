import { describe, expect, it } from "vitest";
import { INBOX_SHORTCUTS } from "@/server/domain/triage/shortcuts";
import { createTranslator } from "@/server/i18n/core";
import { en } from "@/server/i18n/messages/en";
import { SHORTCUT_LABELS } from "./feedback-labels";

const t = createTranslator(en);

describe("SHORTCUT_LABELS", () => {
  it("has English words for every inbox shortcut, the same as the domain's description", () => {
    for (const shortcut of INBOX_SHORTCUTS) {
      const key = SHORTCUT_LABELS[shortcut.key];
      expect(key, shortcut.key).toBeDefined();
      expect(t(key!)).toBe(shortcut.description);
    }
    expect(Object.keys(SHORTCUT_LABELS).sort()).toEqual(INBOX_SHORTCUTS.map((s) => s.key).sort());
  });
});
