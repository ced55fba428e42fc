// Performance: speed, memory, allocations, copies, caching, repeated work.
// The project's own lexicon, written from general knowledge of how reviewers phrase things.

import type { Concern } from "../../types.js";
import { cue, words } from "./cue.js";

export const PERFORMANCE = [
  cue<Concern>(
    "performance",
    words(
      "performance",
      "performant",
      "perf",
      "slow(?:s|er|est|ly|ness|down|downs)?",
      "faster",
      "speed(?:s|up|ups)?",
      "latency",
      "throughput",
      "efficient(?:ly)?",
      "inefficient(?:ly)?",
      "efficiency",
      "inefficiency",
      "expensive",
      "costly",
      "cheap(?:er)?",
      "bottlenecks?",
      "hot (?:path|loop|spot)s?",
      "hotspots?",
      "overhead",
      "benchmark(?:s|ed|ing)?",
      "profil(?:e|ed|er|ing)\\s+(?:this|it|shows?|results?)",
      "optimi[sz](?:e|ed|es|ing|ation|ations)",
      "premature optimi[sz]ation",
      String.raw`o\((?:n|n\s*\^\s*2|n\s*\*\s*m|n\s*log\s*n|n²|1|log\s*n)\)`,
      "quadratic",
      "linear time",
      "time complexity",
      "big[- ]o",
      "n\\s*\\+\\s*1(?:\\s+quer(?:y|ies))?",
      "cach(?:e|ing) (?:this|it|that|these|them|the (?:result|results|value|values|lookup|response))",
      "(?:could|should|can|be) (?:be )?cached",
      "memoi[sz](?:e|ed|ation)",
      "caching",
      "cache (?:hits?|miss(?:es)?|hit rate|invalidation|ttl|time|lifetime|expiry)",
      "memcached?",
      "cache results?",
      "(?:memory|heap|buffer|object) allocations?",
      "allocat(?:es|ing) (?:a|an|new|memory|the)",
      "reallocat(?:e|es|ed|ing|ion)",
      "memory (?:usage|footprint|leaks?|pressure|consumption)",
      "leaks? memory",
      "cpu (?:usage|time|cost|costs|cycles|load|bound|intensive|heavy|spikes?)",
      "cpu[- ](?:bound|intensive|heavy)",
      "gc pressure",
      "garbage collect(?:ion|or)",
      "round[- ]trips?",
      "batch(?:ed|ing)?\\s+(?:the\\s+)?(?:calls?|requests?|quer(?:y|ies)|writes?|inserts?)",
      "full (?:table )?scans?",
      "table scans?",
      "(?:db|database|sql)? ?index(?:es)? on",
      "lazy(?:[- ]load(?:ing|ed)?|ily)",
      "eager(?:ly)? load(?:ing)?",
      "in a (?:tight |hot )?loop",
      "every (?:call|request|iteration|time)",
      "each (?:call|request|iteration|time)",
      "(?:twice|again) (?:every|each|per)",
      "scalab(?:ility|le)",
      "scal(?:e|es|ing) (?:well|badly|poorly|linearly|up|out)",
      "(?:doesn't|does not|won't|will not|wouldn't|would not|not) scale",
      "thousands of",
      "millions of",
      "hundreds of",
      "large (?:inputs?|files?|lists?|tables?|payloads?)",
      "blocking (?:call|io|i/o)",
      "synchronous(?:ly)? (?:io|i/o|call|request)",
      "copies",
      "(?:useless|unnecessary|needless|extra|redundant|wasted|repeated) (?:iterations?|loops?|passes|lookups?|calls|queries|requests|round ?trips?|allocations?|work)",
      "avoid(?:s|ing)? (?:\\w+ )?(?:looping|iterating|scanning|recomputing|recalculating|re-?reading|re-?fetching|allocating)",
      "(?:extra|unnecessary|needless|redundant|avoid(?:s|ing)?(?: the| a| an| this| that)?|another|one more) cop(?:y|ies)",
      "copying",
      "heap",
    ),
  ),
];

/**
 * Speed words about the pace of people's work, not of the program: "slow down landing this patch", "so we can
 * merge this faster", "slowly refactor", "cognitive overhead", "overhead to understanding". Only the pace word is
 * matched (the groups), so the activity named stays readable to the other cues ("refactor").
 */
export const WORK_PACE =
  /\b(?:(slow(?:s|ed|ing)?\s+down|speed(?:s|ed|ing)?\s+up)(?=\s+(?:\w+\s+){0,2}(?:landing|merging|the\s+review|reviews?|development|iteration|onboarding|this\s+patch|the\s+patch)\b)|(faster|quicker|sooner|more\s+quickly)(?<=\b(?:merge|land|ship|review|release|iterate|develop)\w*\s+(?:\w+\s+){0,3}\2)\b|(slowly)(?=\s+(?:refactor|migrat|mov|replac|phas|transition|port))|(overhead)(?<=\b(?:cognitive|mental|maintenance|conceptual|review)\s+overhead)\b|(overhead)(?=\s+(?:to|of|for|in)\s+(?:understanding|reading|maintain\w*|review\w*)))/gi;
