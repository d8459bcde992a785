/**
 * Where to go after sign-in: the path (and query) of `callbackUrl`, never its host, so a crafted
 * link cannot send a user to another site. Auth.js passes absolute URLs; we keep only the path.
 */
export function safeRedirectPath(callbackUrl: string): string {
  let url: URL;
  try {
    url = new URL(callbackUrl, "http://touchpoint.invalid");
  } catch {
    return "/";
  }
  const path = `${url.pathname}${url.search}`;
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/sign-in") ? path : "/";
}
