/**
 * Advice-seeking and decision check (check 3): cheap, high-recall heuristics with a score each.
 * The LLM stage makes the final call, so these only have to drop what is clearly not a request
 * for advice (vents, stories, news, general questions) or clearly has no choice in it.
 * Every matched cue is named in the evidence, so a threshold can be tuned from the report.
 */

interface Cue {
  name: string;
  pattern: RegExp;
  weight: number;
}

/**
 * An open wh-question ("what should I", "how much should I", "what steps do I"): it asks for
 * a way to do something, not for a pick between options. "Which" is left out: it names a choice.
 */
const OPEN_QUESTION_LOOKBEHIND = String.raw`(?<!\b(?:how|what|why|where|when|who|whit)(?: [\w'’-]+){0,2} )`;
/** "do I ...?" but not "how do I ...?" or "what steps should I ...?" (no choice in those). */
const DO_I_QUESTION = new RegExp(String.raw`${OPEN_QUESTION_LOOKBEHIND}\b(?:do|dae|can|could|shall|should) (?:i|we|ah)\b[^.?!\n]{0,200}\?`, 'i');
/** "should I" as a yes/no or either/or question; "what should I say" is an open question. */
const SHOULD_I_CHOICE = new RegExp(String.raw`${OPEN_QUESTION_LOOKBEHIND}\bshould (?:i|we)\b`, 'i');
/** A title that is a question opening with a verb: "Take the job or stay?", "Quit my job to travel?". */
const VERB_FIRST_TITLE_QUESTION = /^(?!(?:how|what|why|where|when|who|which|is|are|was|were|does|did|has|have|anyone|anybody|any|best|good|favorite|favourite|tips|help)\b)[a-z]+\b[^\n]*\?\s*$/i;

/**
 * A how-to request: the title asks how to do something, or the body asks what worked for
 * others or for resources. Such a post wants methods, not a pick between courses of action.
 * "How do I decide / choose ..." is a decision question and is left out.
 */
const HOW_TO_TITLE = /^(?:how (?:do|can|should|would) (?:i|we)(?! (?:decide|choose|pick|know (?:if|whether|which|when))\b)|how to|any (?:\w+ )?(?:tips|tricks|advice) (?:for|on)|where (?:do|should|can) (?:i|we) (?:even )?start)\b/i;
const HOW_TO_BODY =
  /\bwhat (?:\w+ )?(?:worked|helped) (?:for )?(?:you|u)\b|\bany (?:\w+ ){0,2}(?:tips|tricks|books|apps|resources|frameworks|methods|strategies|techniques|routines|exercises)\b|\bwhere (?:do|should|can) (?:i|we) (?:even )?start\b/i;

/**
 * Cues that a post is not asking for advice at all: the author says so ("not asking for
 * advice", "this isn't a judgment post", "not about a decision of mine"), or it is fiction,
 * or a poll or discussion prompt addressed to everyone.
 */
const DISCLAIMS_ADVICE = new RegExp(
  [
    String.raw`\bnot (?:really )?(?:asking|looking) for (?:any |personal |real )?(?:advice|help|opinions|judge?ment)\b`,
    String.raw`\bnot (?:really )?an? (?:(?:aita|aitah|wibta)\b|(?:advice|judge?ment|help) (?:post|question|request)\b)`,
    String.raw`\b(?:isn'?t|is not) (?:really )?(?:an?|my) (?:aita|aitah|advice|judge?ment|help) (?:post|question|request)\b`,
    String.raw`\bnot (?:about|asking about) (?:any|a) (?:decision|situation|problem) (?:of mine|i have|i'?m facing)\b`,
    String.raw`\bthis is (?:a piece of |a work of |just )?fiction\b|\(\s*(?:creative writing|fiction)\s*\)`,
    String.raw`\bi just (?:wanted|had|needed) to share\b`,
  ].join('|'),
  'i',
);
const DISCUSSION_PROMPT =
  /\bwhat(?:'s| is| are) (?:everyone|everybody|y'all|you guys)(?:'s|'| ) ?(?:favou?rite|best|worst|go-to|opinion|take)\b|(?:^|[.!?]\s+)just (?:curious|wondering)[.!]*\s*$|\bcurious what (?:the )?(?:general )?consensus\b/im;

/** A title that labels the post as something other than a question: "PSA:", "[Discussion]", "Rant -", "Update:". */
const NOT_A_QUESTION_TITLE = /^\[?(?:quick )?(?:poll|discussion|survey|psa|rant|vent|update|trip report)\]?\s*[:\-–\]]/i;

