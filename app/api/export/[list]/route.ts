import { EXPORT_LISTS, type ExportList } from "@/server/domain/export/list-params";
import { listExportResponse } from "@/server/services/export-http";
import { exportContext } from "../context";

/** `GET /api/export/feedback|customers|actions?<the list's URL filters>`: the filtered list as CSV. */
export async function GET(request: Request, { params }: { params: Promise<{ list: string }> }): Promise<Response> {
  const { list } = await params;
  if (!(EXPORT_LISTS as readonly string[]).includes(list)) {
    return Response.json(
      { error: `There is no list “${list}” to export; use ${EXPORT_LISTS.join(", ")}.` },
      { status: 404 },
    );
  }
  const { ctx } = await exportContext();
  return listExportResponse(ctx, list as ExportList, new URL(request.url));
}
