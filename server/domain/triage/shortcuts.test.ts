import { describe, expect, it } from "vitest";
import { TRIAGE_COMMAND_TYPES } from "./commands";
import { INBOX_SHORTCUTS, shortcutForKey } from "./shortcuts";

describe("INBOX_SHORTCUTS", () => {
  it("binds each key once, with a label and a description", () => {
    const keys = INBOX_SHORTCUTS.map((shortcut) => shortcut.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const shortcut of INBOX_SHORTCUTS) {
      expect(shortcut.label.trim()).not.toBe("");
      expect(shortcut.description.trim()).not.toBe("");
    }
  });

  it("has the inbox basics", () => {
    expect(shortcutForKey("j")?.description).toBe("Move to the next item");
    expect(shortcutForKey("k")?.description).toBe("Move to the previous item");
    expect(shortcutForKey("/")?.description).toBe("Search feedback");
    expect(shortcutForKey("?")?.description).toBe("Show these shortcuts");
    expect(shortcutForKey("a")?.command).toBe("assign");
    expect(shortcutForKey("r")?.command).toBe("resolve");
    expect(shortcutForKey("t")?.command).toBe("triage");
    expect(shortcutForKey("d")?.command).toBe("dismiss");
    expect(shortcutForKey("q")).toBeUndefined();
  });

  it("gives every triage command exactly one shortcut", () => {
    const commands = INBOX_SHORTCUTS.flatMap((shortcut) => (shortcut.command ? [shortcut.command] : []));
    expect([...commands].sort()).toEqual([...TRIAGE_COMMAND_TYPES].sort());
  });
});
