import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDatabase } from "@/db";
import { authenticate } from "../services/memberships";
import { authConfig } from "./config";

const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

export const { handlers, auth, signIn, signOut } = NextAuth({
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
});
