// Concrete hints for rewording a review comment that read as harsh or toxic, for the reviewer's private
// page only. Pure: the same text always gets the same hints.

interface Rule {
  test: (text: string) => boolean;
  hint: (text: string) => string;
}

const first = (text: string, pattern: RegExp): string => (text.match(pattern)?.[0] ?? "").toLowerCase();

const ABSOLUTES = /\b(obviously|clearly|always|never|simply|just|everyone knows|of course|any(one|body) (can|could) see)\b/i;
const SARCASM = /\b(genius|brilliant idea|great job|nice job|good luck with that|sure, because|wow|lol|yeah right)\b|\?!|!\?|\bseriously\b\??|\breally\?/i;
const VERDICT =
  /\b(this|that|it|the code|this code|this approach|this design)\s+(is|looks|seems)\s+(wrong|bad|terrible|awful|horrible|broken|garbage|nonsense|stupid|a mess|ugly|pointless|useless)\b|\bmakes no sense\b|\b(doesn't|does not|won't|will not) work\b|\bwhy would (you|anyone)\b/i;
const PERSONAL =
  /\b(you (clearly|obviously|never|always|don't understand|didn't think|should know)|did you (even|actually)|are you (serious|kidding)|stupid|idiot(ic)?|lazy|incompetent|dumb|moron|clueless|amateur(ish)?|pathetic|ridiculous|embarrassing|junior mistake)\b/i;
const PROFANITY = /\b(wtf|crap|shit|damn|trash|garbage|sucks?)\b/i;
const SHOUTING = /(\b[A-Z]{3,}\b.*\b[A-Z]{3,}\b)|!!/;
const RATIONALE = /\b(because|since|so that|otherwise|which means|that means|as a result|could lead to|would break|risk|in case)\b/i;
const ALTERNATIVE = /\b(consider|could we|could you|what about|how about|maybe|perhaps|suggest|instead|alternatively|would it help)\b|```suggestion/i;
const QUESTION = /\?(\s|$)/;

const RULES: Rule[] = [
  {
    test: (text) => PERSONAL.test(text) || PROFANITY.test(text),
    hint: (text) =>
      `Talk about the code, not the person: drop "${first(text, PERSONAL) || first(text, PROFANITY)}" and name the line or behaviour you mean ("this loop", "this query") instead of "you".`,
  },
  {
    test: (text) => ABSOLUTES.test(text),
    hint: (text) => `Remove absolutes like "${first(text, ABSOLUTES)}": say what you observed ("I think", "when the list is empty…") so the author can weigh it.`,
  },
  {
    test: (text) => SARCASM.test(text),
    hint: () => "Leave out sarcasm and rhetorical punctuation: it reads as mockery in writing. State the concern plainly.",
  },
  {
    test: (text) => VERDICT.test(text),
    hint: (text) =>
      `Turn the verdict ("${first(text, VERDICT)}") into a question that shows what to check, e.g. "What happens here when the input is empty?" or "Could this race with the retry?"`,
  },
  {
    test: (text) => SHOUTING.test(text),
    hint: () => "Lower the volume: no capitals or repeated exclamation marks for emphasis.",
  },
  {
    test: (text) => !RATIONALE.test(text),
    hint: () => 'Explain why: what breaks, for whom, and when ("because an empty cart makes this divide by zero").',
  },
  {
    test: (text) => !ALTERNATIVE.test(text),
    hint: () => 'Offer an alternative: "Consider …", "What about …?", or a GitHub suggestion block with the change you have in mind.',
  },
  {
    test: (text) => !QUESTION.test(text) && !VERDICT.test(text),
    hint: () => "Ask rather than tell where you are not sure: a question invites the author to explain or fix it themselves.",
  },
];

/** Up to four hints, most important first (personal remarks, absolutes, sarcasm, verdicts, then what is missing). */
export function suggestRephrasing(text: string): string[] {
  const plain = text.replace(/```[\s\S]*?```/g, (block) => (block.startsWith("```suggestion") ? "```suggestion" : " ")).trim();
  const hints = RULES.filter((rule) => rule.test(plain)).map((rule) => rule.hint(plain));
  if (hints.length === 0) return ["Say what you noticed, why it matters, and ask how the author sees it."];
  return hints.slice(0, 4);
}
