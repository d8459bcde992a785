import type { NextAuthConfig } from "next-auth";
import type {} from "next-auth/jwt";
import type { Role } from "../domain/enums";

declare module "next-auth" {
  interface Session {
    workspaceId: number | null;
    role: Role | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId?: number;
    workspaceId?: number | null;
    role?: Role | null;
  }
}

export const SIGN_IN_PATH = "/sign-in";

/**
 * The database-free part of the Auth.js config, shared by proxy.ts (runs on every request) and
 * server/auth/index.ts (adds the credentials provider and the membership checks).
 */
export const authConfig = {
  pages: { signIn: SIGN_IN_PATH },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  // self-hosted behind any host name or reverse proxy
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const isSignIn = request.nextUrl.pathname.startsWith(SIGN_IN_PATH);
      if (isSignIn) return true;
      return Boolean(auth?.user?.id);
    },
    session({ session, token }) {
      if (token.userId) session.user.id = String(token.userId);
      session.workspaceId = token.workspaceId ?? null;
      session.role = token.role ?? null;
      return session;
    },
  },
  logger: {
    error(error) {
      // a wrong password is an expected outcome, not a server error
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
} satisfies NextAuthConfig;
