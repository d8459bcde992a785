import { Download } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

/**
 * A list's "Export CSV": a plain download link to its export route (/api/export/<list>?<the list's
 * URL filters>), so the file holds what the list shows now. Renders on the server or the client.
 */
export function DataCsvLink({ href, label, title }: { href: string; label: string; title: string }) {
  return (
    <a href={href} download title={title} className={buttonVariants({ variant: "outline", size: "sm" })}>
      <Download aria-hidden />
      {label}
    </a>
  );
}
