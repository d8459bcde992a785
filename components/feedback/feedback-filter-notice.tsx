import { Card, CardContent } from "@/components/ui/card";

/** Why parts of the link were left out (parseFeedbackSearchParams' messages), above the list. */
export function FeedbackFilterNotice({ heading, errors }: { heading: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <Card role="status" data-testid="filter-errors" className="mb-4 border-negative/40">
      <CardContent className="p-4 text-sm">
        <p className="font-medium">{heading}</p>
        <ul className="mt-1 list-disc ps-5 text-muted-foreground">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
