import "server-only";
import { headers } from "next/headers";

/**
 * The origin the browser reached this request at, for absolute URLs to show (webhook URLs, curl
 * examples): the first X-Forwarded-Host / X-Forwarded-Proto behind a proxy, else the Host header.
 */
export async function requestOrigin(): Promise<string> {
  const list = await headers();
  const first = (name: string) => list.get(name)?.split(",")[0]?.trim() || null;
  const host = first("x-forwarded-host") ?? list.get("host") ?? "localhost";
  const protocol = first("x-forwarded-proto") ?? "http";
  return `${protocol}://${host}`;
}
