// Tone: profanity, insults, pejoratives, dismissive phrases, and technical senses kept out.
// The project's own lexicon, written from general knowledge of how reviewers phrase things.

import type { Tone } from "../../types.js";
import { words } from "./cue.js";

/** Profanity and slurs: toxic wherever they are aimed. */
const STRONG_PROFANITY = words(
  "f+u+c+k+(?:s|ed|er|ers|ing|in|in'|ity|up)?",
  "motherf\\w*",
  "fck",
  "fuk",
  "sh[i1]t+(?:s|ty|tier|tiest|ting|head|load|show)?",
  "bullsh[i1]t",
  "horseshit",
  "bitch(?:es|ing|y)?",
  "bastards?",
  "assholes?",
  "arseholes?",
  "asshat",
  "dipshit",
  "dickheads?",
  "dick",
  "cunts?",
  "twats?",
  "wankers?",
  "piss(?:es|ed|ing)? (?:\\w+ )?off",
  "shite",
  "douche(?:bag)?s?",
  "goddamn(?:ed|it)?",
  "god damn(?:ed|it)?",
  "retard(?:ed|s)?",
  "fag(?:g?ots?|s)?",
  "nigg(?:ers?|as?)",
  "whores?",
  "sluts?",
  "rap(?:e|ed|es|ing|ist|ists)",
  "stfu",
  "gtfo",
  "kys",
  "kill yourself",
);

/** Profanity masked with symbols ("f***ing", "sh*t", "!@#$") or joined to another word ("right-now-you-f...er"). */
const MASKED = "[*#@$%]";
const SYMBOL = "[!@#$%&*]";
/** A run of four or more symbols with at least two of @#$%& and one of !* (not a markdown rule or a `**` pair). */
const GRAWLIX = String.raw`(?<=(?:^|[^\w!@#$%&*])${SYMBOL})(?=${SYMBOL}*[@#$%&]${SYMBOL}*[@#$%&])(?=${SYMBOL}*[!*])${SYMBOL}{3,}(?![\w!@#$%&*])`;
// Every alternative starts with the first character consumed, then looks back: one cheap scan per comment.
const MASKED_PROFANITY = new RegExp(
  String.raw`[fs!@#$%&*-](?:(?<=\bf)(?:${MASKED}{2,}(?:k|in|ing|ed|er)?|${MASKED}ck(?:ing|ed|er)?)(?![\w*#@$%])|(?<=\bs)(?:h${MASKED}{1,2}t?|h${MASKED}tty|${MASKED}{2,3}t\b)(?![\w*#@$%])|(?<=\w-)(?:fuck|shit)\w*|${GRAWLIX})`,
  "gi",
);

/** Insults aimed at a person: toxic. */
const PERSONAL_INSULT =
  /\b(?:you(?:'re| are)|you guys are|u r|what an?|who(?:'s| is) the|such an?|whoever wrote this is an?)\s+(?:(?:total|complete|absolute|fucking|real|utter|bloody|f\w*ing)\s+)?(?:idiots?|morons?|imbeciles?|clowns?|incompetent|clueless|stupid|dumb|useless|lazy|jerks?|losers?|dumbass(?:es)?|fools?|amateurs?|noobs?|dimwits?|halfwits?|numpt(?:y|ies))\b|\b(?:idiots?|morons?|imbeciles?|dumbass(?:es)?|jerks?|numpt(?:y|ies)|dimwits?|halfwits?|liars?|uneducated (?:programmers?|developers?|people))\b/gi;

/** Threats of harm. */
const THREAT =
  /\b(?:i(?:'ll| will| am going to|'m going to|'m gonna)|we(?:'ll| will)) (?:kill|hurt|find|fire|strangle|murder|punch|slap|end) you\b|\b(?:go (?:die|to hell)|drop dead(?!\s+[a-z])|i hope you (?:die|get fired))\b/gi;

