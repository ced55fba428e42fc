import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../dialect.js";
import * as initialSchema from "./001-initial-schema.js";
import * as checkRuns from "./002-check-runs.js";
import * as repositoryConfig from "./003-repository-config.js";
import * as kudosConsent from "./004-kudos-consent.js";
import * as githubWrites from "./005-github-writes.js";
import * as jobInstallation from "./006-job-installation.js";
import * as payloadDigests from "./007-payload-digests.js";
import * as commentAuthorId from "./008-comment-author-id.js";
import * as revokedSessions from "./009-revoked-sessions.js";
import * as ruleLearning from "./011-rule-learning.js";
import * as configSources from "./012-config-sources.js";
import * as jobClaimOrder from "./013-job-claim-order.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists
type Step = { up(db: Kysely<any>, dialect: Dialect): Promise<void> };

/** Versioned migrations, applied in name order at start. Never edit one that has shipped: add the next. */
const steps: Record<string, Step> = {
  "001-initial-schema": initialSchema,
  "002-check-runs": checkRuns,
  "003-repository-config": repositoryConfig,
  "004-kudos-consent": kudosConsent,
  "005-github-writes": githubWrites,
  "006-job-installation": jobInstallation,
  "007-payload-digests": payloadDigests,
  "008-comment-author-id": commentAuthorId,
  "009-revoked-sessions": revokedSessions,
  "011-rule-learning": ruleLearning,
  "012-config-sources": configSources,
  "013-job-claim-order": jobClaimOrder,
};

export function listMigrations(dialect: Dialect): Record<string, Migration> {
  return Object.fromEntries(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see Step
    Object.entries(steps).map(([name, step]) => [name, { up: (db: Kysely<any>) => step.up(db, dialect) }]),
  );
}
