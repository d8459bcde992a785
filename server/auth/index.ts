import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDatabase } from "@/db";
import { authenticate, resolveMembership } from "../services/memberships";
import { authConfig } from "./config";

const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

const switchInput = z.object({ workspaceId: z.number().int().positive() });

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const { db } = await getDatabase();
        const user = await authenticate(db, parsed.data.email, parsed.data.password);
        if (!user) throw new CredentialsSignin();
        return { id: String(user.id), email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async jwt({ token, user, trigger, session }) {
      if (trigger === "signIn" && user?.id) {
        const userId = Number(user.id);
        const { db } = await getDatabase();
        const membership = await resolveMembership(db, userId, null);
        return { ...token, userId, workspaceId: membership?.workspaceId ?? null, role: membership?.role ?? null };
      }
      if (trigger === "update" && token.userId) {
        // the workspace switcher: only a workspace the user belongs to is accepted
        const parsed = switchInput.safeParse(session);
        if (!parsed.success) return token;
        const { db } = await getDatabase();
        const membership = await resolveMembership(db, token.userId, parsed.data.workspaceId);
        if (membership?.workspaceId !== parsed.data.workspaceId) return token;
        return { ...token, workspaceId: membership.workspaceId, role: membership.role };
      }
      return token;
    },
  },
});
