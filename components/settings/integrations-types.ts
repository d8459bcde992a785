import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

/** A webhook endpoint as Settings lists it: no secret, no token; its editable options in `settings`. */
export type WebhookEndpoint = Outputs["webhooks"]["list"][number];

/** What can be done to an endpoint from its row, each confirmed in a dialog or opened in a form. */
export type WebhookAction = "edit" | "rotate" | "disable" | "enable" | "remove";

/** One logged delivery of an endpoint, as Settings → Integrations → Recent deliveries lists it. */
export type WebhookDeliveryRow = Outputs["webhooks"]["deliveries"][number];
