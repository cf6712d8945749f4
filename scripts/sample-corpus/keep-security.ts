// KEEP posts where security (safety, stability, health, financial safety) is at stake.
// All posts invented by the valact authors; usernames are made up.
import { keep, tx, type AuthoredPost } from './lib.ts';

const V = 'security';

export const security: AuthoredPost[] = [
  keep(V, 'careerguidance', 'pension_or_pivot', 'Stay in a boring job with a pension or join a startup paying 30% more?', tx`
    I'm 41, married, two kids, mortgage. I work for a water utility as an analyst. It is not exciting but it is rock solid: pension, great health insurance, nobody has been laid off here in 25 years.

    A friend's startup offered me a role at 30% more plus equity. They're funded for about 18 months. He's smart and I believe in the product, but startups fail all the time, and if it folds I'd lose the pension accrual and our insurance.

    My wife is nervous. She had a period without insurance growing up and it left a mark. I keep telling myself the money would help with college. But if it goes wrong, it goes really wrong. Stay or go?
  `),
  keep(V, 'Advice', 'three_breakins_later', 'Third break-in on our street this year. Move or stay near our friends?', tx`
    We've lived in our neighborhood six years. We love it, walkable, our best friends are two blocks away, our kids go to a great little school. But there have been three break-ins on our street this year, and last month someone tried our back door at 2am while we were asleep.

    We could move to a suburb 25 minutes out with much lower crime. We'd lose the community, the kids would change schools, and we'd be further from everyone we know.

    My husband wants to install cameras and stay. I haven't slept properly since the back door thing. Do we move for safety or stay for everything else?
  `),
  keep(V, 'personalfinance', 'emergency_fund_or_europe', 'Build a real emergency fund or go on the Europe trip with friends?', tx`
    I'm 27, make $56k. I have about $3,000 in savings, which is less than one month of expenses. My car is old and my job is in an industry that's had layoffs.

    My friends planned a two-week Europe trip for next summer and I'd need about $4,500 for it. If I save for it, I basically can't grow my emergency fund this year.

    I grew up with a single mom who was always one paycheck away from disaster and I swore I'd never live like that. But I also don't want to miss out on everything. Build the cushion first or go?
  `),
  keep(V, 'legaladvice', 'neighbor_threats_ky', 'Neighbor has threatened me twice. Get a protective order or try to smooth it over?', tx`
    Kentucky. My neighbor and I have had a dispute about a fence line for months. Last week he told me to "watch my back" and yesterday he stood at the property line yelling that I'd "regret it" while I was in the yard with my daughter.

    I'm scared. I live alone with my 7-year-old. I've documented everything with dates. I could file for a protective order, which will definitely escalate things and make living next to him awful. Or I could try to settle the fence issue and calm things down, maybe with mediation.

    I want my daughter safe above everything. Is a protective order likely to be granted on this and is it the right move?
  `),
  keep(V, 'Parenting', 'walk_alone_worry', 'Let my 10yo walk to school alone or keep driving him?', tx`
    My son is 10 and wants to walk to school alone like a couple of his friends. It's 0.7 miles, mostly quiet residential streets, but there's one busy four-lane road with a crossing guard only during school hours.

    Last year a kid was hit by a car at a different crossing in our town. Not seriously hurt, but it rattled me. My husband thinks I'm being overprotective and that he needs to build independence.

    I could keep driving him for another year or two, or let him walk. I know the statistics say it's safe. But my gut says wait. Which way would you go?
  `),
  keep(V, 'Advice', 'surgery_now_or_later', 'Have the recommended surgery now or wait until after my promotion?', tx`
    My doctor found a benign tumor on my thyroid. It's not cancer but it's growing, and she recommended removing it in the next few months. Recovery is about 3-4 weeks.

    I'm in line for a promotion that will be decided in November. If I take a month off now, I'm pretty sure it goes to someone else. The surgeon said waiting six months is "probably fine" but not ideal.

    My wife is insisting I do it now. My health obviously matters more than a promotion, I know that. But we also need the raise. Would you get the surgery now or wait?
  `),
  keep(V, 'personalfinance', 'friends_restaurant_loan', 'Friend wants me to invest $40k of my savings in his restaurant. Do it?', tx`
    I'm 35 with about $62k saved, which is my emergency fund plus house down payment savings. My friend of 20 years is opening a restaurant and asked me to put in $40k for a 15% stake.

    He's a great chef. But most restaurants fail, and I know that. If it goes under I'd lose most of my safety net and push buying a house back years.

    I'd feel terrible saying no to him. But I also have a kid and I like knowing that if I lose my job we're okay for a year. Should I invest?
  `),
  keep(V, 'relationship_advice', 'baby_and_a_business', 'Husband (33M) wants to quit his job to start a business while I\'m (31F) pregnant', tx`
    I'm 6 months pregnant with our first. My husband wants to quit his engineering job to start a landscaping company. He's been planning it for a year and has some clients lined up.

    I'm on a teacher's salary. His job has our health insurance, which matters a lot right now. If he quits we'd move to my insurance, which is worse, and our income would drop by more than half for at least a year.

    I want to support his dream. But every fiber of me wants stability for our baby right now. I asked him to wait a year and he says there'll always be an excuse. Do I push back or support him?
  `),
  keep(V, 'ExperiencedDevs', 'layoffs_and_ipo', 'Pre-IPO startup offer for 50% more, or stay at my stable job during a layoff year?', tx`
    14 YOE, staff engineer at an established company that's been cutting 10% a year, but my team is core and I survived two rounds. I got an offer from a pre-IPO startup: 50% more cash, plus equity that could be worth a lot.

    I'm the sole earner for a family of four. The startup has hit growth targets but the IPO market is shaky, and if they have to cut, new people go first.

    My current role feels safe-ish. The new one could be life-changing or could leave us in trouble. My wife said she trusts me to decide. What would you do with a family depending on you?
  `),
  keep(V, 'personalfinance', 'mortgage_free_maria', 'Pay off the mortgage early or keep investing?', tx`
    48F, single, $95k income. Mortgage balance $84k at 4.1%, about $260k in retirement accounts, $30k cash emergency fund.

    I could throw extra money at the mortgage and own my house outright in about 3 years. Or keep putting it in index funds, which on paper probably makes more.

    What I really want is to never worry about losing my home. I went through a foreclosure as a kid and I still have nightmares. The math says invest but my heart says pay it off. Which would you do?
  `),
  keep(V, 'college', 'offer_vs_masters', 'Take the guaranteed job offer or go straight to a master\'s?', tx`
    I'm graduating in chemical engineering. I have a full-time offer at a large manufacturing company, $78k with good benefits, in a city where my family lives. I also got into a funded master's program with a stipend of $28k.

    A master's could lead to more interesting work later, but the job market is weird right now and I'm scared that in two years the offers won't be there.

    My parents went through a lot of financial instability and a steady paycheck means a lot to me. Take the sure thing or go for the degree?
  `),
  keep(V, 'findapath', 'nursing_or_art', 'Go into nursing for job security or keep trying to make it as an illustrator?', tx`
    I'm 28, freelance illustrator, making around $25k a year with no benefits. I've been doing this five years. I'm burnt out on not knowing if I'll make rent.

    My sister is a nurse and keeps telling me to do an accelerated nursing program. It's 16 months and then I'd have a stable job basically anywhere, good pay, health insurance, a pension in some places.

    I'd be giving up art as a career. But I'm so tired of being scared about money. Do I go for stability or keep trying?
  `),
  keep(V, 'TwoXChromosomes', 'ex_keeps_showing_up', 'My ex keeps showing up. Move back in with my parents or stay in my apartment?', tx`
    My ex and I broke up four months ago. He's shown up at my apartment three times unannounced, once at night. He hasn't hurt me, but he won't take no for an answer and I don't feel safe.

    My parents offered for me to move back home. They live 40 minutes away in a gated community. I'd lose my independence and the apartment I love, and my commute would be awful.

    Or I could stay, change the locks, get a doorbell camera and hope it stops. My friends are split. What would you do?
  `),
  keep(V, 'antiwork', 'strike_vote_sara', 'Vote yes on a strike or vote no to keep my paycheck?', tx`
    Our union is voting on whether to strike next month. I agree with the demands, the pay has been stagnant for years. But I'm a single dad and I have maybe three weeks of savings.

    Strike pay is $300/week, which doesn't cover my rent. If the strike lasts more than a month, I'm in real trouble. My coworkers say we need everyone to vote yes or it won't work.

    I feel like a traitor for even thinking about voting no. But my kids need a roof. How do I decide this?
  `),
  keep(V, 'Advice', 'flood_zone_house', 'Buy the cheaper house in a flood zone or stretch for the safer one?', tx`
    We're buying our first home. House A is perfect, big yard, beautiful, and $60k under budget. It's in a FEMA flood zone and flooded once in 2017. Flood insurance is about $2,800 a year.

    House B is smaller, on higher ground, no flood history, but it would stretch us to the top of our budget and leave us with a thinner cushion.

    My partner loves House A. I keep thinking about climate change and reading about insurance companies pulling out. Which would you choose?
  `),

  // --- repair but keep ---
  keep(V, 'personalfinance', 'job_offer_vs_tenure', 'Accept a contract job at double my pay or keep my tenured position?', tx`
    # Numbers
    | | Current | Offer |
    |---|---|---|
    | Salary | $71k | $140k |
    | Contract | Tenured | 12-month contract |
    | Benefits | Full | None, I'd buy my own |

    # Situation
    * I'm a **tenured** community college instructor
    * 2 kids, spouse works part time
    * The contract is with a consulting firm, might be renewed, might not

    I've never had this kind of money. But tenure means nobody can take this job away from me, and with 2 kids that matters.

    **Would you take the contract or keep the security?**

    UPDATE: The firm said renewal is "likely but not guaranteed." That's not very reassuring.
  `, { tags: ['markdown', 'edit_block'] }),
  keep(V, 'legaladvice', 'gas_leak_tenant', 'Landlord won\'t fix a gas smell. Break my lease or stay and keep pushing?', tx`
    I rent a unit at 2250 Cypress Avenue, Apt 3B. For two weeks there's been a gas smell near the stove. The gas company came, said there's a small leak at the connector and shut off the stove. My landlord keeps saying he'll "get someone out."

    I have a newborn. I'm scared to even be in the kitchen. I could break my lease and move in with family, but I'd probably lose my deposit and get a bad reference. Or I could stay and keep pushing.

    You can reach my property manager at (555) 010-7744 if that helps anyone explain what I can legally demand. What should I do?
  `, { tags: ['pii_address', 'pii_phone'] }),
  keep(V, 'Advice', 'job_offer_abroad_health', 'Take a dream job abroad or stay near my doctors after my cancer treatment?', tx`
    I finished treatment for lymphoma last year and I'm in remission. My oncologist, Dr. Helena Voss at my local hospital, wants to see me every three months for the next two years.

    I just got a dream job offer in Singapore. It's the kind of role I thought I'd never get. But I'd have to manage my follow-ups with new doctors in a new healthcare system, and if something came back I'd be far from family.

    I asked her office by email (helena.voss.clinic@example.com) whether they'd coordinate with doctors abroad and haven't heard back. Do I take the job or stay where I know my care is solid?
  `, { tags: ['pii_name', 'pii_email'] }),
];
