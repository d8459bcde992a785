import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "@/db";
import { runImport, type ImportActor } from "../../services/imports";
import { saveMapping } from "../../services/imports-mappings";
import { saveUpload, validateUpload } from "../../services/imports-uploads";

/** A small survey export and its mapping, as Settings → Import sends them. */
export const SURVEY_CSV = "id,score,comment,date\r\n1,5,Great,2024-05-01\r\n2,3,Fine,2024-05-02\r\n";
export const SURVEY_MAPPING = {
  entity: "feedback" as const,
  columns: { externalId: "id", score: "score", text: "comment", receivedAt: "date" },
  constants: { source: "survey" as const, metricKind: "csat" as const },
};

/**
 * Imports for a procedure × role test, in a temporary upload folder (TOUCHPOINT_UPLOAD_DIR, set
 * until `cleanUp`): an upload, `count` validated imports ready to start, `count` finished ones to
 * undo, `count` saved mappings to remove.
 */
export async function createImportFixture(db: Db, actor: ImportActor, count: number) {
  const previous = process.env.TOUCHPOINT_UPLOAD_DIR;
  const dir = mkdtempSync(join(tmpdir(), "touchpoint-uploads-"));
  process.env.TOUCHPOINT_UPLOAD_DIR = dir;
  const bytes = new TextEncoder().encode(SURVEY_CSV);
  const body = (async function* () {
    yield bytes;
  })();
  const { uploadId } = await saveUpload(dir, actor.workspaceId, body, { maxBytes: 1_000_000 });
  const validated = async (fileName: string) =>
    (await validateUpload(db, dir, actor, { uploadId, fileName, mapping: SURVEY_MAPPING })).importId;
  const ready: number[] = [];
  const done: number[] = [];
  const mappingIds: number[] = [];
  for (let i = 0; i < count; i++) {
    ready.push(await validated(`ready-${i}.csv`));
    const importId = await validated(`done-${i}.csv`);
    // each import writes its own records, so undoing one never waits on a later one
    await runImport(
      db,
      actor,
      { importId, bytes: new TextEncoder().encode(SURVEY_CSV.replaceAll(/^(\d)/gm, `${i}-$1`)) },
      {
        skipInvalid: false,
      },
    );
    done.push(importId);
    mappingIds.push((await saveMapping(db, actor, { name: `Mapping ${i}`, mapping: SURVEY_MAPPING })).id);
  }
  return {
    uploadId,
    ready,
    done,
    mappingIds,
    cleanUp: () => {
      rmSync(dir, { recursive: true, force: true });
      if (previous === undefined) delete process.env.TOUCHPOINT_UPLOAD_DIR;
      else process.env.TOUCHPOINT_UPLOAD_DIR = previous;
    },
  };
}
