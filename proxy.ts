import NextAuth from "next-auth";
import { authConfig } from "./server/auth/config";

// Pages only: API routes answer 401 themselves (tRPC UNAUTHORIZED) instead of redirecting.
const { auth } = NextAuth(authConfig);
export const proxy = auth;

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|webp)$).*)"],
};
