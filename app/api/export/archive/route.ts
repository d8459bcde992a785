import { archiveExportResponse, archiveImportResponse } from "@/server/services/export-http";
import { exportContext } from "../context";

/** `GET /api/export/archive`: the whole workspace as one .tar.gz (admins). */
export async function GET(): Promise<Response> {
  const { ctx, engine } = await exportContext();
  return archiveExportResponse(ctx, engine);
}

/** `POST /api/export/archive?target=new&slug=…[&name=…]` or `?target=current`: import an archive (admins). */
export async function POST(request: Request): Promise<Response> {
  const { ctx } = await exportContext();
  return archiveImportResponse(ctx, request);
}
