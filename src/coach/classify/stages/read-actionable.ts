// Stage: whether the comment says what to change: an imperative, a modal request, or a question about a
// concern it raises.

import { addSignal, firstMatch, markActionable, type Draft } from "../evidence-log.js";
import { isNegated } from "../is-negated.js";

/** Sentence-initial imperatives: the comment tells what to change. */
const IMPERATIVE =
  /(?:^|[.!?;:\n]\s*|\b(?:please|pls|plz|just|maybe|perhaps|probably|also|then|so|nit:?)\s+)(use|add|remove|drop|rename|move|replace|extract|change|make|avoid|pass|return|check|call|handle|wrap|split|inline|delete|fix|update|document|mention|put|set|declare|define|import|sort|align|indent|dedent|revert|keep|consider|prefer|simplify|merge|reuse|log|raise|throw|catch|validate|test|assert|guard|limit|escape|sanitize|sanitise|cache|batch|convert|initiali[sz]e|clean|refactor|reword|rephrase|capitali[sz]e|lowercase|uppercase|bump|pin|upgrade|downgrade|leave|squash|rebase|ensure|verify|expose|hide|mark|annotate|specify|include|exclude|switch|skip|combine|reduce|increase|decrease|close|free|release|reset|clear|enable|disable|let's|lets|don't|do not|never|stop|go with|get rid of|fold|flip|swap|invert|lock|unlock|lift|hoist|memoi[sz]e|rewrite|restructure|separate|collapse|trim|strip|quote|unquote|encode|decode|parse|format|run|try)\b/gi;
/** Imperatives that propose a concrete alternative. */
const ALTERNATIVE_VERB =
  /^(?:use|rename|move|replace|extract|inline|switch|prefer|consider|convert|simplify|merge|combine|wrap|split|reuse|go with|get rid of|rewrite|hoist|lift|fold|collapse|swap|flip|invert|separate|memoi[sz]e)$/i;
/** Modal and explicit requests. */
const DIRECTIVE =
  /\b(?:should(?:n't)?|must(?:n't)?|needs? to|need(?:s|ed)?|have to|has to|please|pls|let's|we'd better|(?:it'd|it would|would it) be (?:better|good|nice|great|cleaner|safer|simpler|worth)|can you|could you|would you|will you|i'd (?:like|prefer|rather)|missing|forgot|forgotten|don't forget|make sure|ensure|is (?:required|needed)|required|todo|fixme|remove|add)\b/gi;

/** Marks `draft` actionable when `prose` tells what to change; `question` is the question it asks, if any. */
export function readActionable(prose: string, question: string | null, draft: Draft): void {
  const { signals } = draft;
  IMPERATIVE.lastIndex = 0;
  for (let m = IMPERATIVE.exec(prose); m !== null; m = IMPERATIVE.exec(prose)) {
    const verb = m[1] ?? "";
    if (isNegated(prose, m.index, m[0].length, "none")) continue;
    markActionable(draft, m[0]);
    if (ALTERNATIVE_VERB.test(verb) && !signals.has("suggestion")) addSignal(draft, "suggestion", m[0]);
    break;
  }
  if (signals.has("suggestion") && !draft.actionable) {
    markActionable(draft, draft.evidence.items.find((e) => e.label === "signal:suggestion")?.match ?? "");
  }
  if (!draft.actionable) {
    const directive = firstMatch(prose, DIRECTIVE, "none");
    if (directive !== null) markActionable(draft, directive[0]);
  }
  if (!draft.actionable && signals.has("question") && draft.concerns.size > 0) markActionable(draft, question ?? "");
}
