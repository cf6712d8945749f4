// KEEP posts where self-direction (own path, independence, creativity, freedom of thought)
// is at stake on one side. All posts invented by the valact authors; usernames are made up.
import { keep, tx, type AuthoredPost } from './lib.ts';

const V = 'self_direction';

export const selfDirection: AuthoredPost[] = [
  keep(V, 'Advice', 'inkpot_wanderer', 'Parents want pharmacy, I want illustration. Which do I pick before the deadline?', tx`
    I'm 18 and I have to accept one offer by Friday. One is a pharmacy program at the state school, which my parents will pay for completely. The other is a BFA in illustration at a smaller art college where I got a partial scholarship but would still need loans.

    My parents aren't monsters, they just watched my uncle struggle as a painter and they want me safe. My dad literally said "you can draw on weekends." But I've been drawing every day since I was nine and the only time I feel like myself is when I'm working on my own stuff. Pharmacy would be their plan for my life, not mine.

    If I pick illustration they said they won't cosign anything. If I pick pharmacy I'm pretty sure I'll be miserable but comfortable. Has anyone gone against their parents on this and regretted it? Or not regretted it? I honestly don't know which version of me to trust right now.
  `),
  keep(V, 'careerguidance', 'sawdust_and_spreadsheets', "Join my dad's accounting firm or go full-time with my furniture business?", tx`
    I'm 29, CPA, currently working at my father's small firm as a "junior partner in training." He wants to hand it to me in about five years. Guaranteed clients, good money, my name on the door eventually.

    The problem is I've been building furniture on nights and weekends for three years and I finally have a waitlist. Last month I made more from two dining tables than I did from my salary. Nobody tells me how to design anything. I pick the wood, I pick the joinery, I pick the clients. At the firm I do things exactly the way my dad has done them since 1994 and every suggestion I make gets "that's not how we do it."

    Option A: stay, inherit, be secure and bored. Option B: tell him I'm out by summer and do my own thing, knowing it might fail and that it'll hurt him. I keep going back and forth. What would you do?
  `),
  keep(V, 'Christianity', 'quiet_pew_17', "I don't believe anymore. Do I keep going to church for my family or stop pretending?", tx`
    This is hard to write in this sub but I trust people here more than anyone in my real life.

    I'm 24, grew up very involved, youth group leader, the whole thing. Over the last two years I've read a lot and thought a lot and I just don't believe what I used to. I didn't decide this to rebel, it's just where my own thinking took me. I still respect the faith and honestly I respect a lot of you.

    My parents expect me at church every Sunday and I still lead the middle school small group. Every week I stand up there saying things I don't think are true. I could keep going quietly and keep the peace, or I could tell my parents and step down from the group and live honestly by what I actually think.

    For those of you who have watched a family member leave, would you rather they kept coming or told you the truth? I don't want to hurt anybody but I also can't keep living on someone else's script.
  `),
  keep(V, 'ExperiencedDevs', 'legacy_whisperer', "Manager wants me on the migration roadmap he designed, I want to pitch my own approach or leave. Thoughts?", tx`
    Staff-level backend dev, 11 years in. My new manager came in with a fully specified 18-month migration plan and assigned me as the "implementation lead." I think the plan is wrong in a few important ways and I have a design I've prototyped on my own time that would take a third of the effort.

    I brought it up once and got told the plan is "already socialized with leadership." I could just execute his plan, collect my very good salary, and stop caring. Or I could push my design formally, which will probably cost me politically, or quietly start interviewing for a place where I get to actually own technical direction.

    I've been here six years. I like the team. But the whole reason I stayed this long was that I got to make real decisions, and that seems to be over. Is it naive to leave over autonomy when everything else is fine? How did you handle it when you lost the ability to shape the work?
  `),
  keep(V, 'college', 'socrates_in_hoodie', 'Switching from CS to philosophy junior year — am I throwing my life away?', tx`
    Junior, CS major, GPA is fine, I have an internship lined up for summer. I don't hate CS but I don't care about it either. I took an intro ethics class as an elective and it's the first time in college I've stayed up late reading because I wanted to, not because something was due.

    If I switch now I'd graduate maybe one semester late and my parents would be furious because "philosophy doesn't pay." If I stay I get a safe degree and a job and I guess I could read philosophy on the side.

    I know the standard reddit answer is "double major" but I can't, the credits don't work. So it's really one or the other. I want to think for myself about what my life is for, and I feel like CS was chosen for me by everyone else when I was 17. Should I switch or stick it out?
  `),
  keep(V, 'findapath', 'lawstudent_or_not', 'Drop out of law school after 1L to become a line cook?', tx`
    I just finished my first year of law school. Grades are middle of the pack. I got in because it was the "next step" and everyone in my family is a lawyer or a judge. I have honestly never once chosen anything for myself, it's all been the obvious next step.

    The only job I've ever loved was the summer I worked in a restaurant kitchen at 19. I think about it constantly. A chef I still know offered me a spot on his line starting at 18 bucks an hour.

    Staying means two more years, lots more debt, and a very predictable life. Leaving means my family thinks I've lost it, and I start from zero at 25. I keep telling myself I should finish what I started. But I also think if I don't make one real decision for myself now I never will. Which way would you go?
  `),
  keep(V, 'relationship_advice', 'solo_saturdays', 'Boyfriend (31M) wants me (28F) to give up my solo weekends. Do I compromise or hold my ground?', tx`
    We've been together two years and just moved in. About once a month I take a Saturday completely alone, I go hiking or to a museum or just drive somewhere and sketch. I've done this since I was a teenager and it's how I stay myself.

    He says it makes him feel like I'm "escaping" him and he wants us to do weekends together, every weekend. He isn't controlling otherwise, he's sweet, he's just insecure about it.

    I could give it up to make him comfortable. Or I could keep doing it and risk him feeling rejected every month. I don't want a relationship where I have to ask permission to be alone, but I also don't want to be the person who won't bend at all. Is one Saturday a month a reasonable thing to insist on, or am I being selfish?
  `),
  keep(V, 'AmItheAsshole', 'courthouse_bride', 'AITA for wanting a courthouse wedding instead of the big one my mom already started planning?', tx`
    I (27F) got engaged in March. By April my mom had a venue on hold, a guest list of 180, and a Pinterest board. She means well and she's paying, but nobody asked me what I wanted.

    What I want is a courthouse ceremony with ten people and a nice dinner after. My fiancé is fine either way. When I told my mom she cried and said I was taking away the day she'd dreamed about.

    So now I either go along with the big wedding, which I'd honestly dread, or I cancel her venue hold and do it my way and deal with her being hurt. I keep thinking it's MY wedding, but it's also her money and her feelings. AITA if I just tell her no and do the courthouse thing?
  `),
  keep(V, 'antiwork', 'scripted_to_death', 'Leave a job with scripts and keystroke tracking for lower-paid work where I actually decide things?', tx`
    I do customer support for a software company. Every reply is from a template, every minute is tracked, our keyboards and screens are monitored, and if I deviate from the script to actually fix someone's problem I get a "coaching." Pay is decent for my area, $24/hr with benefits.

    A small bike repair co-op near me offered me a job at $17/hr. No benefits yet. But I'd be fixing real things the way I think is best and they vote on everything together.

    I'm 33, no kids, rent is manageable but the pay cut would hurt. I'm so tired of being a human macro. Is it stupid to take a pay cut just so I get to use my own brain at work? Would you do it?
  `),
  keep(V, 'Advice', 'novel_ending_mine', 'Agent wants me to change the ending of my novel. Self-publish instead?', tx`
    After four years I finally got an offer of representation from a literary agent. I should be thrilled. But her one condition is that I rewrite the ending to be hopeful, because the market "doesn't want bleak." The ending is the whole reason I wrote the book.

    I could take the deal, rewrite, and have a real shot at a traditional publisher. Or I could turn her down and self-publish it the way I wrote it, which probably means far fewer readers and no advance.

    My writing group is split. Half say every writer compromises, half say don't let someone else write your book. Honestly I'm scared that if I say no I'll never get another offer. But I'm also scared of seeing my name on a book that isn't what I meant. How do I decide?
  `),
  keep(V, 'decidingtobebetter', 'mom_picks_everything', "I'm 27 and I've never made a big decision without my mom. Do I sign the lease she hates?", tx`
    This sounds small but it isn't for me. I've asked my mom's opinion on every school, job, haircut and relationship since forever. She's not evil, she's just very sure of herself and I've always deferred.

    Now I'm moving and I found an apartment I love. Old building, weird layout, big windows, a bit further from work. My mom found a different one, newer, closer, cheaper by $80. She says mine is "impractical" and has called me three times about it.

    The application for mine is due tomorrow. Part of me wants to just take hers because she's probably right about the practical stuff. Part of me thinks this is exactly the moment I need to start trusting my own judgment. Which one should I do? And how do I stop needing her approval for everything?
  `),
  keep(V, 'TwoXChromosomes', 'undercut_question', "Husband says he'd be 'sad' if I cut my hair short. Do it anyway?", tx`
    Small dilemma compared to most posts here but it's been eating at me. I've had long hair my whole life because first my mom and then my husband liked it. I'm 36 and I want a pixie cut with an undercut. I've wanted it for years.

    When I mentioned it, my husband said he wouldn't stop me but that he'd be "sad" and that he married me with long hair. He's not a bad guy, but it stung.

    I have an appointment next Thursday. I could cancel and keep things easy, or go through with it and let him deal with his feelings. It feels silly to make it a big deal but it also feels like it's about more than hair, like whether I get to decide what I look like. What would you do?
  `),
  keep(V, 'Entrepreneur', 'bootstrapped_bea', 'Take the investor money and their product roadmap, or keep bootstrapping my way?', tx`
    I run a small scheduling app for dance studios. About $9k MRR, profitable, just me and one part-time developer. An investor offered $400k for 25% plus a board seat, with a pretty explicit expectation that we pivot to gyms because the market is bigger.

    I built this because I was a dance teacher and I know these studios. I like deciding what to build next based on what my customers tell me. With the money I'd have to follow someone else's plan and report to a board.

    On the other hand $400k means I could hire, pay myself properly, and maybe become something bigger. Without it I'll stay small for years. Has anyone turned down money to keep running things their own way? Did you regret it?
  `),
  keep(V, 'Parenting', 'curriculum_rebel_mom', "Pull my son out of the program my family insists on so he can pick his own activities?", tx`
    Maybe a weird one. My 12yo has done competitive piano since he was five because it's a big deal in my family, my parents and sisters are all musicians. He's good. He's also told me, very calmly, that he doesn't want to do it anymore and wants to try robotics club and theater.

    I was pushed the same way as a kid and I never got to choose anything, I still resent it. I want him to have what I didn't, which is the freedom to find out what he actually likes. My parents think quitting now is throwing away seven years of training and that he's too young to know.

    Do I let him quit and back him up in front of my family, or make him keep going until he's older? I really don't want to repeat what was done to me but I also don't want to decide based on my own baggage.
  `),
  keep(V, 'careerguidance', 'gov_job_or_studio', 'Stable government job offer vs my own small design studio — decision by Monday', tx`
    I've been freelancing as a graphic designer for three years. Income is uneven, somewhere between $38k and $61k a year. I pick my clients, I turn down work I find boring, I set my own hours.

    I just got an offer for a government communications job. $68k, pension, very strict brand guidelines, and my friend who works there says every design goes through four approval layers and you basically never make creative decisions.

    My partner is gently hoping I take it because we want to buy a house. I get it. But I'm scared I'll go numb doing templated work forever. Is freedom worth the instability? Do I take it or keep my studio going?
  `),
  keep(V, 'Advice', 'nomad_in_the_making', 'Move out at 19 into a tiny room or stay home where my parents pay for everything but control everything?', tx`
    I live with my parents, they pay for my community college, my car and my phone. In exchange I have a curfew, they check my location, and they have opinions on who I date and what I study. I'm 19.

    I have a job at a grocery store and I've saved about $3,100. A coworker has a room for $550 a month. If I move, I'd have to drop to part-time school and pay my own phone and insurance, and honestly it'd be tight.

    I know a lot of people would kill to have their parents pay for everything. But I feel like I'm not even a person yet, I'm their project. Should I suck it up until I finish school, or move out and start living my own life even if it's harder?
  `, { tags: [] }),
  keep(V, 'AITAH', 'thesis_my_way', 'WIBTA if I switched thesis advisors to research what I actually care about?', tx`
    Second-year PhD student. My advisor assigned me a thesis topic that extends his own work. It's safe, he has funding for it, and I'd probably finish on time.

    But I've been developing my own idea about how rural clinics adopt new tech. Another professor in the department loves it and said she'd take me on, though funding would be less certain and I'd likely add a year.

    My current advisor has been good to me and I know switching will look like a slap in the face. Would I be the asshole for leaving his lab to work on my own question? Or should I just do his project and save my idea for later?
  `),

  // --- posts a filter must repair but keep ---
  keep(V, 'findapath', 'gap_year_or_not', 'Gap year to figure out what *I* want, or start the engineering degree my parents picked?', tx`
    # Background

    - 18M, accepted to **mechanical engineering** at a good state school
    - Parents are both engineers, they picked the school and basically the major
    - I have **zero** idea if I actually want this

    # The two options

    1. Start in August like everyone expects
    2. Defer a year, work, travel a bit, read, and figure out what *I* actually want to study

    > "You'll lose momentum and never go back" - my dad, every night at dinner

    I genuinely don't know if engineering is my thing or just the thing I was pointed at. I found this post on deferring helpful: https://www.reddit.com/r/findapath/comments/zzq0x1k/deferring_college_for_a_year/ but everyone's situation is different.

    **Should I defer or just go?**

    EDIT: to people asking, the school does allow deferral, I already checked. The deadline is June 1.

    EDIT 2: Wow, didn't expect this many replies. Leaning towards deferring but still reading everything.
  `, { tags: ['markdown', 'edit_block', 'pii_url'] }),
  keep(V, 'Advice', 'remote_potter', 'Leave my family business to start my own pottery studio? My uncle wants an answer', tx`
    I've worked at my family's print shop since high school. My uncle Raymond Okafor runs it and wants to make me manager next year. He's been generous but everything is his way, down to the font on the invoices.

    I've been doing pottery for 6 years and a local gallery wants to carry my work. I have a chance to rent a shared studio at 1148 Alder Street for $400 a month starting in June. I would design my own line, set my own hours, teach classes.

    My uncle said if I want to talk it over I can email him at raymond.okafor.print@gmail.com because he's traveling, which honestly tells you a lot about how we communicate.

    Do I take the manager job and the stable path, or take the studio and do my own thing? I'm 26 and I feel like if I don't try now I'll be stuck.
  `, { tags: ['pii_name', 'pii_address', 'pii_email'] }),
  keep(V, 'ExperiencedDevs', 'oss_or_bigco', 'Accept big-co offer with a narrow role or keep maintaining my own OSS project on sponsorships?', tx`
    For the past two years I've maintained an open-source parsing library full time, funded by sponsors. Roughly $5,800/month, which is enough where I live. I decide the roadmap, I choose what to work on every day.

    A large company offered me $240k to join a team working on an internal fork, which means the project direction would be set by their product needs. Their recruiter, u/talent_scout_lana, found me through my profile and has been messaging me daily. I also got a lot of conflicting opinions in r/opensource when I asked there.

    Taking the job means real savings and a retirement account. Staying means freedom but no safety net. I'm 34 and single. Do I take it?

    Update: I asked if I could keep the project independent and they said "we'll see." Not encouraging.
  `, { tags: ['pii_handle', 'edit_block'] }),
];