/** Cues that the author asks others what to do. */
const ADVICE_CUES: Cue[] = [
  { name: 'should_i', pattern: /\bshould (?:i|we)\b/i, weight: 2 },
  { name: 'do_i_question', pattern: DO_I_QUESTION, weight: 2 },
  { name: 'what_do_i_do', pattern: /\b(?:what|how|which|whit) (?:\w+ ){0,2}(?:do|dae|should|would|can|could|am) (?:i|we|ah)\b/i, weight: 2 },
  { name: 'asks_you', pattern: /\b(?:would|do|did|have|has|should|could|will) (?:you|u|y'all|anyone|anybody|people|any of you)\b[^.?!\n]{0,200}\?|\b(?:which|what) (?:\w+ ){0,3}would (?:you|u)\b/i, weight: 2 },
  { name: 'asks_for_advice', pattern: /\b(?:any|need|needs|needing|want|looking for|seeking|appreciate|welcome|some|your|give me) (?:\w+ ){0,2}(?:advice|suggestions|input|perspectives?|insight|thoughts|opinions|guidance|help|tips)\b|\badvice\?|\bplease help\b|\bhelp me\b|\badvice (?:needed|wanted|please)\b|\btalk me (?:into|out of)\b|\bhelp[.!]*\s*$/im, weight: 2 },
  { name: 'aita', pattern: /\b(?:aita|aitah|wibta|wibtah|aio|am i the (?:asshole|a-hole|jerk|bad guy)|would i be (?:the )?(?:asshole|a-hole|wrong|a jerk|in the wrong|the bad guy)|am i (?:wrong|overreacting|being unreasonable|crazy|selfish|in the wrong))\b/i, weight: 2 },
  { name: 'is_it_ok', pattern: /\b(?:is it|would it be|is this|is that) (?:\w+ )?(?:ok|okay|wrong|bad|selfish|rude|unreasonable|fair|worth it|a mistake|crazy|dumb|stupid|naive|reckless|irresponsible|smart|wise)\b|\bwas i wrong\b/i, weight: 1 },
  { name: 'decide_help', pattern: /\b(?:help me (?:decide|choose|figure)|how do i (?:decide|choose)|how (?:do|should) i (?:handle|approach|deal)|what are my options)\b/i, weight: 2 },
  { name: 'asks_opinion', pattern: /\b(?:thoughts|opinions|suggestions|ideas)\s*\?|\bany(?:one|body) (?:been|else|have|had|here)\b[^.?!\n]{0,120}\?/i, weight: 1 },
  { name: 'question', pattern: /\?/, weight: 1 },
  { name: 'disclaims_advice', pattern: DISCLAIMS_ADVICE, weight: -3 },
  { name: 'discussion_prompt', pattern: DISCUSSION_PROMPT, weight: -3 },
];

/** Cues that there is a choice between at least two courses of action. */
const DECISION_CUES: Cue[] = [
  { name: 'should_i', pattern: SHOULD_I_CHOICE, weight: 2 },
  { name: 'x_or_y', pattern: /\b(?:or|vs\.?|versus)\b[^.?!\n]{0,160}\?|\bor not\b|\bor (?:i|we) (?:could|can|should|would|might|just)\b|\bor (?:should|do|would|stay|leave|keep|let|just)\b|\b(?:do|dae|should) (?:i|we|ah)\b[^.?!\n]{0,160}\bor\b/i, weight: 2 },
  { name: 'do_i_question', pattern: DO_I_QUESTION, weight: 2 },
  { name: 'verb_first_title', pattern: VERB_FIRST_TITLE_QUESTION, weight: 1 },
  { name: 'whether', pattern: /\bwhether (?:or not |to |i |we |it'?s? )/i, weight: 2 },
  { name: 'torn', pattern: /\b(?:torn between|(?:choose|choosing|decide|pick|picking) between|can'?t decide|cannot decide|trying to decide|deciding (?:between|whether|if)|debating (?:whether|if|between)|on the fence|(?:my|the|two|both|other|best|only) options?\b|option (?:1|one|a|2|two|b)\b|the alternative|other choice|either\b[^.?!\n]{0,120}\bor\b|pros and cons|weigh(?:ing)? (?:my|the|this)|which (?:one|way|option|path|would|should)\b)/i, weight: 2 },
  { name: 'wibta', pattern: /\b(?:wibta|wibtah|would i be (?:the )?(?:asshole|a-hole|wrong|a jerk|in the wrong|the bad guy|selfish|unreasonable)|would it be (?:wrong|bad|selfish|rude|unreasonable|fair|crazy|dumb|a mistake))\b/i, weight: 2 },
  { name: 'aita', pattern: /\b(?:aita|aitah|am i the (?:asshole|a-hole|jerk|bad guy)|am i (?:wrong|in the wrong|being unreasonable|selfish))\b/i, weight: 2 },
  { name: 'would_you_act', pattern: /\bwould (?:you|u) (?:\w+ )?(?:take|go|do|choose|pick|stay|leave|accept|quit|move|jump|stop|keep|sell|buy|say|tell|report|sign|invest|risk)\b/i, weight: 1 },
  { name: 'is_it_worth', pattern: /\b(?:is it|would it be) (?:worth|better|smarter|wise|ok|okay|a good idea|a bad idea)\b|\bworth it\b/i, weight: 1 },
  { name: 'considering', pattern: /\b(?:i'?m|i am|we'?re|we are) (?:seriously |really |now )?(?:considering|thinking (?:about|of)|planning (?:to|on)|tempted to|leaning (?:towards?|toward))\b|\bi (?:could|can) (?:either|just)\b|\bi (?:want|need) to (?:decide|choose|figure out)\b|\bdecid(?:e|ing)\b/i, weight: 1 },
  { name: 'offer_choice', pattern: /\b(?:offered|offer|accept(?:ed)?|turn (?:it |this )?down|take (?:it|the job|the offer)|stay (?:or|and)|go back|move (?:out|away|back))\b/i, weight: 1 },
  { name: 'how_to_body', pattern: HOW_TO_BODY, weight: -2 },
];

/** Words showing the author is writing about their own situation. */
const FIRST_PERSON = /\b(?:i|i'm|im|i've|ive|i'd|i'll|me|my|mine|myself|we|our|us|ah|ah'm|ah've|ah'll|ma|masel|oor)\b/gi;

export interface CueScore {
  score: number;
  /** Names of the cues that matched, in declaration order. */
  cues: string[];
}

function scoreCues(text: string, cues: readonly Cue[]): CueScore {
  let score = 0;
  const matched: string[] = [];
  for (const cue of cues) {
    if (cue.pattern.test(text)) {
      score += cue.weight;
      matched.push(cue.name);
    }
  }
  return { score, cues: matched };
}

export interface AdviceEvidence {
  advice_score: number;
  advice_cues: string[];
  decision_score: number;
  decision_cues: string[];
  first_person_share: number;
}

/**
 * Score a post (title and cleaned body). A post that never speaks in the first person loses
 * two advice points: it is about someone or something else, not the author's own situation.
 */
export function scoreAdvice(title: string, body: string): AdviceEvidence {
  const text = `${title}\n${body}`;
  const advice = scoreCues(text, ADVICE_CUES);
  // The title-shape cue reads the title alone; every other cue reads the whole post.
  const decision = scoreCues(text, DECISION_CUES.filter((cue) => cue.name !== 'verb_first_title'));
  if (VERB_FIRST_TITLE_QUESTION.test(title.trim())) {
    decision.score += 1;
    decision.cues.push('verb_first_title');
  }
  // A how-to title is the commonest shape of a request with no choice in it.
  if (HOW_TO_TITLE.test(title.trim())) {
    decision.score -= 2;
    decision.cues.push('how_to_title');
  }
  const words = text.match(/[\p{L}'’]+/gu)?.length ?? 0;
  const firstPerson = text.match(FIRST_PERSON)?.length ?? 0;
  const firstPersonShare = words === 0 ? 0 : firstPerson / words;
  let adviceScore = advice.score;
  // A question in the title is addressed to the readers: the commonest shape of an advice post.
  if (/\?\s*$/.test(title.trim())) {
    adviceScore += 1;
    advice.cues.push('title_question');
  }
  if (NOT_A_QUESTION_TITLE.test(title.trim())) {
    adviceScore -= 3;
    advice.cues.push('not_a_question_title');
  }
  if (firstPerson === 0) {
    adviceScore -= 2;
    advice.cues.push('no_first_person');
  }
  return {
    advice_score: adviceScore,
    advice_cues: advice.cues,
    decision_score: decision.score,
    decision_cues: decision.cues,
    first_person_share: Math.round(firstPersonShare * 1000) / 1000,
  };
}
