// KEEP posts where power (status, authority, control over people/resources, wealth, prestige)
// is at stake. All posts invented by the valact authors; usernames are made up.
import { keep, tx, type AuthoredPost } from './lib.ts';

const V = 'power';

export const power: AuthoredPost[] = [
  keep(V, 'antiwork', 'steward_maybe_marco', 'Run for union steward against my friend, or stay out of it?', tx`
    Warehouse worker, 6 years in, union shop. Our steward is retiring and the election is next month. My friend Deshawn is running and he'd be okay, but honestly he avoids conflict and management walks all over him in meetings.

    I want to run. I'd be the one sitting across from management, deciding which grievances we push, having a real say over how this place runs. I'm not going to pretend I don't like the idea of having that authority after years of being told what to do.

    But running against Deshawn could wreck our friendship and split the floor. He asked me last week if I'd support him and I dodged it. Do I run or back him?
  `),
  keep(V, 'careerguidance', 'boss_of_my_buddies', 'Take the manager job over my former peers or stay on the team?', tx`
    I've been a software support analyst on a team of eight for five years. Our manager left and my director offered me the role. It's a solid raise, a real title, and I'd be the one making decisions on schedules, reviews, who gets promoted.

    These are my work friends. We go for drinks on Fridays and complain about management together. If I take it, I'd be the management. Two of them also applied and didn't get it.

    I'd be lying if I said the authority didn't appeal to me. I've had ideas on how to run this team for years. But I'm worried I'd lose my friends and become "the boss." Do I take it?
  `),
  keep(V, 'personalfinance', 'becoming_the_landlord', 'Our building is for sale. Buy it and become my neighbors\' landlord?', tx`
    I rent in a six-unit building. The owner is retiring and offered to sell it to me before listing. Price is $1.1M, I'd need about $280k down. I have roughly $190k, and my parents could loan the rest.

    If I buy it, I'd control the building, the rents, who lives here. Rent income would basically cover the mortgage. It would be a big step up in net worth and, I'll admit, it would feel good to finally own something big instead of being a tenant.

    The other tenants are my friends. Some are on fixed incomes. Being their landlord changes everything. I could also just pass and keep renting. Should I do it?
  `),
  keep(V, 'Advice', 'hoa_president_hopeful', 'Run for HOA president to take control of the board, or keep my head down?', tx`
    Our HOA board is run by the same three people for ten years and it's been a mess. Special assessments, bad contractors, rules enforced on some people and not others. Elections are in June.

    I want to run for president. I've been organizing neighbors and I think I'd win. I'd control the budget, the contracts, and the rules. I'm not going to lie, I like the idea of being the one calling the shots after years of complaining.

    But it's a lot of work and the current president is my next-door neighbor. It'll get personal. I could also just vote, pay my dues and stay out of it. What would you do?
  `),
  keep(V, 'AmItheAsshole', 'family_firm_heir', 'AITA for wanting to take over the family company instead of letting my older brother run it?', tx`
    My dad is retiring from the construction company he built. Everyone assumed my older brother would take over. He's been there longer, but I'm the one with the business degree and I've brought in our three biggest contracts.

    I told my dad I want to be CEO. I want to be the one deciding where the company goes, who we hire, what we bid on. My brother would report to me. He found out and is furious, says I'm stabbing him in the back.

    My dad is leaning toward me but says it's my call if I want to push it. I could step back and let my brother have it. AITA for wanting it?
  `),
  keep(V, 'Advice', 'council_candidate_kay', 'Run for city council or keep my stable, quiet life?', tx`
    I'm 45, small business owner, lived in my town my whole life. The council seat in my district is open. A couple of local leaders asked me to run and said they'd back me.

    I'd have real influence over zoning, budgets, police funding, everything that shapes this town. I'd be a known person. I've always wanted a seat at the table where decisions get made instead of sitting in the audience at meetings.

    But campaigning is brutal, my business would suffer, and my wife is worried about the public attention on our kids. I could keep running my shop and stay out of politics. Do I run?
  `),
  keep(V, 'ExperiencedDevs', 'em_track_or_ic', 'Become an engineering manager with hiring/firing authority or stay senior IC?', tx`
    I've been offered the engineering manager position for a team of 10. Full authority over hiring, firing, promotions, and budget. It's a significant step up in influence. Directors would start consulting me on org decisions.

    I'm a very productive senior IC and I enjoy coding. But I've noticed I care more and more about controlling the direction of things, and as an IC I can only influence, not decide.

    My partner says I'd hate the meetings. My mentor says the real power in this company sits with managers, not engineers. Take the manager role or stay IC?
  `),
  keep(V, 'Entrepreneur', 'majority_or_bust', 'Buy out my co-founder to get majority control or keep our 50/50 split?', tx`
    My co-founder and I own our e-commerce business 50/50. We're doing about $2M in revenue. Lately we disagree on almost everything and decisions get stuck for weeks.

    I have the chance to buy 11% of her shares (she needs cash for a house), which would give me 61% and final say on everything. She'd still be involved, just not an equal.

    I want to be the one steering this company. But she's been my friend since college and she might feel like I took advantage of her situation. Do I make the offer?
  `),
  keep(V, 'college', 'prez_or_gpa', 'Run for student body president or focus on my GPA for law school?', tx`
    Junior, poli-sci, 3.7 GPA. I've been in student government two years. The president seat is open and several people asked me to run.

    The president controls a $1.4M activities budget, sits on university committees, and gets a lot of visibility with administration. It would be a big deal on my law school applications and honestly I want the position. I want to be the one running things.

    But campaigning plus the job itself is basically a full-time commitment, and my GPA would probably drop. I could instead stay a senator, keep grades up and study for the LSAT. Which would you do?
  `),
  keep(V, 'relationship_advice', 'country_club_carl', 'I (40M) want to join an exclusive club for the status and connections, wife (38F) thinks it\'s a waste', tx`
    I got invited to join a private club in our city. Initiation is $25k plus $900 a month. Members include most of the city's business owners, judges, a couple of local politicians.

    Being a member would put me in the room with the people who matter here. It would help my firm, and honestly it would feel good to be one of them. I grew up with nothing and this is a big symbol for me.

    My wife says it's ridiculous and we should use the money for the kids' college. She's not wrong about the money. But I think this would change our position in this city. Do I join?
  `),
  keep(V, 'legaladvice', 'trustee_dilemma', 'Dad wants to name me sole trustee over my siblings\' inheritance. Accept?', tx`
    Located in Ohio. My father is updating his estate plan and wants to name me sole trustee of a trust that will hold most of his assets, around $3M, for me and my two siblings. As trustee I'd control investments and when and how much they get.

    He picked me because he thinks my siblings are bad with money. My brother already said that if I accept he'll never forgive me for "controlling" him.

    I'd like the control honestly, I think I'd manage it well. Or I could decline and suggest a professional trustee. Legally, what am I signing up for, and should I do it?
  `),
  keep(V, 'AITAH', 'lux_sedan_lenny', 'WIBTA for buying a luxury car mainly to impress clients and my in-laws?', tx`
    I'm a real estate agent. I've had a good couple of years. My current car is a 9-year-old hatchback that runs perfectly. I want a $90k German luxury sedan.

    I'll admit part of the reason is image. In my business, showing up in a nice car signals you're successful. My in-laws also look down on me a bit and I want to show them I've made it.

    My wife thinks it's shallow and wants that money in savings. I could keep the hatchback and be sensible. WIBTA if I bought it anyway?
  `),
  keep(V, 'antiwork', 'floor_supervisor_fix', 'Take the supervisor job enforcing the policies we all hate, or stay on the floor?', tx`
    I work at a call center. They offered me floor supervisor. I'd control schedules, who gets overtime, who gets written up. Everyone knows how unfair our current supervisor is.

    Part of me thinks if I take it I can actually use that power to protect people. Another part of me knows I want it for me too. I'm sick of having zero say over my own life at work and I like the idea of being in charge.

    But I'd have to enforce the stupid metrics I've been complaining about for two years, and my coworkers will see me as a sellout. Take it or pass?
  `),
  keep(V, 'Christianity', 'council_chair_question', 'Nominated as church council chair. My wife thinks I want it for the wrong reasons.', tx`
    I've been a member of my congregation for 15 years. I've been nominated to chair the church council, which oversees the budget, staff hiring, building decisions, basically everything except the pulpit.

    I believe I'd do a good job and I have ideas for fixing our finances. But my wife pointed out, gently, that I seem more excited about being "in charge" than about serving. She may be right. I do like the idea of people looking to me for decisions.

    I could accept, or I could step aside and suggest someone else and keep serving on the finance committee. How do I discern this honestly? Should I accept?
  `),
  keep(V, 'findapath', 'banking_or_teaching', 'Investment banking offer or teaching, which I actually like?', tx`
    I'm 22, finishing an economics degree. I have an offer from an investment bank, analyst role, $110k base plus bonus. I also have an offer to teach high school math through a fellowship, $52k.

    I like teaching. I tutored all through college and loved it. But I grew up watching my parents get pushed around by landlords and bosses and I want to never be in that position. Banking is a path to real wealth and to being someone people take seriously.

    Everyone says follow your passion. But I want money and status too, and I'm tired of pretending I don't. Which one would you take?
  `),

  keep(V, 'college', 'frat_president_pick', 'Run for fraternity president against my best friend, or support him and stay VP?', tx`
    I'm a junior and currently VP of my fraternity. Elections for president are in three weeks. My best friend is running and everyone assumes I'll back him.

    The thing is, I want it. The president controls a six-figure budget, sits on the Greek council, deals directly with the university and alumni board, and honestly it's the most prestigious position on campus for someone like me. Alumni from our chapter who were president have gotten incredible job connections.

    If I run against him, it could split the house and end our friendship. If I don't, I'll probably spend my senior year wishing I had. Do I run or support him?
  `),

  // --- repair but keep ---
  keep(V, 'careerguidance', 'regional_vp_victor', 'Promotion to Regional VP means firing my mentor\'s team. Take it?', tx`
    **Quick background:**
    - 38M, sales director, 12 years at the company
    - Offered **Regional VP** with P&L control over 4 offices and ~200 people
    - First assignment: consolidate two offices, which means laying off part of my mentor's team

    **Why I want it:**
    - Seat at the exec table
    - Control over budgets, hiring, and strategy
    - Comp goes from ~$210k to ~$340k

    **Why I'm hesitating:**
    > "You'll never be one of us again" - a coworker when rumors started

    My mentor got me this job in the first place. Taking the VP role means I'd be the one making the decision that hurts his people.

    **Do I take it, or decline and stay where I am?**

    EDIT: I know "if you don't, someone else will do the layoffs anyway." I still need to decide if I want to be the one in that chair.
  `, { tags: ['markdown', 'edit_block'] }),
  keep(V, 'personalfinance', 'slumlord_no_thanks', 'Buy the duplex next door and become my neighbor\'s landlord?', tx`
    The duplex next to our house at 412 Birchwood Lane just went on the market. The current tenant in one unit is our elderly neighbor, Gloria Mendez, who's lived there 20 years.

    If we buy it, we'd have a rental income stream and basically control our block. We've been wanting to build real wealth and be the people who own things instead of the ones who rent them. I'll admit I like the idea of being a property owner with some say in the neighborhood.

    But Gloria pays way below market. If we bought it we'd have to raise her rent to make it work, or accept losing money. We could also just not buy it. Thoughts?
  `, { tags: ['pii_address', 'pii_name'] }),
  keep(V, 'Entrepreneur', 'franchise_king_kev', 'Expand to 5 franchise locations and step away from the counter, or stay small?', tx`
    I own one successful coffee shop. A franchising consultant reached out saying I could scale to five locations in two years. I'd go from the guy who makes lattes to the guy who owns a local chain, with managers reporting to me and a real brand in the city.

    The consultant said to email him at kev.franchise.deals@protonmail.com but I found him through u/brew_empire_builder, who runs a big chain and has been DMing me to convince me.

    I want to build something big with my name on it. But I love my shop and my regulars. Expand and become the boss of a chain, or stay the owner-operator?
  `, { tags: ['pii_email', 'pii_handle'] }),
];
