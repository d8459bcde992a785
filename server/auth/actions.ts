"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut, unstable_update } from "./index";

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
  await signOut({ redirectTo: "/sign-in" });
}

/** Switch the session's workspace; the jwt callback accepts only a workspace the user belongs to. */
export async function switchWorkspaceAction(workspaceId: number): Promise<void> {
  const id = z.number().int().positive().parse(workspaceId);
  await unstable_update({ workspaceId: id } as never);
}
