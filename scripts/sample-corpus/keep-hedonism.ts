// KEEP posts where hedonism (pleasure, enjoying life, treating yourself) is at stake.
// All posts invented by the valact authors; usernames are made up.
import { keep, tx, type AuthoredPost } from './lib.ts';

const V = 'hedonism';

export const hedonism: AuthoredPost[] = [
  keep(V, 'personalfinance', 'overwater_villa_dreams', 'Spend $8k of savings on a luxury Maldives trip or leave it in the emergency fund?', tx`
    29F, single, make $74k. I have about $21k in a high-yield savings account which is my emergency fund plus "someday" money. No debt except a small car loan at 3.1%.

    I've worked really hard the last two years, barely took a day off, and I have this fantasy of an overwater villa in the Maldives for a week. Spa, snorkeling, room service, doing absolutely nothing. The package I found is about $8,000 with flights.

    Everything in me that grew up poor says that money should sit there untouched. Everything else in me says I'm 29, healthy, and I want to actually enjoy something for once. It would drop my emergency fund to about 3.5 months of expenses. Is that reckless or is this what money is for? Be honest.
  `),
  keep(V, 'careerguidance', 'done_with_the_grind', 'Quit my 70-hour consulting job for a chill 40-hour job that pays half?', tx`
    I'm a management consultant, 33, making about $190k. I work 65-75 hours a week, fly every Monday, and I can't remember the last time I cooked dinner, read a novel or slept in without checking email.

    A former client offered me an in-house role. $95k, fully remote, genuinely 40 hours, nobody emails after 5. I would finally have time to cook, play music, go to the beach, see friends, just enjoy being alive.

    Everyone in my firm thinks taking it would be career suicide and that I'm "leaving money on the table" right before partner track. But I'm tired of postponing my life to some vague future. Is it crazy to give up half my salary just to enjoy my days?
  `),
  keep(V, 'AmItheAsshole', 'tasting_menu_tina', 'AITA for booking an expensive tasting menu for my own birthday instead of the cheap group dinner?', tx`
    My (35F) birthday is next week. Every year my friends organize a group dinner at the same cheap pizza place, which is sweet, but I never actually enjoy it, it's loud and I end up managing everyone.

    This year I booked myself a seat at the chef's counter of a fancy tasting menu place, $290, by myself, with the wine pairing. I've wanted to go for years. I told my friends I'd still do drinks with them the next weekend.

    One friend said it was "weird and kind of selfish" to spend my birthday alone eating fancy food and that they were hurt. Now I'm wondering if I should cancel and do the pizza thing. AITA for wanting to treat myself on my own birthday?
  `),
  keep(V, 'relationship_advice', 'foodie_fiancee', "Fiancé (30M) wants to cut all eating out to save for the wedding. I (28F) love food. Who's right?", tx`
    Eating out is genuinely my favorite thing in life. Trying new restaurants, the weekend brunch, a nice dinner on Friday. We're not rich but we spend maybe $500 a month on it.

    My fiancé made a spreadsheet and wants to cut that to zero for 14 months to pay for the wedding without loans. He's not wrong mathematically. But I feel like I'd be giving up the one thing I look forward to every week for over a year, for a party that lasts one night.

    I suggested cutting to $200 instead and he said half measures won't work. Do I go along with it or push back and keep some of the fun? I don't want to be the irresponsible one but I also don't want to be miserable for a year.
  `),
  keep(V, 'decidingtobebetter', 'guilty_spa_weekend', "I always feel guilty spending on myself. Book the spa weekend or keep saving like always?", tx`
    I'm 45, two grown kids, paid off house. I have been frugal my entire life, to the point where I still buy the cheapest shampoo even though I don't need to anymore.

    My friend invited me to a spa weekend. Massages, hot springs, nice dinner, about $900 total. I keep almost saying yes and then talking myself out of it because it feels wasteful and frivolous.

    My therapist says I need to practice letting myself enjoy things. My inner voice says $900 could go in the retirement account. I'm trying to be better about actually living. Should I book it? How do people spend money on fun without feeling sick about it?
  `),
  keep(V, 'personalfinance', 'enough_is_enough_ed', 'Retire at 55 and enjoy life, or work until 62 for a bigger cushion?', tx`
    56M, wife 54. We have about $1.6M invested, house paid off, modest lifestyle. Our planner says we can retire now with a reasonable withdrawal rate, but if I work to 62 we'd have a much bigger margin and could travel more lavishly later.

    I don't hate my job but I don't love it either. What I want is to golf on Tuesday mornings, take long lunches, go fishing, take cooking classes with my wife, and enjoy these years while my knees still work.

    My brother worked until 65 and died at 67. That sticks with me. But I also grew up with nothing and the idea of running out scares me. Would you stop now and enjoy it, or grind a few more years for a bigger safety net?
  `),
  keep(V, 'college', 'spring_break_or_lab', 'Skip the research lab work week to go on spring break with friends?', tx`
    My friends booked a house in Mexico for spring break. Beaches, margaritas, sleeping until noon, the whole thing. I've never done a real spring break and this is my last chance since I graduate in May.

    The problem: my PI asked everyone in the lab to work through spring break to finish data collection. It's not mandatory but it was "strongly encouraged." I'm planning to apply to grad school next year and I need his recommendation letter.

    I've worked so hard for four years and I want ONE week of pure fun. But I'm scared it'll hurt my letter. Do I go to Mexico or stay and run experiments?
  `),
  keep(V, 'antiwork', 'fourday_freddie', 'Boss offered a 4-day week with 20% less pay. Take it?', tx`
    My company is piloting an optional 4-day week. Same hourly rate, so 20% less money. I'm 31 and make $62k, so I'd go to about $49.6k.

    I could live on it if I stopped saving as aggressively. And the extra day would be amazing. I'd sleep in, go to the climbing gym when it's empty, make long lunches, play games, see my friends who work weird shifts. Honestly just enjoy my life more.

    My dad thinks I'm lazy for even considering it. My coworkers are split. Is it stupid to take less money just to have more fun time while I'm young? Would you?
  `),
  keep(V, 'personalfinance', 'convertible_crisis', 'Buy the convertible I always wanted or throw the money at the mortgage?', tx`
    42M. I got a bonus of about $35k after taxes. Mortgage is at 3.4%, $210k left. No other debt, retirement is on track, emergency fund is fine.

    I've wanted a little two-seater convertible since I was a teenager. Found a used one for $31k. Driving it on a summer evening with the top down is literally the most fun thing I can imagine. My wife is neutral, she says it's my bonus.

    The responsible move is the mortgage, or invest it. The fun move is the car. I know the numbers say invest. Is it dumb to spend a windfall just because it'll make me happy?
  `),
  keep(V, 'TwoXChromosomes', 'wine_country_wanda', 'Solo weekend in wine country or spend the money on my kids like always?', tx`
    I'm a single mom of two, 11 and 14. I make decent money but I've put every extra dollar into them for years: camps, lessons, their braces, the trip to see their grandparents.

    There's a small inn in wine country I've wanted to go to forever. Two nights, tastings, a massage, sleeping in, a long dinner where nobody asks me for anything. Around $1,100 with their dad taking the kids that weekend.

    My 14yo asked for a new laptop for school this fall and it's about the same cost. Her current one works, just slowly. I feel awful even considering spending it on myself. Should I go, or put it toward the laptop?
  `),
  keep(V, 'Advice', 'front_row_fiona', "Spend $1,200 on front-row tickets for my favorite band's farewell tour?", tx`
    My favorite band since I was 15 announced they're doing one last tour and retiring. The only tickets left near me are front section, $1,200 for two with fees. I could take my best friend, who introduced me to them.

    I make about $48k and I have $4,500 saved. I'm not in debt. It's a huge amount of money for one night but I've been listening to this band through every breakup and every bad job and I want to be right there screaming every lyric one last time.

    My roommate said "that's a month of rent" and she's right. Do I buy them or watch the livestream like a responsible adult?
  `),
  keep(V, 'Parenting', 'salsa_night_mom', 'Newly single mom: keep my Friday salsa nights or stay home and save?', tx`
    I've been divorced about six months. My ex has the kids every other weekend. On my free Fridays I started going salsa dancing at a bar downtown. It's honestly the best part of my month, I dance until midnight, I laugh, I feel like me again.

    It costs maybe $60-80 a night with the cover, drinks and the sitter on the Fridays I don't have free. My mom keeps hinting that a mother of three shouldn't be "out partying" and that I should save that money for the kids.

    The kids are fine, they're with their dad or a trusted sitter. Should I keep going and enjoy this or cut it out? I feel guilty and happy at the same time.
  `),
  keep(V, 'ExperiencedDevs', 'sabbatical_sourdough', 'Take a 6-month unpaid sabbatical to just enjoy life, or push for the staff promotion?', tx`
    Senior engineer, 39, 15 years in the industry. I've never taken more than two weeks off. My company offers unpaid sabbaticals after 7 years and I qualify.

    My plan would be zero productivity. Cook elaborate meals, garden, play the video games I've bought and never touched, sleep, swim, visit friends. Pure enjoyment. We can afford it on my partner's income and savings.

    My manager mentioned I'm "in the conversation" for staff promotion this cycle, and taking off would probably push that back at least a year. I'm not sure I care about the title as much as I'm supposed to. Would you take the break or the promotion?
  `),
  keep(V, 'Advice', 'cabin_hot_tub_hal', 'Spend my tax refund on a hot tub or pay down my student loan?', tx`
    Got a $4,300 tax refund. I have about $18k in student loans at 5.2%. I'm 34, live alone in a small house I own, with a back deck that's just begging for a hot tub.

    I found a used one for $3,900 installed. I can already picture sitting in it in January with snow falling and a beer in my hand. That sounds like heaven after the year I had.

    My dad would say pay the loan, obviously. My friend says life's short and I'll use it every day for years. Which would you do? I know the math answer, I'm asking the life answer.
  `),
  keep(V, 'AITAH', 'lazy_sunday_liz', 'WIBTA if I stopped going to family Sunday brunch so I can have one lazy day a week?', tx`
    Every Sunday since I moved back to my hometown, my whole extended family has brunch at my aunt's house at 10am. It's nice but it takes up the whole day by the time everyone stops talking.

    I work six days a week at a hospital. Sunday is my only day off. What I want is to sleep until 11, eat pancakes in bed, watch movies, take a bath, and not talk to anyone. Pure laziness. It sounds so good.

    My mom says I'll hurt my aunt's feelings if I stop coming. I could go every other week maybe, but honestly I want all of them. WIBTA if I just told them I'm keeping Sundays for myself?
  `),

  keep(V, 'decidingtobebetter', 'michelin_mike', 'Keep my monthly fancy-dinner habit or cut it to hit my savings goal faster?', tx`
    Once a month I take myself out to a really nice restaurant. Tasting menus, good wine, the whole experience. It costs me around $250 each time. It's honestly the thing I look forward to most, I plan it for weeks and it makes me ridiculously happy.

    This year my goal is to save an extra $6,000 for a house fund. If I cut the dinners, I'd get there about six months sooner. My friend who is into minimalism says I'm "buying happiness" and should learn to enjoy simpler things.

    I'm 31, no debt, and I already save 15%. Do I keep the one indulgence that brings me real joy, or give it up to get to the goal faster?
  `),

  // --- repair but keep ---
  keep(V, 'personalfinance', 'yolo_or_no_yolo', 'Inheritance: blow $15k on a year of fun or invest it all?', tx`
    ## Situation
    * **Age:** 26
    * **Income:** $58k
    * **Inheritance:** $15,000 from my grandma
    * **Debt:** none, thank god

    ## What I want to do with it
    * Concerts, festivals, a couple of trips, a really good bed, a nice watch
    * Basically make this year the most fun year of my life

    ## What everyone says I should do
    * Max Roth IRA, index funds, forget about it

    > "Grandma would want you to be smart with it" - my uncle

    My grandma literally told me to "have fun with it, you only live once" the last time I saw her. But I feel like spending it on fun is irresponsible. Which do I do? Or should I split it?

    **EDIT:** I already have a 3-month emergency fund, forgot to mention.
  `, { tags: ['markdown', 'edit_block'] }),
  keep(V, 'solotravel', 'first_class_fantasy', 'Pay for first class to Japan to treat myself, or fly economy and pocket the difference?', tx`
    I'm 48 and I've never flown anything but economy. I'm finally doing my dream trip to Japan in October. I can get a first class seat for about $6,500 extra compared to economy. Lie-flat bed, champagne, the whole fantasy.

    My travel agent, Priya Deshmukh, said she can hold the first class fare until Thursday and to email her at priya.travelplans@outlook.com if I want it. She clearly thinks I should go for it lol.

    I have the money. I'm just not sure I can justify spending that much on a plane seat instead of more nights or nicer hotels, or just saving it. But every time I picture it I get giddy. Would you splurge?
  `, { tags: ['pii_name', 'pii_email'] }),
  keep(V, 'Advice', 'pool_house_pete', 'Build a pool in our backyard or keep the money for "someday"?', tx`
    We live at 87 Maplewood Drive in a hot part of the country, summers are brutal. We've been saving for years without a specific goal. We're in our early 40s, kids are 9 and 12.

    A contractor quoted $58k for an in-ground pool. I picture long summer evenings floating with a drink while the kids cannonball, friends over every weekend, actually enjoying our house instead of hiding inside from the heat.

    My husband says we should keep saving for "someday" or maybe a bigger house later. I say someday is now and the kids will be gone in 8 years. Is it irresponsible to spend a chunk of savings on something that's pure enjoyment? What would you do?

    Edit: we have retirement and emergency funds separately, this is extra savings.
  `, { tags: ['pii_address', 'edit_block'] }),
];
