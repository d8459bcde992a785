import { Badge } from "@/components/ui/badge";

/** "Active", or when it was switched off (revoked, disabled), quietly. */
export function StatusBadge({ off, activeLabel }: { off: string | null; activeLabel: string }) {
  return off ? <Badge tone="outline">{off}</Badge> : <Badge tone="positive">{activeLabel}</Badge>;
}
