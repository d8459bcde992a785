import { webhookPost } from "@/server/api/rest/routes";

/** POST /api/v1/webhooks/<tool>?endpoint=<token>: a survey tool's delivery. */
export const POST = webhookPost;
