import "server-only";
import { getDatabase } from "@/db";
import { getSessionContext } from "../auth/session";
import type { Context } from "./trpc";

/** Build the request context: the session's user, and their membership read from the database. */
export async function createContext(): Promise<Context> {
  const { db } = await getDatabase();
  return { db, ...(await getSessionContext(db)) };
}
