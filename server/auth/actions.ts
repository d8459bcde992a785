"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { getDatabase } from "@/db";
import { resolveMembership } from "../services/memberships";
import { auth, signIn, signOut } from "./index";
import { writeWorkspaceCookie } from "./workspace-cookie";

import { safeRedirectPath } from "./redirect";

export type SignInState = { error: "invalid" | "failed" | null };

/** Sign-in form action: redirects on success, returns an error key otherwise. */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirectTo: safeRedirectPath(String(form.get("callbackUrl") ?? "/")),
    });
    return { error: null };
  } catch (err) {
    if (err instanceof AuthError) return { error: err.type === "CredentialsSignin" ? "invalid" : "failed" };
    throw err; // Next's redirect travels as an exception
  }
}

export async function signOutAction(): Promise<void> {
  await writeWorkspaceCookie(null);
  await signOut({ redirectTo: "/sign-in" });
}

/** Switch to a workspace the user belongs to; returns false (and changes nothing) otherwise. */
export async function switchWorkspaceAction(workspaceId: number): Promise<boolean> {
  const id = z.number().int().positive().parse(workspaceId);
  const userId = Number((await auth())?.user?.id);
  if (!Number.isInteger(userId) || userId <= 0) return false;
  const { db } = await getDatabase();
  const membership = await resolveMembership(db, userId, id);
  if (membership?.workspaceId !== id) return false;
  await writeWorkspaceCookie(id);
  return true;
}
