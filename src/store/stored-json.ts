import type { z } from "zod";
import { reviewScoreSchema } from "../coach/score-review.js";

// The JSON documents the store keeps in text columns are checked when read back, against the schemas
// that live with the domain (src/coach): a stored finding, profile, classification or score.

/** A review's flags, stored in their own column: the score's own schema for them. */
export const flagsSchema = reviewScoreSchema.shape.flags;

export function readJson<T>(schema: z.ZodType<T>, text: string): T {
  return schema.parse(JSON.parse(text));
}
