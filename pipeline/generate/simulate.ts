/**
 * What the offline provider answers for generate's two calls: a deterministic stand-in for a
 * model, so the whole pipeline runs on a fresh machine and in tests. It classifies with a
 * keyword lexicon per value and writes scenarios from templates over the value module's
 * definitions and a few facts taken from the post (its domain, who else is involved, the
 * writer's age bracket) — never by copying the post. Everything it produces is marked
 * simulated; it is never presented as a model.
 */
import { seededUnit } from '../core/fingerprint.ts';
import { VALUE_IDS, VALUES, type ValueId } from '../values.ts';
import type { ClassifyAnswer, RewriteAnswer } from './answers.ts';

/** Words and stems that signal a value is at stake; matched case-insensitively at word starts. */
const VALUE_LEXICON: Record<ValueId, RegExp[]> = {
  self_direction: [/\bmy own\b/, /\bown (path|life|thing|business|way|terms|stuff)\b/, /\bindependen/, /\bfreedom\b/, /\bcreativ/, /\bpassion/, /\bart\b|\bartist|\billustrat|\bpaint/, /\bcurio/, /\bfreelanc/, /\bstart(ing)? my own\b/, /\bmy (parents|dad|mom)'?s? (plan|way|wish)/, /\bbe myself\b|\blike myself\b/, /\bmy choice\b|\bmy decision\b/, /\bfor myself\b/, /\bgo against\b/, /\bdropout|drop out\b/],
  stimulation: [/\badventur/, /\bexcit/, /\bthrill/, /\bnovel/, /\bsomething new\b|\bnew experience/, /\bbackpack/, /\bskydiv|\bbungee|\bclimb/, /\btravel/, /\bboring\b|\bbored\b|\bsame (desk|routine|thing)/, /\broutine\b/, /\brisk/, /\bchallenge/, /\bunknown\b/, /\bspontane/, /\balive\b/, /\bmove abroad|\babroad\b/, /\bvan life|\bnomad/],
  hedonism: [/\bfun\b/, /\benjoy/, /\bpleasure/, /\btreat myself|\btreat (him|her)self/, /\bluxur/, /\bspa\b/, /\bvacation|\bholiday/, /\bfood\b|\bfoodie|\btasting menu|\beating out/, /\brelax/, /\blazy\b/, /\bconcert|\btickets?\b/, /\bhot tub|\bpool\b|\bconvertible/, /\bfeel good\b|\bhappy\b/, /\byolo\b/, /\bsplurg|\bblow\b/, /\bdeserve/, /\bwine\b/],
  achievement: [/\bambiti/, /\bsuccess/, /\bpromot/, /\bcompetit/, /\bprestig/, /\bfellowship/, /\bexam\b|\bcpa\b|\bmba\b|\bpmp\b/, /\bgpa\b|\bhonors?\b|\bthesis\b/, /\bcareer\b/, /\bprove\b|\bhack it\b/, /\btop[- ]?\d+|\belite\b/, /\bnationals?\b|\btrials\b|\baudition/, /\baccomplish/, /\bgoal/, /\bpartner track|\bmake partner|\bfor partner\b/, /\bfirst author/, /\brecogni/, /\bpotential\b/],
  power: [/\bcontrol\b/, /\bpower\b/, /\bstatus\b/, /\bauthority/, /\bmanager\b|\bmanage\b|\bsupervisor/, /\bboss\b/, /\bpresident\b|\bchair\b|\bcouncil\b|\bsteward\b/, /\blandlord/, /\bmajority\b/, /\bimpress/, /\bwealth|\brich\b/, /\bin charge\b|\brun the\b|\btake over\b/, /\binfluence/, /\bvp\b|\bdirector\b|\bexecutive\b/, /\bhiring\b|\bfiring\b/, /\bexclusive\b|\bconnections\b/, /\bfranchise/, /\btrustee/],
  security: [/\bsafe(ty)?\b|\bunsafe\b/, /\bsecur/, /\bstab(le|ility)\b/, /\bpension\b|\b401k\b|\bretire/, /\bemergency fund|\bsavings\b/, /\binsurance\b|\bbenefits\b/, /\bhealth\b|\bsurgery|\bdoctor/, /\bbreak-?ins?\b|\bcrime\b|\bthreat/, /\bprotect/, /\bmortgage|\bdebt\b|\bloans?\b/, /\bjob security|\bsteady\b|\breliable\b/, /\bworr(y|ied)\b|\bscared\b|\bafraid\b/, /\bcushion\b/, /\bprotective order/],
  conformity: [/\bexpect(ed|ations?)?\b/, /\bpolite|\brude\b/, /\brules?\b/, /\bdress code/, /\bfit in\b/, /\bwhat (people|others|everyone) (think|will)/, /\bembarrass/, /\bobey|\bdisobey/, /\bproper\b|\bappropriate\b/, /\bmake a scene|\brock the boat|\bkeep the peace/, /\bawkward\b/, /\bboundar/, /\bcomplain/, /\bspeak up\b|\bcall (him|her|them) out\b/, /\betiquette/, /\bHR\b/i, /\bsocial norms?\b|\bnorms?\b/],
  tradition: [/\btradition/, /\bcustom/, /\breligio|\bfaith\b|\bchurch\b|\bmosque\b|\btemple\b|\bsynagogue/, /\bpray|\bgod\b|\bspiritual/, /\bheritage\b|\bculture\b|\bcultural\b/, /\bancest/, /\bholiday (dinner|gathering)|\bchristmas\b|\beid\b|\bdiwali\b|\bramadan\b|\bpassover\b|\blunar new year\b/, /\bfamily (recipe|business|farm|name)/, /\bwedding (ceremony|customs)|\bceremon/, /\bgeneration/, /\bgrandparent|\bgrandma|\bgrandpa/, /\bdevout|\bblessing\b/, /\bpass(ed)? down\b|\bhanded down\b/],
  benevolence: [/\bfamily\b/, /\bfriends?\b/, /\bsister\b|\bbrother\b|\bsiblings?\b/, /\bmom\b|\bdad\b|\bparents?\b|\bmother\b|\bfather\b/, /\bwife\b|\bhusband\b|\bpartner\b|\bboyfriend\b|\bgirlfriend\b|\bfianc/, /\bkids?\b|\bchildren\b|\bson\b|\bdaughter\b|\bbaby\b/, /\bhelp(ing)?\b/, /\bsupport/, /\bloyal/, /\bhonest/, /\bcare (for|of|about)\b|\bcaring\b/, /\bforgiv/, /\bpromised?\b/, /\blend\b|\bloan (him|her|them)\b/],
  universalism: [/\benvironment|\bclimate\b|\bcarbon\b|\bsustainab/, /\bfair(ness)?\b|\bunfair\b/, /\bequal/, /\bjustice\b|\binjustice\b/, /\bcharity|\bdonat|\bvolunteer/, /\bnonprofit|\bnon-profit|\bngo\b/, /\bcommunity\b/, /\bstrangers?\b/, /\brefugee|\bimmigra/, /\bethic/, /\bvegan|\banimals?\b/, /\bdiscriminat|\bracis|\bsexis/, /\bwhistleblow|\breport (it|them|him|her)\b/, /\bplanet\b|\bnature\b|\bwildlife/, /\bpublic (good|health)|\bsociety\b|\bworld\b/, /\bpoor\b|\bpoverty\b|\bhomeless/],
};

const DECISION_PATTERN = /\?|\bshould i\b|\bwhether\b|\bor\b|\bwibta\b|\baita\b|\bdecid|\bchoose\b|\btake it\b/i;

/** Weighted lexicon hits per value: title hits count double (titles state the dilemma). */
export function lexiconHits(title: string, text: string): Record<ValueId, number> {
  const titleLower = title.toLowerCase();
  const textLower = text.toLowerCase();
  const hits = {} as Record<ValueId, number>;
  for (const id of VALUE_IDS) {
    let total = 0;
    for (const pattern of VALUE_LEXICON[id]) {
      if (pattern.test(titleLower)) total += 2;
      if (pattern.test(textLower)) total += 1;
    }
    hits[id] = total;
  }
  return hits;
}

/** Scores 0–5 relative to the post's strongest value, so the top value of a clear post reaches 5. */
export function classifyOffline(title: string, text: string): ClassifyAnswer {
  const hits = lexiconHits(title, text);
  const strongest = Math.max(3, ...Object.values(hits));
  const scores = {} as Record<ValueId, number>;
  for (const id of VALUE_IDS) {
    scores[id] = hits[id] === 0 ? 0 : Math.min(5, Math.max(1, Math.round((5 * hits[id]) / strongest)));
  }
  const usable = DECISION_PATTERN.test(`${title}\n${text}`);
  return {
    usable,
    reason: usable ? 'simulated: the post asks about a choice' : 'simulated: no choice between courses of action found',
    scores,
  };
}

/** What choosing for a value looks like; the phrases are kept close in length so options stay parallel. */
const VALUE_ACTION: Record<ValueId, string> = {
  self_direction: 'follow your own judgment and take the path you chose for yourself',
  stimulation: 'take the bold, unfamiliar route that promises novelty and a real challenge',
  hedonism: 'do the thing you would genuinely enjoy and give yourself that pleasure',
  achievement: 'go after the demanding goal that would show what you can accomplish',
  power: 'take the role that gives you more control, status and say over others',
  security: 'choose the safer, steadier course that protects you and the people you support',
  conformity: 'hold back and do what the people around you reasonably expect of you',
  tradition: 'honour the customs and commitments that your family and community hand down',
  benevolence: 'put the needs of the people closest to you ahead of your own wishes',
  universalism: 'do what is fair to everyone affected, including people you will never meet',
};

/** What the other option gives up, in the same shape for every value. */
const VALUE_COST: Record<ValueId, string> = {
  self_direction: 'giving up some of your independence',
  stimulation: 'settling for a more predictable life',
  hedonism: 'passing on something you would enjoy',
  achievement: 'letting a real chance to excel go by',
  power: 'leaving the influence to someone else',
  security: 'taking on more risk and uncertainty',
  conformity: 'disappointing what others expect of you',
  tradition: 'stepping away from what you were raised with',
  benevolence: 'letting down people who count on you',
  universalism: 'accepting a less fair outcome for others',
};

const DOMAINS: { phrase: string; pattern: RegExp }[] = [
  { phrase: 'your work and where your career goes next', pattern: /\b(job|career|promotion|boss|manager|company|firm|salary|offer|work)\b/g },
  { phrase: 'your studies and what you do after them', pattern: /\b(college|school|degree|university|exam|gpa|thesis|class|program)\b/g },
  { phrase: 'money you have been setting aside', pattern: /\b(savings|saved|money|loan|mortgage|invest\w*|budget|refund|inheritance|\$\d[\d,k]*)\b/g },
  { phrase: 'how you spend your time with your family', pattern: /\b(parents|mom|dad|family|sister|brother|kids|son|daughter|siblings)\b/g },
  { phrase: 'your relationship and the life you share', pattern: /\b(wife|husband|boyfriend|girlfriend|partner|fianc\w*|marriage)\b/g },
  { phrase: 'a trip you have been thinking about', pattern: /\b(trip|travel\w*|flight|vacation|abroad)\b/g },
  { phrase: 'where you live and who lives around you', pattern: /\b(house|apartment|move|neighbou?rs?|street|building)\b/g },
  { phrase: 'your health and how you look after it', pattern: /\b(surgery|doctor|health|diagnos\w*|therapy)\b/g },
  { phrase: 'your faith and the community around it', pattern: /\b(church|faith|religio\w*|pray\w*|temple|mosque)\b/g },
];

const PEOPLE: { phrase: string; pattern: RegExp }[] = [
  { phrase: 'Your parents', pattern: /\b(parents|mom|dad|mother|father)\b/ },
  { phrase: 'Your partner', pattern: /\b(wife|husband|boyfriend|girlfriend|partner|fianc\w*)\b/ },
  { phrase: 'Your manager', pattern: /\b(boss|manager|team lead|supervisor)\b/ },
  { phrase: 'Your siblings', pattern: /\b(sister|brother|siblings)\b/ },
  { phrase: 'A close friend', pattern: /\b(friend|friends|roommate)\b/ },
  { phrase: 'Your children', pattern: /\b(kids|children|son|daughter|baby)\b/ },
];

function ageBracket(text: string): string | null {
  const match = /\b(?:i'm|i am|im)\s+(\d{2})\b|\((\d{2})\s?[mf]\)|\b(\d{2})\s?[mf]\b/i.exec(text);
  const age = Number(match?.[1] ?? match?.[2] ?? match?.[3]);
  if (!Number.isInteger(age) || age < 16 || age > 89) return null;
  const decades = ['teens', 'twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties'];
  const decade = age < 20 ? 'teens' : decades[Math.floor(age / 10) - 1]!;
  const part = age < 20 ? '' : age % 10 <= 3 ? 'early ' : age % 10 >= 7 ? 'late ' : 'mid-';
  return `in your ${part}${decade}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function pick<T>(choices: readonly T[], ...seed: string[]): T {
  return choices[Math.floor(seededUnit(...seed) * choices.length)]!;
}

/** The facts the templates use; deliberately coarse, so nothing identifying or verbatim survives. */
export function extractFacts(title: string, text: string): { domain: string; people: string | null; age: string | null; urgent: boolean } {
  const lower = `${title}\n${text}`.toLowerCase();
  let domain = 'a choice that will shape the next few years';
  let best = 0;
  for (const candidate of DOMAINS) {
    const count = lower.match(candidate.pattern)?.length ?? 0;
    if (count > best) {
      best = count;
      domain = candidate.phrase;
    }
  }
  return {
    domain,
    people: PEOPLE.find((candidate) => candidate.pattern.test(lower))?.phrase ?? null,
    age: ageBracket(`${title}\n${text}`),
    urgent: /\bdeadline\b|\bby (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)\b|\bthis week\b|\bsoon\b|\bdays? left\b/.test(lower),
  };
}

export function rewriteOffline(postId: string, title: string, text: string, target: ValueId, competing: ValueId): RewriteAnswer {
  const facts = extractFacts(title, text);
  const opening = facts.age ? `You are ${facts.age} and facing a decision about ${facts.domain}.` : `You are facing a decision about ${facts.domain}.`;
  const pressure = facts.urgent ? 'The deadline is close, so you cannot put it off much longer.' : 'You have been going back and forth on it for weeks.';
  const people = facts.people
    ? `${facts.people} ${/^(A close friend|Your partner|Your manager)$/.test(facts.people) ? 'has' : 'have'} a strong view on what you should do, and you do not want to dismiss it.`
    : 'The people you trust are split on what you should do.';
  const targetValue = VALUES[target];
  const competingValue = VALUES[competing];
  const middle = pick(
    [
      `One way forward would let you ${VALUE_ACTION[target]}. It speaks to ${lowerFirst(targetValue.definition)} The other way would let you ${VALUE_ACTION[competing]}, and that pull is just as real: ${lowerFirst(competingValue.definition)}`,
      `Part of you wants to ${VALUE_ACTION[target]}, because you value ${targetValue.label.toLowerCase()}: ${lowerFirst(targetValue.definition)} Another part of you wants to ${VALUE_ACTION[competing]}, because you also value ${competingValue.label.toLowerCase()}: ${lowerFirst(competingValue.definition)}`,
    ],
    postId,
    'offline-middle',
  );
  const closing = 'Both paths have real costs, neither is obviously wrong, and you have to settle on one of them now.';
  const situation = [opening, people, pressure, middle, closing].join(' ');
  const option = (mine: ValueId, other: ValueId) => `${capitalize(VALUE_ACTION[mine])}, even if it means ${VALUE_COST[other]}.`;
  return {
    situation,
    option_target: {
      text: option(target, competing),
      rationale: `Simulated: this option puts ${targetValue.label.toLowerCase()} first.`,
    },
    option_competing: {
      text: option(competing, target),
      rationale: `Simulated: this option puts ${competingValue.label.toLowerCase()} first.`,
    },
  };
}
