import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Test-only: where the shared real-world datasets live (`../shared/datasets` beside the repo, or
 * TOUCHPOINT_DATASETS), and readers for them. Tests skip with this message when the folder is absent.
 */
export const DATASETS_DIR =
  process.env.TOUCHPOINT_DATASETS ?? fileURLToPath(new URL("../../../../shared/datasets/", import.meta.url));

export function hasDataset(relativePath: string): boolean {
  return existsSync(`${DATASETS_DIR}/${relativePath}`);
}

export function skipMessage(relativePath: string): string {
  return hasDataset(relativePath) ? "" : ` (skipped: ${DATASETS_DIR}/${relativePath} is absent)`;
}

export function readDatasetJson(relativePath: string): unknown {
  return JSON.parse(readFileSync(`${DATASETS_DIR}/${relativePath}`, "utf8"));
}

export function readDatasetBytes(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(`${DATASETS_DIR}/${relativePath}`));
}
