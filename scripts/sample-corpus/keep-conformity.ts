// KEEP posts where conformity (restraint, following rules and expectations, not upsetting
// others, politeness) is at stake. All posts invented by the valact authors.
import { keep, tx, type AuthoredPost } from './lib.ts';

const V = 'conformity';

export const conformity: AuthoredPost[] = [
  keep(V, 'AmItheAsshole', 'suit_at_the_wedding', 'AITA if I wear a suit to my sister\'s wedding when the dress code says women wear dresses?', tx`
    My (26F) sister is getting married and the invitation says "black tie: gentlemen in tuxedos, ladies in floor-length gowns." I haven't worn a dress in about eight years. I have a really nice tailored black suit I wore to a gala last year and feel great in.

    When I asked my sister, she said "please just follow the dress code, it's one day, I don't want anyone commenting." My mom agrees with her. My girlfriend thinks I should wear what I'm comfortable in.

    I don't want to make her wedding about me. But I also feel ridiculous in gowns. Do I just buy a dress and follow the rules for one night, or wear the suit? WIBTA?
  `),
  keep(V, 'careerguidance', 'etsy_vs_handbook', 'Company policy bans side businesses. Follow it or run my Etsy shop quietly?', tx`
    I just started at a bank and the employee handbook says no outside business activity without written approval. I've had a small Etsy shop selling hand-bound notebooks for three years. It makes about $300 a month and it's unrelated to banking.

    I asked HR informally and they said approval "usually takes a few months and is often denied." Several coworkers told me people do side stuff all the time and nobody checks.

    I'm a rule follower by nature and I signed the handbook. But closing the shop would be sad. Do I shut it down until approved, or keep it running quietly like everyone else?
  `),
  keep(V, 'Advice', 'hoa_veggie_garden', 'HOA says my front-yard vegetable garden violates the rules. Tear it out or fight it?', tx`
    I planted raised vegetable beds in my front yard this spring because the back gets no sun. It's neat and tidy, tomatoes, peppers, herbs. I got a letter from the HOA saying front-yard gardens aren't allowed and I have 30 days to remove it or face fines.

    I checked, and yes, the covenants say "ornamental landscaping only" in front. I signed those when I bought the house. Some neighbors said they'd back me if I request a variance, others think rules are rules.

    I don't like making waves and I don't want to be "that neighbor." Do I just comply and remove it, or push back?
  `),
  keep(V, 'relationship_advice', 'tattoos_at_thanksgiving', 'In-laws want me (29F) to cover my tattoos at family events. Go along with it?', tx`
    My husband's family is very conservative. I have tattoos on both forearms. At our first Thanksgiving together his mom quietly asked if I could wear long sleeves next time because his grandmother "gets upset."

    My husband says it's my choice but it would make things easier. I've been wearing long sleeves to every family event for two years now. It's summer and there's a family reunion outdoors in July, it's going to be 95 degrees.

    I don't want to cause drama or upset his grandma, she's 89. But I'm also kind of tired of hiding. Do I keep covering up to keep the peace or stop?
  `),
  keep(V, 'ExperiencedDevs', 'disagree_in_public', 'Publicly disagree with the VP\'s plan in the all-hands, or keep quiet and raise it privately?', tx`
    Our VP announced a plan in a big all-hands to rewrite our billing system in a new language over the next quarter. I think it's a terrible idea and I have data on why. There's an open Q&A at the end of next week's all-hands.

    Culturally, people here don't challenge leadership in public. It's considered disrespectful and I've seen people get quietly sidelined for it. The "proper" way is to go through my manager, who I know will water it down.

    I'm usually the polite, go-through-the-channels person. But I'm worried the channels will kill it before anyone listens. Do I speak up in the Q&A or stay respectful and go through my manager?
  `),
  keep(V, 'college', 'ra_reporting_roommate', 'Report my roommate for having a cat in the dorm (against the rules) or keep quiet?', tx`
    My roommate snuck a cat into our dorm room. Pets are strictly banned, and I signed the housing agreement like everyone else. If it's found, we could both get fined or lose housing. I also have mild allergies, though I've been managing with meds.

    She's a nice person and she's going through a hard time, the cat really helps her. She begged me not to say anything. The RA is a friend of mine and I could tell her.

    I hate breaking rules and I'm nervous all the time about getting caught. But reporting her feels cruel. Do I report it or keep the secret?
  `),
  keep(V, 'Parenting', 'uniform_rebellion', 'Make my 14yo follow the school uniform rules or back him up in pushing back?', tx`
    My son's school has a strict uniform policy. He's been getting detentions for wearing a hoodie over his uniform shirt and for dyed hair. He argues the rules are pointless and he should be able to express himself.

    I don't disagree that some of the rules are silly. But I also think part of growing up is learning to follow rules you don't agree with and that there's a time and place. His dad thinks we should email the principal to complain.

    Do I make him follow the rules and stop getting detentions, or support him in challenging them?
  `),
  keep(V, 'AITAH', 'retirement_party_escape', 'WIBTA if I left my boss\'s retirement party early for my friend\'s gig?', tx`
    My boss of ten years is retiring. There's a party at a restaurant from 6 to 10pm on a Friday. Everyone's expected to stay for the speeches and the slideshow, which apparently goes until around 9:30.

    My best friend's band has their first real show that night at 8:30 across town. I promised him months ago I'd be there.

    Leaving early from the retirement party would be noticed, and in my office it would be seen as rude and disrespectful. I'd rather not be the one who disappears before the speeches. WIBTA if I left at 8?
  `),
  keep(V, 'antiwork', 'five_oclock_sharp', 'Everyone stays late unpaid. Leave at 5 like my contract says or go along with it?', tx`
    New job, salaried, contract says 9 to 5. On my first week I noticed literally everyone stays until 6:30 or 7. Nobody says you have to. But when I packed up at 5:05 on Thursday, my team lead said "oh, heading out early?" and people looked.

    I have a toddler and daycare closes at 6. I want to leave on time. But I also don't want to stand out as the one who isn't a "team player" in my first three months.

    Do I go along with the unspoken rule for now or set the boundary from day one?
  `),
  keep(V, 'decidingtobebetter', 'scathing_email_draft', 'I wrote a scathing email to a coworker. Send it or delete it?', tx`
    A coworker took credit for my work in front of our director for the second time. I wrote a long email calling her out, with receipts, and cc'd our manager and the director. It's sitting in my drafts.

    I've been working on controlling my temper. I have a history of blowing up and regretting it. Part of me says this time I'm right and she deserves it. Part of me says there's a professional way to handle this that doesn't embarrass anyone.

    My goal this year was to stop reacting impulsively. Do I send it, or delete it and handle it quietly with my manager?
  `),
  keep(V, 'careerguidance', 'nose_ring_interview', 'Take out my nose ring and cover tattoos for a conservative firm interview?', tx`
    I have a final-round interview at an accounting firm that's pretty traditional. I have a nose ring and a small tattoo on my neck. A friend who works there says the partners are old-school and "appearance matters."

    I've always been me, but I really want this job. It's a great salary and a good career path. Taking out the nose ring and wearing a high collar is easy enough. It just feels like hiding.

    Is it better to go in looking like they expect and fit in, or show up as myself and see if they accept me? What would you do?
  `),
  keep(V, 'Advice', 'rto_mandate_rebel', 'Company mandated 3 days in office. Comply or keep working from home like half my team?', tx`
    Our company announced a mandatory return-to-office, 3 days a week starting next month. I live 55 minutes away. About half my team has said they just won't comply and management seems to be looking the other way for now.

    I don't like the policy. But it's the rule, and I was raised to do what you agreed to do. I'm also worried that when they crack down, the people who ignored it will be the first to get cut.

    Do I go in three days like I'm told, or stay remote with everyone else and hope it blows over?
  `),
  keep(V, 'legaladvice', 'shed_permit_patience', 'Build my shed without a permit like everyone does, or wait months for the permit?', tx`
    Michigan. I want to build a 12x16 shed in my backyard. My town requires a building permit for anything over 120 sq ft, and the permit office is backlogged about four months. Half my neighbors have sheds they built without permits.

    My contractor says he can start next week if I skip the permit. I'm not someone who breaks rules, I pay every parking ticket on time. But four months is ridiculous.

    What's the actual risk if I skip it? And honestly, should I just wait and do it by the book?
  `),
  keep(V, 'ExperiencedDevs', 'freeze_and_the_fix', 'Code freeze is on and I have a fix for a customer-facing bug. Push it or follow the freeze?', tx`
    We're in a two-week code freeze before a major release. The rule is absolutely no deploys without VP approval, and the VP is on a plane for the next 14 hours.

    A customer reported a bug that's annoying but not critical. I have a tiny, well-tested fix. A colleague said "just push it, nobody will notice, it's a one-line change."

    I've always respected process, it exists for a reason. But the customer is frustrated and the fix is trivial. Do I follow the freeze and wait, or push it?
  `),
  keep(V, 'AmItheAsshole', 'quiet_at_the_dinner', 'AITA if I correct my father-in-law\'s racist joke at dinner, or do I stay quiet to keep the peace?', tx`
    My (31M) father-in-law told an offensive joke at a family dinner last month. Everyone laughed awkwardly, I said nothing. My wife said afterward, "please don't make a scene with my dad, it's not worth it." Her family has a strict "we don't argue at the table" culture.

    We have another big family dinner on Sunday. I'm pretty sure he'll do it again.

    I don't want to embarrass my wife or cause a blowup. But I also felt like a coward last time. Do I keep quiet to respect the family's way of doing things, or say something?
  `),

  keep(V, 'Parenting', 'thank_you_notes_mom', 'Make my kids write thank-you notes like my mother insists, or let it go?', tx`
    My mother is very big on manners. Every gift, every birthday, every holiday, a handwritten thank-you note within a week. That's how I was raised and honestly I think it taught me something about respect.

    My kids are 7 and 10. After Christmas they got gifts from about fifteen relatives. Getting them to write the notes has become a nightly battle with tears. My husband thinks a quick video message or a phone call is fine in 2024 and that forcing them makes them hate the whole idea of gratitude.

    My mother has already asked twice whether the notes went out, and my aunt mentioned she "never heard back" last year. Do I keep enforcing the notes because it's the proper thing to do, or let the kids send a video and accept that some relatives will be offended?
  `),
  keep(V, 'AmItheAsshole', 'quiet_car_quinn', 'WIBTA if I asked a loud family in the quiet car to keep it down, or do I just put up with it?', tx`
    I commute by train two hours each way and always sit in the quiet car so I can work. It has clear signs: no phone calls, keep conversations to a whisper.

    For the last week, a family of four has been sitting near me, playing videos out loud on a tablet and talking at full volume. Other passengers give them looks but nobody says anything. I'm normally the type who would rather suffer than make a scene, and I was raised to never correct other people's parenting.

    But the rules are posted right there and I have a deadline. I could politely point to the sign, tell the conductor, or just move to a regular car and let it go. WIBTA if I said something?
  `),

  // --- repair but keep ---
  keep(V, 'AITAH', 'bridesmaid_bob', 'AITA if I refuse to cut my hair to match the other bridesmaids?', tx`
    **Background:** I'm (24F) a bridesmaid at my cousin's wedding in September.

    **The ask:** She wants all bridesmaids to have shoulder-length hair for "symmetry." Mine is down to my waist. I've been growing it for 6 years.

    **My options:**
    - Cut it and go along with it, keep everyone happy
    - Refuse and risk being kicked out of the wedding party
    - Wear it up (she already said no)

    My aunt Denise Kowalczyk (the bride's mom) called me personally to say "it's her day, just do what she asks." Everyone in the family agrees with her.

    I don't want to cause drama or be the difficult one. But it's my hair. **WIBTA if I said no?**

    EDIT: To everyone asking, no she did not offer to pay for anything.
  `, { tags: ['markdown', 'pii_name', 'edit_block'] }),
  keep(V, 'Advice', 'neighbor_noise_polite', 'Neighbor\'s dog barks all day. Complain to the landlord or keep being polite?', tx`
    I work from home and my neighbor's dog barks basically from 9 to 5 while they're at work. I've left a polite note. They apologized and said they'd "work on it." That was two months ago.

    I found the landlord's tenant portal at https://www.example.com/tenant-portal/complaints and the complaints form is right there. But I don't want to be the neighbor who gets someone in trouble, and we run into each other daily.

    I also asked in r/dogs and someone there, u/pawsitive_trainer, suggested just talking to them again. I'm conflict-averse. Do I file a formal complaint or talk to them one more time?
  `, { tags: ['pii_url', 'pii_handle'] }),
  keep(V, 'careerguidance', 'manager_said_no_but', 'Manager said to stop applying to internal jobs. Keep applying or obey?', tx`
    I've been in my role two years. I applied to an internal transfer and my manager, Greg Talbot, called me into his office and said internal applications "look disloyal" and that I should wait "until the team is stable."

    There's no written policy that says I need his permission. HR told me on the phone (I called them at 555-0199 ext 42) that I'm technically allowed. But Greg is who writes my review.

    I've always been the "do what you're told" type. Should I respect his wishes or keep applying anyway?

    Update: he's now asking for status reports every day, which feels like retaliation.
  `, { tags: ['pii_name', 'pii_phone', 'edit_block'] }),
];