/** Mild profanity and expletives: harsh in a review, aimed at code, at the author or at oneself. */
const MILD_PROFANITY = words(
  "damn(?:ed|it|s)?",
  "dammit",
  "dam",
  "darn(?:ed|it)?",
  "crap(?:py|pier|piest|s)?",
  "suck(?:s|ed|ing|y|ier|iest|er|ers)?",
  "hell",
  "heck",
  "wtf",
  "wth",
  "dafuq",
  "omfg",
  "omg",
  "frick(?:ing|in)?",
  "freaking",
  "frigging",
  "fugly",
  "turds?",
  "fart(?:s)?",
  "brain[- ]?fart",
  "screw(?:ed|s|ing)?(?: (?:up|it|this|that|over))?",
  "half[- ]assed",
  "(?:cover|kick|pain in the) (?:our |my |the |your )?ass",
  "ass",
  "anal",
  "arse",
  "bloody",
  "bollocks",
  "effing",
  "sod",
  "jeez",
  "geez",
  "holy (?:cow|moly|crap|shit)",
  "curse[sd]?",
  "cursing",
  "butt",
  "shut ?up",
  "porn",
);

/** Pejoratives and disgust aimed at code or at the author. */
const PEJORATIVE = words(
  "ugly",
  "uglier",
  "ugliest",
  "ugliness",
  "yuck(?:y|ier|iest)?",
  "yu+k+y?",
  "eww*",
  "e+w+",
  "ugh+",
  "u+r+g+h+",
  "argh+",
  "a+r+g+h+",
  "gah+",
  "grr+",
  "bleh",
  "blech",
  "disgusting",
  "horrib(?:le|ly)",
  "horrendous",
  "hideous",
  "awful(?:ly)?",
  "atrocious",
  "abomination",
  "terrible",
  "terribly",
  "rubbish",
  "(?:is|are|total|complete|utter) (?:garbage|trash|junk|nonsense)",
  "(?:garbage|junk|trash) code",
  "nonsensical",
  "ridiculous(?:ly)?",
  "absurd",
  "insane(?:ly)?",
  "idiotic",
  "moronic",
  "brain[- ]?dead",
  "brainless",
  "stupid(?:ity|est)?",
  "lame",
  "pathetic",
  "embarrassing",
  "shameful",
  "shame on",
  "evil",
  "devil",
  "hate(?:s|d)?",
  "loathe",
  "sloppy",
  "idiocy",
  "goofy",
  "whacky",
  "wacky",
  "crazy",
  "nasty",
  "hacky",
  "(?:pile|piece) of (?:junk|garbage|trash|rubbish|work)",
  "spaghetti",
  "clown(?:s|ish)?",
  "amateur(?:ish)?",
  "stupidly",
  "scumbags?",
  "poop",
  "asses",
  "bummer",
  "goofed",
  "clumsy",
  "ew",
  "face-?palm",
  "monstrosity",
  "puk(?:e|es|ed|ing)",
  "vomit(?:s|ing)?",
  "bone-?head(?:ed|s)?",
  "w?hacko",
  "weirdos?",
  "filthy",
  "lousy",
  "nazis?",
  "cowards?",
  "chumps?",
  "slackers?",
  "disgrace(?:ful|fully)?",
  "bastardi[sz](?:e|ed|ing)",
  "brain ?holes?",
);

