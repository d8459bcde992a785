import { Card, CardContent } from "@/components/ui/card";

/** What a page shows a role that may not read it, instead of loading data the server would refuse. */
export function NoAccess({ message }: { message: string }) {
  return (
    <Card role="status" data-testid="no-access">
      <CardContent className="p-6 text-sm">{message}</CardContent>
    </Card>
  );
}
