import type { NextAuthConfig } from "next-auth";

export const SIGN_IN_PATH = "/sign-in";

/**
 * The database-free part of the Auth.js config, shared by proxy.ts (runs on every request) and
 * server/auth/index.ts (adds the credentials provider). The token carries only the user id: the
 * active workspace lives in its own cookie (server/auth/workspace-cookie.ts) and the role is read
 * from the membership on every request, so a role change or removal takes effect at once.
 */
export const authConfig = {
  pages: { signIn: SIGN_IN_PATH },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  // self-hosted behind any host name or reverse proxy
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      if (request.nextUrl.pathname.startsWith(SIGN_IN_PATH)) return true;
      return Boolean(auth?.user?.id);
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
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
