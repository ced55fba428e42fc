// Documentation: comments, docstrings, docs, changelogs, log and error message wording.
// The project's own lexicon, written from general knowledge of how reviewers phrase things.

import type { Concern } from "../../types.js";
import { cue, words } from "./cue.js";

/** A message the code shows people, not one passed between programs ("the message queue", "the message type"). */
const NOT_A_MESSAGE_QUEUE = String.raw`(?! ?(?:queues?|bus|brokers?|handlers?|types?|ids?|objects?|class(?:es)?))`;
/** A message that is sent, parsed or stored is data passed between programs, not wording. */
const NOT_IN_TRANSIT = String.raw`(?! (?:(?:is|was|gets?|got|has|have|had|been|being|already|is being) )*(?:sent|sending|send|received|receiving|serialized|deserialized|parsed|encoded|decoded|queued|published|delivered|stored|signed|encrypted|dispatched|consumed|acked|acknowledged)\b)`;

export const DOCUMENTATION = [
  cue<Concern>(
    "documentation",
    words(
      "doc(?:s|umentation|umented|ument|uments)?",
      "undocumented",
      "docstrings?",
      "doc ?comments?",
      "javadocs?",
      "jsdoc",
      "tsdoc",
      "godoc",
      "rustdoc",
      "readme",
      "changelog",
      "release ?notes?",
      "(?:upgrade|upgrading|migration|breaking[- ]changes?) (?:notes?|guides?|docs?)",
      "doc ?blocks?",
      "(?:file |license |copyright )?headers? comments?",
      "copyright(?: years?| headers?| notices?)?",
      "restructured ?text",
      "type ?hints? in (?:the )?docstring",
      "reno",
      "man ?page",
      "wiki",
      "rst",
      "markdown",
      "help (?:text|string|message)",
      "usage (?:text|string|message)",
      "commit (?:message|msg)",
      "(?:this|the|a|that|above|below|inline|code|your|these|those|js) comments?",
      "comment (?:here|this|that|explaining|describing|about|on why|why|what)",
      "comments (?:explaining|describing)",
      "remove comments?",
      "add(?:ing)? (?:a |an |some )?(?:comment|comments|note|notes)",
      "todo",
      "fixme",
      "(?:a|the|this|that) note(?! that)",
      "note (?:here|about|explaining|on why)",
      "(?:better|clearer|more|helpful|explanatory|one[- ]line|short|brief|small|quick) comments?",
      "no longer (?:correct|accurate|true)",
      "(?:isn't|is not|not) (?:quite |entirely )?accurate",
      "s/[^/\\n]*(?:\\s|\\b[a-z]+\\b)[^/\\n]*/[^/\\n]*/?",
      "explain(?:s|ing|ed)? (?:why|what|how|that)",
      "wording",
      "(?:should|could|would|to|please|also|maybe|perhaps) (?:also )?mention",
      "worth mentioning",
      "(?:just|simply|instead|and) (?:say|saying)(?= (?:that\\b|something like|CODE\\b|[\"'`]))",
      // The pull request's own description is not the project's documentation.
      "(?<!\\b(?:pr|pull request|mr|issue|ticket|jira|bug)'?s? )description",
      "sentence",
      "paragraph",
      "period",
      // The wording or content of what the code tells people: log, error and UI messages.
      "(?:error|log|logging|exception|warning|debug|info|ui|user[- ]facing|status|help|prompt|panic) (?:messages?|msgs?|texts?|lines?|strings?|output)",
      "assert(?:ion)? messages?",
      // What a message should say: "include the value in this message", "a message that tells the user to …".
      `(?:include|add|put|mention)\\w* (?:[\\w'"]+ ){0,4}(?:in|into|to) (?:the|this|that|each|every|these|those|your) messages?${NOT_A_MESSAGE_QUEUE}`,
      `include (?:[\\w'"]+ ){0,3}messages?${NOT_A_MESSAGE_QUEUE}`,
      "messages? (?:that|which) (?:tells?|says?|explains?|describes?)",
      "messages? describing",
      "(?:details|context|specifics|information|more info) (?:to|in|into|about) (?:the |this |that |an? )?(?:errors?|exceptions?|logs?|messages?|log lines?)",
      "(?:give|add|include) (?:the |this |that )?(?:errors?|exceptions?|logs?|messages?) (?:some |more )?(?:details|context|specifics|information)",
      "log (?:statement|entry|entries)s?",
      "(?:message|msg) (?:text|wording|content|says|should say|could say)",
      `(?:this|that) messages?${NOT_A_MESSAGE_QUEUE}${NOT_IN_TRANSIT}`,
      "(?:stale|outdated|out of date|obsolete|misleading|useless|weird|obvious|incorrect|wrong|redundant|unnecessary|inaccurate) (?:comment|comments|doc|docs|docstring|message|text)",
      "comments? (?:is|are|seems?|looks?) (?:useless|misleading|wrong|outdated|obsolete|redundant|unnecessary|incorrect|inaccurate)",
      "(?:update|reword|rephrase) (?:the |this |that )?comments?",
      "(?:needs?|requires?|deserves?|worth) (?:a |an )?comment",
      "(?<=@)(?:throws|param|returns?|deprecated|see|since)",
      "exc_info",
      "typos?",
      "misspell(?:ed|ing|ings)?",
      "spelling",
      "reword(?:ed|ing)?",
      "rephras(?:e|ed|ing)",
      "phrasing",
      "grammar",
      "grammatical(?:ly)?",
      "reads? (?:like|as|better|oddly|strangely)",
      "spelt",
      "punctuation",
      "full stop",
      "blurb",
      // Documentation left stale by the change.
      "(?:is|are) (?:old|stale|outdated|out of date) now",
      "needs? updating",
      "(?:could|should|needs? to|must) be updated",
    ),
  ),
];

/** A quoted phrase of several words (no markup or code braces): wording on offer for a comment, docstring or message... */
export const QUOTED_PHRASE = /(?<![\w-])"[^"\n<>{}]*\s[^"\n<>{}]*"(?!\w)/g;
/** ...when the comment frames it as wording to use ("nit:", "say", "either", "instead", "would read better"). */
export const WORDING_FRAME =
  /\b(?:nit|nitpick|say|says|said|either|instead|rather|better|clearer|precise|reads?|read as|phrase|spell(?:ed)? (?:it |this )?out|mention|add(?:ed)?|s\/)\b|->|→/i;

/**
 * Documentation cited as a source, not discussed: "as per the datanucleus documentation it can return null", "reading the
 * doc, getCanonicalPath returns …". Masked before the cues are read.
 */
export const DOCS_CITED =
  /\b(?:as per|according to|per|reading) (?:the )?(?:[\w()/.-]+ ){0,2}(?:docs?|documentation)\b/gi;
