import { maxUploadBytes, saveUpload, uploadDir } from "@/server/services/imports-uploads";
import { errorResponse, failure, importAccess } from "../access";

const MAX_NAME = 255;

/**
 * POST /api/imports/upload?name=<file name>, the file as the raw body: streams it to the upload
 * folder (never whole in memory) up to TOUCHPOINT_UPLOAD_MAX_MB, answers { uploadId, fileName, bytes }.
 */
export async function POST(request: Request): Promise<Response> {
  const access = await importAccess();
  if (access instanceof Response) return access;
  const fileName = new URL(request.url).searchParams.get("name")?.trim() ?? "";
  if (fileName === "" || fileName.length > MAX_NAME) {
    return failure(400, `Send the file's name (1–${MAX_NAME} characters) as ?name=.`);
  }
  if (!request.body) return failure(400, "The request has no file; choose a CSV file to upload.");
  const declared = Number(request.headers.get("content-length"));
  try {
    const saved = await saveUpload(
      uploadDir(),
      access.actor.workspaceId,
      request.body as unknown as AsyncIterable<Uint8Array>,
      { maxBytes: maxUploadBytes(), declaredBytes: Number.isFinite(declared) && declared > 0 ? declared : null },
    );
    return Response.json({ ...saved, fileName }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