/** Dismissive, mocking or belittling phrases. */
const DISMISSIVE =
  /\b(?:did (?:you|u) (?:even|actually|ever) (?:test|run|read|try|look|compile|think|check)|have you (?:even|ever) (?:tested|run|read|tried|looked|compiled)|(?:obviously|clearly|plainly) (?:wrong|broken|incorrect|bad|useless|not)|who (?:wrote|thought|came up with|approved) (?:this|that)|what (?:were|was) (?:you|they|he|she) (?:thinking|smoking)|makes? (?:absolutely no|zero) sense|are you (?:serious|kidding|joking|insane|crazy)|seriously\s*[?!]|you (?:clearly|obviously) (?:don't|didn't|have no)|(?:any|a) (?:competent|decent|real|sane) (?:developer|programmer|engineer|person)|even a (?:junior|child|beginner|newbie|intern)|learn (?:to|how to) (?:code|program|read)|do you (?:even )?know (?:how|what)|how (?:many|often) times|for the (?:\w+th|third|last|hundredth) time|as i (?:already )?(?:said|told you|mentioned)(?: before)?(?:,| already)|i(?:'ve| have) (?:already )?told you|(?:this|that|it) is (?:a joke|a disaster|amateur|embarrassing|laughable)|waste of (?:time|everyone's time)|no offen[cs]e,? but|with all due respect|not to be (?:rude|harsh|mean)|i can't believe|what a (?:mess|joke|disaster)|give me a break|come on[,.!]|you had one job|(?:why|how) would anyone|😂|🤣|🙄|🤦|🤮|🤢|💩|😡|🤬)/gi;

/** Mild pejoratives aimed at the person rather than the code ("are you lazy?", "you're being careless"). */
const PERSON_PEJORATIVE =
  /\b(?:(?:are|were) you(?: being| just)?|you(?:'re| are| were)(?: being| just| so)?|how can you be so) (?:lazy|sloppy|careless|clueless|incompetent|ignorant|blind|dense|slow|lazy|kidding me|a beginner|a noob)\b|\byou (?:(?:again|just|obviously|clearly) )?(?:ignored|didn't (?:even )?(?:read|bother|listen)) (?:my|the|what i)\b/gi;

/** Sarcasm markers. */
const SARCASM =
  /(?:^|\s)\/s\b|\b(?:oh|wow),? (?:great|wonderful|brilliant|perfect|lovely|nice)\b|\bgreat,? (?:another|more|just what)\b|\bgenius\b|\bthanks? a lot\b(?=.*[.!]?\s*$)|\byeah,? right\b|\bsure,? (?:because|why not)\b|\bwhat could (?:possibly )?go wrong\b/gi;

/** "I", "me", "my": pejoratives aimed at oneself or at one's own question are not harsh. */
export const SELF_DIRECTED =
  /\b(?:i(?:'m| am| was| feel| felt)|i've been|my|myself|(?:that|it) was)(?:\s+(?:such|so|being|a bit|really|just|an?|totally|completely|kinda|kind of|pretty|too|clearly|obviously|definitely|probably|still))*\s*$/i;
/** A sentence that apologises or talks about oneself: its pejoratives are self-deprecation. */
export const SELF_CONTEXT =
  /\b(?:sorry|apolog\w*|my bad|my (?:side|part|fault|mistake|own)|on me|i was (?:being|just|young)|i'm (?:being|so|such|too|a bit)|i am (?:being|so|such)|i must|i (?:made|wrote|did|added|introduced|came up with|forgot|missed)|myself|me|i feel|i may (?:sound|be)|my question|the question)\b/i;
export const SELF_DIRECTED_AFTER =
  /^\s*(?:question|questions|q|me|nit|nits|nitpick|mistake|mistakes|typo|typos|error|errors|bug|bugs|oversight|brain|of me|ideas?|suggestions?|examples?|proposals?|thoughts?|tweaks?|on my|on me|copy|cut|autocorrect|comment)\b/i;

export interface ToneCue {
  tone: Exclude<Tone, "respectful">;
  re: RegExp;
  /** Whether aiming the word at oneself ("I'm an idiot", "stupid question") cancels it. */
  forgivesSelf: boolean;
}

export const TONE_CUES: readonly ToneCue[] = [
  { tone: "toxic", re: STRONG_PROFANITY, forgivesSelf: false },
  { tone: "toxic", re: MASKED_PROFANITY, forgivesSelf: false },
  { tone: "toxic", re: THREAT, forgivesSelf: false },
  { tone: "toxic", re: PERSONAL_INSULT, forgivesSelf: true },
  { tone: "harsh", re: MILD_PROFANITY, forgivesSelf: false },
  { tone: "harsh", re: DISMISSIVE, forgivesSelf: false },
  { tone: "harsh", re: SARCASM, forgivesSelf: false },
  { tone: "harsh", re: PERSON_PEJORATIVE, forgivesSelf: false },
  { tone: "harsh", re: PEJORATIVE, forgivesSelf: true },
];

/** Technical phrases that contain a tone word without any tone ("kill the process", "dummy variable"). */
export const TECHNICAL_ALLOW =
  /\b(?:WTF(?=::)|wtf\/|log\.wtf|hell(?:o|s)|shell|sucks? (?:in|up|down) (?:data|the|all|everything)|ass(?:ert|ign|ume|et|ociat)\w*|anal(?:y[sz]\w*|og\w*)|dumb[- ](?:init|terminal|pipe|client|proxy|struct|object)s?|evil[- ]?(?:twin|regex|maid)|screw[- ]?driver|crap[- ]?s\b|devil's advocate|nasty (?:race|bug|edge|corner|side[- ]effect|surprise|issue)s?|mess(?:age|aging|y)\w*|garbage[- ]collect\w*|garbage[- ]?in|junk (?:data|bytes|value|values|characters|chars|memory)|trash (?:can|bin|folder)|anal retentive|holy grail|awful lot|crazy (?:idea|thought)|(?:not|go|going) crazy|hate to \w+|not terribl[ey]|hell,? (?:yeah|yes))\b/gi;
