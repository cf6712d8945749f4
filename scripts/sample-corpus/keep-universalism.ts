// KEEP posts where universalism (justice, equality, the environment, strangers, tolerance) is
// at stake. All posts invented by the valact authors; usernames are made up.
import { keep, tx, type AuthoredPost } from './lib.ts';

const V = 'universalism';

export const universalism: AuthoredPost[] = [
  keep(V, 'legaladvice', 'creek_runs_orange', 'My employer is dumping waste into a creek. Report it or keep my job?', tx`
    Pennsylvania. I work maintenance at a small manufacturing plant. For months I've been told to drain a rinse tank into a storm drain behind the building at night. I looked it up and I'm pretty sure it goes straight into a creek that runs through a park where kids play. The water behind the plant turns orange some mornings.

    I'm 52, I've worked here 19 years, and jobs like this don't exist anymore in my town. If I report it to the state DEP, they'll probably figure out who did it.

    I can't stop thinking about the kids and the fish. Are there whistleblower protections for this? And honestly, should I report it?
  `),
  keep(V, 'Advice', 'no_fly_family', 'Stop flying for the climate even if it means missing family trips?', tx`
    I've been thinking about climate change a lot and decided last year to stop flying except in emergencies. It's been okay so far, I take trains and drive when I can.

    Now my family is planning a big reunion in Hawaii next summer. Everyone's flying, my parents are paying for part of it. My mom said it would "break her heart" if I didn't come and that one flight won't matter.

    I know one flight is a drop in the ocean. But if everyone thinks that way nothing changes. Do I stick to my principle or make an exception for family?
  `),
  keep(V, 'careerguidance', 'oil_or_ngo', 'Take a high-paying job at an oil major or a lower-paid one at a renewable nonprofit?', tx`
    I'm finishing a master's in environmental engineering. I have two offers.

    One is at a major oil company, $115k, working on emissions reduction at their refineries. The other is at a nonprofit that helps rural communities install solar, $64k.

    I have $60k in student loans. The oil job would clear them in three years. But I went into this field to fight climate change and I'm not sure I can live with working for an oil company, even on the "good" side. Which would you take?
  `),
  keep(V, 'Advice', 'witness_or_not', 'I witnessed police mistreating a stranger. Come forward as a witness or stay out of it?', tx`
    Two weeks ago I saw police officers slam a homeless man to the ground outside a bus station. He wasn't resisting. I filmed part of it on my phone. A local advocacy group is looking for witnesses for a complaint.

    I'm scared. I'm a nurse and I worry about retaliation or getting pulled into a long legal process. My husband says it's not our business and to delete the video.

    But I can't stop thinking about that man. He had nobody. Do I come forward?
  `),
  keep(V, 'AmItheAsshole', 'equal_pay_spreadsheet', 'AITA for sharing my salary with coworkers after I found out women on my team earn less?', tx`
    I (34M) accidentally found out that two female colleagues with the same title and more experience earn about $18k less than me. I'm considering sharing my salary with them so they can negotiate.

    My manager has hinted that salary discussions are "frowned upon" and my raise this year was more generous than most. If I share, it'll make waves and probably hurt my standing.

    I think it's unjust. But I also don't want to torpedo my own career. AITA if I tell them?
  `),
  keep(V, 'personalfinance', 'room_for_refugees', 'Rent my spare room to a refugee family through a program at lower rent, or to a regular tenant?', tx`
    I own a house with a finished basement apartment. A local resettlement agency is looking for housing for a refugee family of three who just arrived. They'd pay below market, about $800 instead of the $1,400 I could get.

    That $600 difference matters to me, I'm paying down debt. But I keep thinking about what they've been through and how hard it is to find housing as a newcomer.

    My partner says it's a nice idea but we can't afford charity right now. Do I rent to them or go with the market?
  `),
  keep(V, 'careerguidance', 'mens_only_club', 'My boss wants to host client events at a club that doesn\'t admit women. Go along or push back?', tx`
    My director has started hosting our biggest client events at a private club that still doesn't admit women as members. Women can attend as guests but can't use some rooms. Two of my female colleagues were literally turned away from the bar area.

    I'm being groomed for a senior role and my director likes me. If I push back, I'll probably lose some of that goodwill.

    I think it's wrong and I don't want to be part of it. Do I say something or go along to protect my career?
  `),
  keep(V, 'Parenting', 'public_or_private_school', 'Send our kids to the diverse public school or the private school my parents would pay for?', tx`
    We're zoned for a public school that's very diverse, lots of immigrant families, lower test scores. My parents offered to pay for a private school that's mostly affluent white kids.

    I want my kids to grow up knowing all kinds of people and not living in a bubble. I also believe in public schools and think if everyone like us leaves, they get worse for everyone.

    My husband thinks we'd be crazy to turn down a free private education. Do we accept the private school or go public?
  `),
  keep(V, 'personalfinance', 'ev_or_used_civic', 'Stretch for an EV or buy a cheap used gas car?', tx`
    My old car just died. I can get a used EV for about $24k, which is more than I wanted to spend, or a reliable used gas sedan for $11k.

    The EV would mean financing part of it and a tighter budget for a few years. The gas car I could buy mostly with cash.

    I care about climate change and it feels hypocritical to buy gas when I could go electric, especially since I'm always the one lecturing my family about emissions. But money is tight. Which would you do?
  `),
  keep(V, 'Advice', 'ten_percent_pledge', 'Give 10% of my income to effective charities or keep saving for my own goals?', tx`
    I'm 26 and make $72k. I've been reading about global poverty and how far donations can go in the right places. I'm considering pledging 10% of my income to high-impact charities for life.

    I don't have a house, I have some student loans, and my savings are small. My parents think I should take care of myself first and give later.

    But people are dying of preventable diseases right now. Do I take the pledge now or wait until I'm more secure?
  `),
  keep(V, 'college', 'protest_arrest_risk', 'Join a climate sit-in that could get me arrested, or stay out to protect my scholarship?', tx`
    My campus climate group is planning a peaceful sit-in at the administration building to demand the university divest from fossil fuels. The organizers said arrests are likely.

    I'm on a full scholarship that requires "good conduct." I asked, and a conduct violation could put it at risk. I'm a first-gen student and I can't afford school without it.

    I believe in this cause deeply. The university has billions invested in companies that are literally cooking the planet my generation has to live on, and the people most affected are in countries that did the least to cause it. But I'd be risking everything my family sacrificed for. Do I join the sit-in or support from the sidelines?
  `),
  keep(V, 'ExperiencedDevs', 'facial_rec_contract', 'Team just got assigned a facial recognition project for a government client. Quit or stay?', tx`
    I'm a senior ML engineer. Our team just got assigned a contract to build facial recognition for a government agency. From what I've read, it'll be used to track protesters and immigrants.

    I raised concerns and was told it's "lawful use" and I can request a transfer, but there are no open roles on other teams right now.

    I have a mortgage and two kids. The market is rough. But I don't want to build something that could be used to hurt vulnerable people. Do I quit without a job lined up, or stay and look for another job quietly?
  `),
  keep(V, 'Entrepreneur', 'fair_labor_supplier', 'Switch to a fair-labor supplier that cuts my margin in half?', tx`
    I run a small clothing brand. I found out our current overseas factory has terrible working conditions, long hours, low wages, workers locked in. I verified it with a third-party audit.

    There's a certified fair-labor factory that would cost about 35% more per unit. It would cut my margins in half and might make the business unsustainable.

    I can't keep doing business with the current factory knowing what I know. But I have four employees who depend on me. Do I switch?
  `),
  keep(V, 'legaladvice', 'landlord_discrimination', 'My landlord refuses to rent to families with kids. Report him or keep quiet?', tx`
    Texas. My landlord owns about 20 units and I've overheard him tell prospective tenants he "doesn't rent to families with kids" and turned away a couple who sounded like immigrants. I'm pretty sure that's illegal.

    I have a great rent-controlled deal and I'm scared if I report him he'll find a way to get rid of me.

    I believe people should have equal access to housing no matter who they are. Those families deserved a fair shot and they didn't get one. But I also have a lot to lose, and I'm not the one being discriminated against. Is this something I can report anonymously to HUD or the state? Should I?
  `),
  keep(V, 'Christianity', 'welcome_everyone_church', 'Our church voted not to welcome LGBT members. Stay and fight or leave?', tx`
    Our congregation just voted to formally exclude LGBT people from membership. I voted against. I believe Jesus welcomed everyone and that this is wrong.

    My family has been at this church for 25 years. My kids' friends are here. The pastor has been good to us.

    A couple I love, two men who have volunteered in our food pantry for years, were told they can keep attending but can't be members or serve anymore. They were gracious about it, which somehow made it worse.

    I could stay and try to change things from the inside, or leave and find a church that welcomes everyone. Staying feels like endorsing it. Leaving feels like abandoning the people inside who agree with me. What would you do?
  `),

  keep(V, 'personalfinance', 'esg_or_index', 'Move my retirement savings into a fossil-free fund with higher fees, or keep the cheap index fund?', tx`
    I'm 35 and have about $120k in a standard total-market index fund with a 0.03% expense ratio. I recently looked at what's inside it and realized a decent chunk is oil, gas and coal companies, plus a few companies with awful labor records.

    There's a fossil-free, screened fund available in my plan with a 0.45% expense ratio. Over 30 years that fee difference could cost me a real amount of money, and the screened fund has slightly underperformed.

    I care a lot about climate change and I volunteer with a local environmental group. It feels hypocritical to have my retirement riding on the things I protest against. But I also need to retire someday. Do I switch or stay with the cheap fund?
  `),
  keep(V, 'Advice', 'jury_duty_or_deadline', 'Get out of jury duty for a work deadline, or serve on a case about a stranger I\'ll never meet?', tx`
    I got summoned for jury duty next month and it looks like it could be a long trial, maybe three weeks. My employer would keep paying me, but it lands right on top of a major project deadline and my boss has hinted that I should "find a way out of it."

    I know people get excused all the time. But I keep thinking that the person on trial deserves a jury of people who actually show up and take it seriously, not just whoever couldn't come up with an excuse. If everyone like me dodges it, the system gets worse for everyone.

    My team would have to cover for me and they'd be stressed. Do I ask to be excused for work or serve?
  `),

  // --- repair but keep ---
  keep(V, 'Advice', 'hiring_with_accents', 'Boss told me not to hire candidates with "strong accents." Follow instructions or push back?', tx`
    # Situation
    I'm a hiring manager for a customer support team. My boss told me, verbally, not to hire anyone with a "strong accent" because customers complain.

    # Why this bothers me
    * It's discriminatory, and I'm pretty sure illegal
    * Two of our best agents have accents
    * I was a non-native speaker once too

    # Options
    1. Follow the instruction
    2. Push back directly
    3. Go to HR

    I read this article on national origin discrimination: https://www.example.com/hr/national-origin-discrimination-guide

    **What should I do?**
  `, { tags: ['markdown', 'pii_url'] }),
  keep(V, 'Advice', 'shelter_volunteer_or_overtime', 'Keep volunteering at the shelter or pick up overtime I need?', tx`
    I've volunteered every Saturday at a homeless shelter for three years. My supervisor there, Marcus Delacroix, says I'm one of their most reliable volunteers and they'd struggle without me.

    My job just offered Saturday overtime at time and a half. I could really use the money, I'm behind on a credit card.

    The shelter is at 330 Garfield Street and they're always short-staffed. I feel like abandoning them would be wrong. Do I keep volunteering or take the overtime?

    EDIT: I could do some Sundays but the shelter is short on Saturdays specifically.
  `, { tags: ['pii_name', 'pii_address', 'edit_block'] }),
  keep(V, 'Entrepreneur', 'plastic_packaging_switch', 'Switch to compostable packaging at 3x the cost?', tx`
    I run a small snack brand. Our packaging is plastic that ends up in landfills. A supplier offered compostable packaging at 3x the cost.

    I asked in r/ZeroWaste and got a lot of support, and u/compost_queen_lex even offered to connect me with a distributor. The supplier's rep said to email at greenpack.sales@example.com for bulk pricing.

    But the cost would wipe out most of my margin, and I only have two part-time employees plus me. Do I switch and hope customers pay more for doing the right thing, or stay with plastic until I'm bigger?
  `, { tags: ['pii_handle', 'pii_email'] }),
];
