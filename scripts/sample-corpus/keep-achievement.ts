// KEEP posts where achievement (personal success, competence, ambition, recognition) is at stake.
// All posts invented by the valact authors; usernames are made up.
import { keep, tx, type AuthoredPost } from './lib.ts';

const V = 'achievement';

export const achievement: AuthoredPost[] = [
  keep(V, 'careerguidance', 'fellowship_or_family', 'Apply for a super competitive fellowship that would take me away for a year?', tx`
    I'm a policy analyst, 32. There's a national fellowship in my field that only takes 12 people a year. It's the kind of thing that defines a career, people who do it end up running agencies. My mentor says I have a real shot and offered to write a letter.

    If I get it I'd be based in another city for a year, long hours, lots of travel. My wife and I have a two-year-old. She said she'd support me but that it would be really hard on her.

    The alternative is to keep doing solid work in my current job and try again in a few years, though I'd age out of eligibility at 35. I've wanted to prove I'm good enough for this for a long time. Should I apply?
  `),
  keep(V, 'Advice', 'trials_or_paycheck', 'One more year training for national trials or take the engineering job offer?', tx`
    I'm a 24-year-old distance runner. I just missed qualifying for national trials by 11 seconds last season. My coach thinks with one more focused year I'd make it, maybe even contend.

    I also have a job offer as a civil engineer, which is what my degree is in. They want me to start in August. If I take it, serious training is basically over, I'd just be a hobby runner.

    Training another year means living with roommates, coaching kids part time, no savings. But I've worked towards this since I was 14 and I want to know how good I can actually be. Do I chase it one more year or take the career?
  `),
  keep(V, 'college', 'tophat_or_hometown', 'Top-10 med school across the country or the state school near my parents?', tx`
    I got into a top-10 medical school and my state school. The top school would open doors for competitive residencies and research, which is what I want, I'd love to end up in academic cardiology. The state school is 20 minutes from my parents and cheaper by about $120k total.

    My dad had a stroke last year. He's recovering well and my mom is handling things, but I'd feel better being close. They both told me to go to the better school and not think about them.

    I've worked insanely hard to get here and I want to be the best doctor I can be. But I keep feeling guilty. Which would you pick?
  `),
  keep(V, 'Parenting', 'cpa_with_a_newborn', 'Sit the CPA exam this year with a newborn, or wait until the baby is older?', tx`
    I'm 30, staff accountant, and passing the CPA is the one thing standing between me and the promotion to senior. I'd been studying for months when I found out I was pregnant. Baby is now 4 months old.

    If I push through and finish the last two sections this year, I'd study every night after she's asleep and most of Saturday. My husband would take more of the load. If I wait a year or two, my earlier passed sections start to expire and I'd basically start over.

    I really want to finish what I started and get that license. I also feel like I'm going to miss her first year with my nose in a review book. Has anyone done this? Should I keep going or pause?
  `),
  keep(V, 'ExperiencedDevs', 'prove_it_at_bigco', 'Leave a comfortable job for a notoriously hard, prestigious team to see if I can hack it?', tx`
    I'm a senior engineer at a mid-size company. Well paid, respected, my reviews are glowing, it's easy. I just got an offer from a famously demanding team at a big tech company, the kind of team that's on your resume forever.

    Pay is similar. The difference is the bar. Everyone there is excellent and the culture is intense. People burn out. But it's the kind of place where I'd find out how good I really am, and it would carry weight for the rest of my career.

    Part of me thinks I'm happy and should stay. Part of me has always wondered if I'm only good relative to a weak field. Would you take it?
  `),
  keep(V, 'Entrepreneur', 'accelerator_or_salary', 'Got into a top accelerator but it requires going full-time. Quit my job?', tx`
    My co-founder and I got accepted into a well-known accelerator. It's a huge deal, maybe 2% acceptance, and the demo day alone could set us up. But they require both founders full-time for three months.

    I make $135k as a product manager. My co-founder is already full-time. The accelerator gives a small investment but it's not enough to pay me what I make now. I have a mortgage.

    This is the kind of opportunity that proves whether we can actually build something real. If I say no we'll probably lose the spot. I'm terrified of quitting and terrified of not quitting. What would you do?
  `),
  keep(V, 'AmItheAsshole', 'first_author_fran', 'AITA for insisting on first authorship on a paper my colleague wants to lead?', tx`
    I'm a postdoc. I designed the study, ran most of the analysis and wrote the first draft of our paper. My colleague, who joined later, did the data cleaning and some figures. Now she's asking to be first author because she "needs it more" for her faculty applications.

    I'm also applying for faculty jobs this year. First-author papers are basically the currency of academia. I've worked towards this for eight years and this paper is the best thing I've done.

    I could give it to her, stay friends, and hope I get other chances. Or I could push to get the credit I think I earned. Our PI said to "work it out between you." AITA if I insist on first author?
  `),
  keep(V, 'findapath', 'degree_at_38', 'Go back to finish my degree at 38 to qualify for a promotion, or stay where I am?', tx`
    I left college at 20 with 90 credits to work and help my family. Fast forward, I'm 38 and an operations supervisor. I'm good at my job. But every director position in my company requires a bachelor's, and I've been passed over twice for people with less experience and a degree.

    Finishing would mean about two years of online classes at night, around $14k after my employer's tuition help, and a lot less time with my family on weekends.

    I want to get to that level. I know I can do the job. But it's a lot of sacrifice for a piece of paper. Would you go back? Is it worth it at my age?
  `),
  keep(V, 'decidingtobebetter', 'chess_nationals_noor', 'Compete at chess nationals or go on the friends trip I promised?', tx`
    I've been playing competitive chess since I was 10. This year I finally qualified for the national championship in my rating section. It's the thing I've trained two years for, every night, studying openings and endgames.

    The problem is it's the same week as a cabin trip with my college friends that we planned a year ago. I'm the one who organized it. They'd go without me but they'd be annoyed and I'd miss the only time we're all together this year.

    I've been trying to be a person who follows through on hard goals. I've also been trying to be a better friend. These are literally in conflict. Which do I choose?
  `),
  keep(V, 'Advice', 'conservatory_or_cashier', 'Quit my part-time job to practice 5 hours a day for conservatory auditions?', tx`
    I'm 17 and applying to music conservatories for piano. My teacher says I'm right on the edge of being competitive for the top programs and I need to bump my practice to about 5 hours a day for the next four months.

    I currently work 15 hours a week at a grocery store. The money goes to my lessons and savings for college. If I quit, my parents can cover lessons, barely, but I'd have no savings and my mom is stressed about money.

    I really want to get into a top program, I want to know I gave it everything. But I also feel guilty about the money. Should I quit the job or keep it and practice less?
  `),
  keep(V, 'relationship_advice', 'director_in_denver', 'I (34F) got offered director in another city. Boyfriend (36M) wants me to turn it down.', tx`
    I've been at my company 9 years. I was just offered the director role, which is the job I've been working towards the whole time. The catch is the team is in Denver and they want me there in person.

    My boyfriend has a job he loves here and doesn't want to move. He said he'd try long distance but doesn't think it would last. He also said he'd be hurt if I picked a job over us, though he did say it nicely.

    I've worked so hard for this. Turning it down probably means it doesn't come around again for years. But I love him. Do I take the role or turn it down?
  `),
  keep(V, 'college', 'honors_or_easy_a', 'Do the honors thesis (hard, might tank my GPA) or the easy senior seminar?', tx`
    Senior, history major. I can either do an honors thesis, which is a full year of original research with a professor who's known for being tough, or take a senior seminar that everyone says is an easy A.

    If I do the thesis and do well, I graduate with honors and it'll help a lot with grad school applications. If I do badly, it could drop my GPA and I'd have wasted a year. I also work 20 hours a week.

    I want to see if I can actually produce something real. But the safe choice protects my GPA. Which would you do?
  `),
  keep(V, 'careerguidance', 'prestige_or_title', 'Associate at an elite firm or senior title at an unknown one?', tx`
    I'm a UX designer, 5 years of experience. I have two offers.

    One is a mid-level role at a very well-known design agency, the kind of place everyone in my field recognizes. The work is high-profile and their alumni get hired everywhere. Pay is $98k.

    The other is a senior lead role at a small company nobody has heard of. $118k, I'd manage two people and run the design team.

    I want to build the strongest possible career and eventually be recognized as one of the best in my field. Do I take the lesser title for the prestige, or the bigger title somewhere unknown?
  `),
  keep(V, 'TwoXChromosomes', 'partner_track_paula', 'Go for partner at my law firm or take the reduced-hours track after my second baby?', tx`
    I'm a 7th-year associate at a mid-size law firm. I'm up for partner next year and people keep telling me it's mine to lose. I have a 3-year-old and I'm due with our second in October.

    The firm offers a reduced-hours track, which is humane, but it takes you off partner track for at least three years and everyone knows people rarely make it back on.

    I want to be partner. I've billed 2,200 hours a year for seven years to get here. But I'm exhausted and I know the next year would be brutal with a newborn. Should I push through or step back?
  `),
  keep(V, 'Advice', 'national_bake_off', 'Enter a national baking competition that means weekends away from my kids?', tx`
    I run a small home bakery, mostly custom cakes. I was invited to compete in a national televised baking competition. It would be filmed over six weekends in a city 4 hours away.

    If I do well, it could change my business completely. Even making it to the semi-final would be huge for my credibility, and honestly I want to prove to myself I'm as good as I think I am.

    My kids are 6 and 9 and my husband works weekends, so my mom would have to watch them for six weekends. She's willing but it's a lot to ask. Do I go for it or pass and stay small?
  `),

  // --- repair but keep ---
  keep(V, 'careerguidance', 'cert_grind_carla', 'Grind for the PMP + MBA combo or stay a happy individual contributor?', tx`
    # Context
    I'm a **project coordinator** (29F), 4 years in. My company will pay for:

    1. PMP certification prep
    2. A part-time MBA (3 years, nights + weekends)

    # The catch
    * I'd be committing to basically no free time for 3 years
    * My company requires me to stay 2 years after the MBA or pay it back
    * My current job is honestly comfortable

    # Why I want it
    I want to be a director by 35. I want to walk into a room and have people know I'm *good* at what I do, not just "nice to work with."

    I read this breakdown and it helped a bit: https://www.example.com/blog/is-a-part-time-mba-worth-it

    **Do I sign up or stay comfortable?**

    EDIT: Yes I've talked to my manager, she's supportive either way.
  `, { tags: ['markdown', 'pii_url', 'edit_block'] }),
  keep(V, 'Entrepreneur', 'pitch_night_paolo', 'Pitch at the big regional competition or skip it and keep building quietly?', tx`
    I built a small app that helps restaurants track food waste. Revenue is small but growing. I was invited to pitch at the biggest regional startup competition. The winner gets $50k and a lot of press.

    The organizer, Marisol Etxeberria, called me herself and said I have to confirm by calling her back at 555-0134 before Monday. Preparing would take most of the next three weeks, when I should be shipping features a paying customer is waiting for.

    I want to win. I want people to take my company seriously. But my customer is real and the competition is a maybe. Do I go for it?
  `, { tags: ['pii_name', 'pii_phone'] }),
  keep(V, 'ExperiencedDevs', 'talk_accepted_tariq', 'My conference talk got accepted at a big conference, but my team lead wants me on the launch. Go or stay?', tx`
    My talk got accepted at one of the biggest conferences in our niche. It's the first time I've been selected and it would be a real step toward being known in the field. A bunch of people from r/devops said it's a huge deal to get in as a first-time speaker.

    The conference is the same week as our product launch. My team lead, u/lead_who_never_sleeps (yes he's on reddit, hi if you're reading this) said he'd "rather" I stay but it's my call.

    I want the recognition and I've been working towards speaking for two years. But bailing on the launch could hurt me internally. What would you do?

    Edit: To clarify, I'd only be gone 3 days. The launch runs for about a week.
  `, { tags: ['pii_handle', 'edit_block'] }),
];
