import { z } from "zod";
import type { DigestJob } from "../digest/deliver-digest.js";

// The payloads of the jobs the scheduler queues, checked when a worker claims them (a webhook job carries
// GitHub's payload, checked by its handler; a backfill job's schema lives with its use case).

export const digestJobSchema: z.ZodType<DigestJob> = z.object({
  installationId: z.number(),
  target: z.object({ kind: z.enum(["repository", "org"]), name: z.string() }),
  repositoryIds: z.array(z.number()),
  deliverTo: z.string().regex(/^[^/]+\/[^/]+$/),
  due: z.string(),
  configProblem: z.string().optional(),
});

export const snapshotJobSchema = z.object({ repositoryId: z.number(), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
