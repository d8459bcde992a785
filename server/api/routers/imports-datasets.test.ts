import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createTestDb } from "@/db/test-db";
import { testEngine } from "@/db/test-engine";
import { DATASETS_DIR, hasDataset, skipMessage } from "../../domain/ingest/test-datasets";
import { saveUpload } from "../../services/imports-uploads";
import { callerFor, createRoleFixture } from "../testing/callers";

const dir = mkdtempSync(join(tmpdir(), "touchpoint-uploads-"));
const previousDir = process.env.TOUCHPOINT_UPLOAD_DIR;
let handle: DbHandle;
let fixture: Awaited<ReturnType<typeof createRoleFixture>>;

beforeAll(async () => {
  process.env.TOUCHPOINT_UPLOAD_DIR = dir;
  handle = await createTestDb();
  fixture = await createRoleFixture(handle.db);
});
afterAll(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
  if (previousDir === undefined) delete process.env.TOUCHPOINT_UPLOAD_DIR;
  else process.env.TOUCHPOINT_UPLOAD_DIR = previousDir;
});

/**
 * Each real export, whole, as the import page sees it: uploaded, previewed, its suggested mapping
 * completed only where the page asks the user (a date for a file without one), then checked.
 */
const CASES = [
  {
    file: "airline_tweets/Tweets.csv",
    columns: { externalId: "tweet_id", customerName: "name", text: "text", receivedAt: "tweet_created" },
    constants: { source: "social" },
    rows: 14_640,
    extra: {},
  },
  {
    file: "olist_classified/olist_classified_public_dataset.csv",
    columns: {
      externalId: "id",
      score: "review_score",
      title: "review_comment_title",
      text: "review_comment_message",
      receivedAt: "review_creation_date",
    },
    constants: { metricKind: "rating", source: "review" },
    rows: 3_584,
    extra: {},
  },
  {
    file: "womens_clothing_reviews/reviews.csv",
    columns: { score: "Rating", title: "Title", text: "Review Text" },
    constants: { metricKind: "rating", source: "review" },
    rows: 23_486,
    // the file has no date: the page asks for one date for every row
    extra: { receivedAt: "2019-01-01T00:00:00Z" },
  },
] as const;

describe(`import page on the shared datasets (${testEngine()})`, () => {
  for (const c of CASES) {
    it(`suggests a mapping under which every row of ${c.file} is valid${skipMessage(c.file)}`, async () => {
      if (!hasDataset(c.file)) return;
      const caller = await callerFor(handle.db, fixture.users.cx_manager, fixture.workspace.id);
      const { uploadId } = await saveUpload(dir, fixture.workspace.id, createReadStream(join(DATASETS_DIR, c.file)), {
        maxBytes: 100 * 1024 * 1024,
      });
      const preview = await caller.imports.preview({ uploadId, entity: "feedback" });
      expect(preview).toMatchObject({ encoding: "utf-8", warning: null });
      expect(preview.suggestion).toEqual({ columns: c.columns, constants: c.constants, dateFormat: "iso" });
      const report = await caller.imports.validate({
        uploadId,
        fileName: c.file,
        mapping: {
          entity: "feedback",
          columns: preview.suggestion.columns,
          constants: { ...preview.suggestion.constants, ...c.extra },
          dateFormat: preview.suggestion.dateFormat,
        },
      });
      expect(report).toMatchObject({ rowsRead: c.rows, rowsValid: c.rows, rowsInvalid: 0 });
    });
  }
});
