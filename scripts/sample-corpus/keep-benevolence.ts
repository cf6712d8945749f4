// KEEP posts where benevolence (caring for close others, loyalty, honesty, forgiveness) is at
// stake. All posts invented by the valact authors; usernames are made up.
import { keep, tx, type AuthoredPost } from './lib.ts';

const V = 'benevolence';

export const benevolence: AuthoredPost[] = [
  keep(V, 'personalfinance', 'brothers_keeper_22', 'Lend my brother $7k for his rent arrears or keep it for my down payment?', tx`
    My younger brother (27) is about to be evicted. He owes $7,000 in back rent after losing his job in the spring. He just started a new job but can't catch up in time. He asked me for a loan and promised to pay $500 a month.

    I have about $38k saved for a down payment. $7k would push my house plans back six months to a year. He's paid me back before, slowly, and sometimes not fully.

    He's my only sibling and our parents can't help. I can't stand the idea of him and his girlfriend being out on the street. But I worked hard for this money. Do I lend it?
  `),
  keep(V, 'careerguidance', 'moms_caregiver_or_not', 'Turn down a big job offer to move home and care for my mom?', tx`
    My mom was diagnosed with early Parkinson's last year. She lives alone three states away. She's still mostly independent but struggling with more things, and she's been falling.

    I just got offered my dream job in my current city. At the same time, my mom's neighbor called me to say she's worried about her. My siblings are not in a position to help.

    I could take the job and hire help for her, or turn it down, move home and take a remote job at lower pay to be with her. What would you do? She raised us alone.
  `),
  keep(V, 'relationship_advice', 'saw_him_on_the_app', 'Saw my best friend\'s fiancé on a dating app. Tell her before the wedding or stay out of it?', tx`
    My (28F) best friend since 5th grade is getting married in seven weeks. Yesterday I was on a dating app and her fiancé's profile came up. Recent photos, active within the day. I screenshotted it.

    I know it could be an old profile or some weird explanation. I also know if I tell her it could blow up her wedding and maybe our friendship, and if I'm wrong I'll look awful.

    But if the situation were reversed I'd want to know. Do I tell her now, tell him first, or keep out of it?
  `),
  keep(V, 'Advice', 'kidney_for_kate', 'My sister needs a kidney and I\'m a match. Do I donate?', tx`
    My older sister has kidney failure and has been on dialysis for a year. I'm a match. I want to help her. She's the one who basically raised me after our dad left.

    But I'm 31, I have two young kids, and my husband is nervous. The surgery is safe for most people but it's still major surgery, and living with one kidney has some risks long-term. Recovery is 6-8 weeks and I run my own business.

    My sister hasn't asked me directly. She said she'd never pressure me. Do I go ahead and do it, or stay on the sidelines and let her wait for a deceased donor?
  `),
  keep(V, 'antiwork', 'covering_for_carla', 'My work friend keeps clocking in late and I cover for her. Keep doing it or stop?', tx`
    My closest friend at work is going through a divorce and has been 20-30 minutes late almost every day. I've been clocking her in on the shared terminal so she doesn't get written up.

    Our manager is getting suspicious and asked me yesterday if I'd seen her come in. I said yes, which was a lie.

    She's a single mom of two now and she'd be devastated if she lost this job. But if I get caught I could be fired too. Do I keep covering for her or tell her I can't anymore?
  `),
  keep(V, 'relationship_advice', 'skip_the_trip_for_her', 'Skip my work trip to stay with my wife after her miscarriage?', tx`
    My wife (32F) had a miscarriage two weeks ago. She's physically okay but emotionally not doing well. She's been crying a lot and doesn't want to be alone.

    I (34M) have a trip to our company's headquarters next week. It's important, I'm presenting to leadership and it could affect my promotion. My boss knows what happened and said it's my call.

    My wife told me to go, "it's fine." But I don't think it is fine. Do I go, or stay home with her?
  `),
  keep(V, 'Advice', 'cosign_for_carlos', 'My friend asked me to cosign his apartment lease. Do I help him out?', tx`
    My friend since high school just got out of a rough relationship and needs a place fast. His credit is bad from medical debt and no landlord will approve him alone. He asked if I'd cosign.

    I trust him, but I've heard the horror stories. If he stops paying, I'm on the hook for a year of rent. I'm 26 and just got my own finances together.

    He's been there for me when I needed it. I'd feel horrible saying no. Do I cosign or tell him I can't?
  `),
  keep(V, 'personalfinance', 'destination_wedding_bestie', 'Spend $3,500 to go to my best friend\'s destination wedding?', tx`
    My best friend is getting married in Bali. Flights, hotel, and everything will be about $3,500. I make $50k. I have about $6k saved.

    She was there for me during my divorce, she drove 5 hours to help me move out. I'm her maid of honor. She said she'd understand if I can't come but I know she'd be hurt.

    The financially responsible thing is obviously not to go. But she's the most important person in my life outside my family. Do I go?
  `),
  keep(V, 'Parenting', 'taking_in_my_nephew', 'Take in my 15yo nephew or let him go into the system?', tx`
    My sister is struggling with addiction and CPS removed her son, who's 15. They asked if I'd take him. I have two kids of my own, 4 and 7, and a two-bedroom apartment.

    He's a good kid, just angry and hurt. If I don't, he goes into foster care, probably a group home because of his age.

    My husband is hesitant, it's a lot. But he's family and I can't stop thinking about him alone in a group home. Do we take him?
  `),
  keep(V, 'AmItheAsshole', 'give_my_share_away', 'AITA for giving my share of the inheritance to my struggling sister instead of saving it for my kids?', tx`
    Our mom passed and left me and my sister about $80k each. My sister is a single mom, works two jobs, and lives in a rough apartment. I'm comfortable, married, own our home.

    I want to give her my share so she can put a down payment on a house. My husband is upset and says that money should be for our kids' college.

    I know he has a point. But my sister and I only have each other now. Would I be the asshole to give it to her?
  `),
  keep(V, 'Advice', 'dads_car_secret', 'I dented my dad\'s car and he thinks it was a hit-and-run. Tell him the truth?', tx`
    I (19M) borrowed my dad's car last week and scraped it against a pole in a parking garage. I panicked and didn't say anything. He found the damage and assumed someone hit it in a parking lot. He filed a police report.

    Now he's stressed and says he's going to pay the $1,200 deductible. I feel awful. I could tell him the truth and pay it myself over time, but he'll be furious and disappointed. Or I could let it go.

    My dad trusts me a lot. I don't know if telling him would make it better or worse. What should I do?
  `),
  keep(V, 'relationship_advice', 'staying_through_it', 'Partner\'s depression is wearing me down. Stay and support him, or leave for my own sake?', tx`
    My partner (35M) has had severe depression for about a year. He's in therapy and on medication, but he barely works, barely leaves the house and I handle everything. I (33F) love him.

    I'm exhausted and starting to get depressed myself. My friends say I need to leave. My gut says you don't leave someone you love when they're sick.

    He's been good to me when I was struggling before. I promised him "in sickness and in health" at our wedding. Do I stay or go?
  `),
  keep(V, 'decidingtobebetter', 'forgiving_jess', 'Forgive my friend who talked behind my back, or cut her off?', tx`
    I found out my close friend of 10 years told a group of people about my fertility struggles, which I'd told her in confidence. I was devastated.

    She apologized, said she was worried and venting, and that she's ashamed. She's been a good friend for a decade, there when my dad died.

    I'm trying to be a person who forgives. But I also don't want to be a doormat. Do I forgive her and try to rebuild trust or let the friendship go?
  `),
  keep(V, 'Parenting', 'quit_to_homeschool', 'Quit my job to homeschool my son who\'s struggling at school?', tx`
    My 9-year-old has ADHD and anxiety and has been having a horrible time at school. He's being bullied, he cries every morning, and his grades are tanking. The school keeps promising support that never comes.

    I could quit my job as a dental hygienist and homeschool him for a year or two. We'd lose about 40% of our household income. My husband is supportive but worried about money.

    I want to do what's best for him. Do I pull him out and stay home, or keep working and keep fighting with the school?
  `),
  keep(V, 'offmychest', 'grandpa_nursing_home', 'Do I let my grandpa move in with me or support the nursing home decision?', tx`
    My grandfather is 86 and his memory is going. My parents decided he should move into a nursing home next month. He called me crying and asked if he could live with me instead.

    I'm 30, single, with a spare room, and I work from home. I think I could do it, at least for a while. But my parents say I have no idea what I'd be signing up for and it would wreck my life.

    He raised me for a few years when my parents were struggling. I feel like I owe him. Should I take him in or support my parents' decision?
  `),

  // --- repair but keep ---
  keep(V, 'relationship_advice', 'cancel_the_move_for_dad', 'Move across the country with my girlfriend or stay to help my dad after his stroke?', tx`
    ## TL;DR
    Girlfriend (30F) got her dream job across the country. My (31M) dad just had a stroke. Do I move with her or stay?

    ## Details
    * We've been together 5 years, planning to get engaged
    * Her job starts in 6 weeks
    * My dad lives alone, my mom passed 3 years ago
    * My brother lives abroad

    > "Don't you dare give up your life for me" - my dad

    But he can't drive yet and he needs help with appointments and groceries. His neighbor, Lorraine Beaumont, has been checking on him but she's 74 herself.

    **What would you do?**

    EDIT: Girlfriend knows about this post. We're trying to figure it out together.
  `, { tags: ['markdown', 'pii_name', 'edit_block'] }),
  keep(V, 'Advice', 'old_friend_in_trouble', 'Old friend called asking for help. Take him in for a while or keep my distance?', tx`
    A friend from high school, who I haven't talked to in 5 years, called me out of nowhere. He's just out of rehab and needs somewhere to stay for a few weeks while he finds work. He gave me his new number, 555-0172, and asked me to call him back.

    We were really close once. He helped me through a bad time in my teens. But I have a roommate who isn't thrilled, and I'm worried about him relapsing in my place.

    I want to help him. I don't want to get burned either. Should I let him stay?
  `, { tags: ['pii_phone'] }),
  keep(V, 'Advice', 'gofundme_or_not', 'Donate my vacation fund to my best friend\'s medical GoFundMe?', tx`
    My best friend was in a car accident and has a huge medical bill. Her sister started a fundraiser: https://www.gofundme.com/f/example-help-for-recovery. It's at about 40% of the goal.

    I have $2,000 saved for a trip I've been planning for two years. I could give all of it and skip my trip. My partner thinks I should give some but not all.

    I found the link through u/her_sister_jen's post in r/MedicalDebt. My friend doesn't know I'm considering this. Should I give all of it?

    Update: the fundraiser got a big donation overnight but it's still not fully funded.
  `, { tags: ['pii_url', 'pii_handle', 'edit_block'] }),
];
