// Every concern cue in matching order, one file per label. Security is read apart (stages/read-security.ts):
// its words are masked where they name a topic, and identifiers inside code spans are read too.

import type { Concern } from "../../types.js";
import { ARCHITECTURE } from "./architecture-cues.js";
import type { Cue } from "./cue.js";
import { DOCUMENTATION } from "./documentation-cues.js";
import { EDGE_CASES } from "./edge-cases-cues.js";
import { PERFORMANCE } from "./performance-cues.js";
import { READABILITY } from "./readability-cues.js";
import { STYLE } from "./style-cues.js";
import { TESTING } from "./testing-cues.js";

export const CONCERN_CUES: readonly Cue<Concern>[] = [
  ...ARCHITECTURE,
  ...EDGE_CASES,
  ...TESTING,
  ...PERFORMANCE,
  ...READABILITY,
  ...DOCUMENTATION,
  ...STYLE,
];
