"use client";

import { useEffect, useRef } from "react";
import { type InboxShortcut, shortcutForKey } from "@/server/domain/triage/shortcuts";

const TYPING = new Set(["INPUT", "TEXTAREA", "SELECT"]);
/** Inputs that take no text: a shortcut may fire while one of them has the focus. */
const NOT_TEXT = new Set(["checkbox", "radio", "button", "submit", "reset"]);

/** True while the user is typing: shortcuts must not steal their letters. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (!TYPING.has(target.tagName)) return false;
  return !(target instanceof HTMLInputElement && NOT_TEXT.has(target.type));
}

/** True when the key belongs to a dialog or a menu that is open (they handle their own keys). */
function inOverlay(target: EventTarget | null): boolean {
  if (
    target instanceof Element &&
    target.closest('[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]')
  ) {
    return true;
  }
  return document.querySelector('[role="dialog"][aria-modal="true"], [role="menu"]') !== null;
}

/**
 * Calls `onShortcut` for the keys of INBOX_SHORTCUTS pressed anywhere on the page, except while
 * typing in a field, inside an open dialog or menu, or with Ctrl, Cmd or Alt held (the browser's).
 */
export function useInboxShortcuts(onShortcut: (shortcut: InboxShortcut, event: KeyboardEvent) => void) {
  const handler = useRef(onShortcut);
  useEffect(() => {
    handler.current = onShortcut;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTypingTarget(event.target) || inOverlay(event.target)) return;
      const shortcut = shortcutForKey(event.key);
      if (shortcut) handler.current(shortcut, event);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
