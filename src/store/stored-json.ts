import { z } from "zod";
import { REVIEW_FLAGS } from "../coach/score-review.js";

// The JSON documents the store keeps in text columns are checked when read back, against the schemas
// that live with the domain (src/coach): a stored finding, profile, classification or score.

export const flagsSchema = z.array(z.enum(REVIEW_FLAGS));

export function readJson<T>(schema: z.ZodType<T>, text: string): T {
  return schema.parse(JSON.parse(text));
}
