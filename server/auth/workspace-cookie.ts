import "server-only";
import { cookies } from "next/headers";

/**
 * The workspace the user last switched to. Only a hint: every request re-checks it against the
 * user's memberships (server/services/memberships.ts resolveMembership), so a forged or stale
 * value falls back to a workspace the user belongs to. Kept out of the session token because the
 * proxy re-issues that token on every request, and a response racing the switch would undo it.
 */
export const WORKSPACE_COOKIE = "tp-workspace";

export async function readWorkspaceCookie(): Promise<number | null> {
  const value = Number((await cookies()).get(WORKSPACE_COOKIE)?.value);
  return Number.isInteger(value) && value > 0 ? value : null;
}

export async function writeWorkspaceCookie(workspaceId: number | null): Promise<void> {
  const jar = await cookies();
  if (workspaceId === null) {
    jar.delete(WORKSPACE_COOKIE);
    return;
  }
  jar.set(WORKSPACE_COOKIE, String(workspaceId), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
  });
}
