import { uploadDir, uploadErrorsCsv } from "@/server/services/imports-uploads";
import { errorResponse, failure, importAccess, importIdOf } from "../../access";

/** GET /api/imports/<id>/errors: every validation error of the import's file, as a CSV download. */
export async function GET(_request: Request, context: { params: Promise<{ importId: string }> }): Promise<Response> {
  const importId = await importIdOf(context);
  if (importId === null) return failure(404, "There is no such import.");
  const access = await importAccess();
  if (access instanceof Response) return access;
  try {
    const { fileName, csv } = await uploadErrorsCsv(access.db, uploadDir(), access.actor.workspaceId, importId);
    const name = `${fileName.replace(/\.csv$/i, "")}-errors.csv`;
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="import-${importId}-errors.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
