// REJECT posts a filter can catch from metadata or body markers: removed, deleted, nsfw,
// link_only, empty, too_short, bot_or_mod. All invented by the valact authors.
import { keep, rej, tx, type AuthoredPost } from './lib.ts';

const MOD = { stickied: true, distinguished: 'moderator' } as const;

export const metadataRejects: AuthoredPost[] = [
  // --- removed ---
  rej('removed', 'relationship_advice', 'lost_in_limbo_04', 'Should I (26F) move in with my boyfriend (29M) or keep my own place?', '[removed]', { o: { removed_by_category: 'moderator' } }),
  rej('removed', 'AmItheAsshole', 'spare_room_drama', 'AITA for charging my sister rent to stay in my spare room?', '[removed]', { o: { removed_by_category: 'moderator', link_flair_text: null } }),
  rej('removed', 'careerguidance', 'quick_q_career88', 'Take the counteroffer or leave?', '[removed]', { o: { removed_by_category: 'automod_filtered' } }),
  rej('removed', 'personalfinance', 'finance_throwaway_3391', 'Pay off car loan or invest?', '[removed]', { o: { removed_by_category: 'reddit' } }),
  rej('removed', 'Advice', 'late_night_thinker7', 'Should I tell my parents I dropped out?', '[removed]'),
  rej('removed', 'Advice', 'crypto_moon_deals', 'Should I invest in this opportunity? DM me', '[ Removed by Reddit ]', { tags: ['removed_banner'] }),
  rej('removed', 'AITAH', 'rage_posting_ronnie', 'WIBTA if I got back at my ex?', '[ Removed by Reddit on account of violating the content policy. ]', { tags: ['removed_banner'] }),
  rej('removed', 'legaladvice', 'neighbor_war_2024', 'Can I do this to my neighbor or do I call the cops?', '[ Removed by Reddit ]', { tags: ['removed_banner'] }),

  // --- deleted ---
  rej('deleted', 'relationship_advice', '[deleted]', 'Stay with him after he lied about his debt or leave?', '[deleted]', { o: { removed_by_category: 'deleted' } }),
  rej('deleted', 'careerguidance', '[deleted]', 'Two offers, need to decide by tomorrow', '[deleted]', { o: { removed_by_category: 'deleted' } }),
  rej('deleted', 'Parenting', 'sleepless_in_suburbia', 'Daycare or nanny?', '[deleted]', { o: { removed_by_category: 'deleted' } }),
  rej('deleted', 'Advice', '[deleted]', 'Should I confront my roommate about the missing money or just move out?', tx`
    My roommate and I have lived together for two years. Over the last three months about $400 in cash has gone missing from my desk drawer, twenty or forty dollars at a time. Nobody else has a key. I don't want to accuse her without proof, but I also can't afford to keep losing money. Our lease ends in August. Do I confront her now and risk a horrible three months, or just quietly not renew and move out?
  `),
  rej('deleted', 'AmItheAsshole', '[deleted]', 'AITA for not inviting my dad\'s new wife to my graduation?', '[deleted]'),

  // --- nsfw ---
  rej('nsfw', 'relationship_advice', 'after_dark_questions', 'Boyfriend wants to open the relationship for a threesome. Do I agree or end it?', tx`
    NSFW obviously. My (27F) boyfriend (30M) of three years told me he's fantasized about a threesome with another woman for a long time and wants to actually try it. He says it's "just sex" and wouldn't change anything between us. I've never been into that and the idea of him having sex with someone else in front of me makes me feel sick, but he's been bringing it up every week. Do I give it one try to keep him happy or tell him it's a dealbreaker?
  `, { o: { over_18: true } }),
  rej('nsfw', 'relationship_advice', 'curious_couple_4u', 'Should we try a swingers club or is that a terrible idea?', tx`
    My wife and I (both 35) have been married 9 years and our sex life is good but predictable. We've talked about visiting a swingers club just to watch at first. Neither of us has done anything like this. Part of me is excited, part of me worries it could create jealousy. Anyone been there and regretted it, or was it great for your marriage?
  `, { o: { over_18: true } }),
  rej('nsfw', 'TwoXChromosomes', 'nsfw_throwaway_tx', 'My partner wants me to send nudes while he is deployed. Should I?', tx`
    My partner is deployed for nine months and keeps asking me to send him nude photos and explicit videos. I love him and I miss him and I want to keep the spark going, but I'm terrified of them leaking, especially since he shares a room with other soldiers. Do I send them or tell him no and risk him feeling rejected?
  `, { o: { over_18: true } }),
  rej('nsfw', 'Advice', 'onlyfans_question_22', 'Start an OnlyFans to pay off my debt or keep waitressing?', tx`
    I'm 23 and have about $18k in credit card debt. A friend makes a lot of money posting explicit content on OnlyFans and says I could easily do it too. I'd be posting sexual photos and videos of myself, probably with my face hidden at first. The money would clear my debt in months. But I'm scared my family will find out and it will follow me forever. Do I do it or keep grinding at the restaurant?
  `, { o: { over_18: true } }),
  rej('nsfw', 'relationship_advice', 'photos_found_help', 'Found explicit photos on my husband\'s phone. Confront him or wait?', tx`
    Marked NSFW just in case. I found a folder of explicit photos of another woman on my husband's phone, along with messages that are very sexual. I haven't said anything yet. We have a 2-year-old. Do I confront him tonight or wait until I've talked to a lawyer and figured out my options?
  `, { o: { over_18: true, thumbnail: 'nsfw' } }),
  // Frank about sex but an ordinary relationship dilemma, and no over_18 flag: kept, with its
  // sexual content flag (the rewrite keeps explicit detail out of the scenario).
  keep('benevolence', 'relationship_advice', 'bedroom_mismatch_99', 'He wants sex every day and I want it once a week. Compromise or break up?', tx`
    My (25F) boyfriend (26M) wants sex every single day, sometimes twice, and gets sulky if I say no. He keeps asking me to give him oral in the morning before work and to try anal, which I've told him I'm not into. I'm happy with sex once or twice a week. I love him but I'm starting to dread bedtime. Is there a realistic compromise on how often we have sex, or are we just incompatible and should I end it?
  `, { tags: ['missing_nsfw_flag'] }),
  keep('hedonism', 'Advice', 'hotwife_curious_throwaway', 'Husband wants to watch me sleep with another guy. Do I go along with it?', tx`
    Throwaway for obvious reasons. My husband confessed that his biggest fantasy is watching me have sex with another man. He's found a guy online who is willing and keeps sending me his photos. He says it would make our sex life hotter. I'm a bit curious but mostly nervous that it would change how we see each other. We have been married eleven years and I don't want to be the boring one, but I also grew up thinking marriage means just the two of us. Do I say yes once, or shut it down completely?
  `, { tags: ['missing_nsfw_flag'] }),

  // --- link_only ---
  rej('link_only', 'Advice', 'paint_swatch_pam', 'Should I paint my bedroom this green or keep it white?', '', { kind: 'image', url: 'https://i.redd.it/k3v9x2m7qp4b1.jpg' }),
  rej('link_only', 'relationship_advice', 'screenshot_sam', 'What do I even say to this text from my ex?', '', { kind: 'image', url: 'https://i.imgur.com/Qx7tLm2.png'}),
  rej('link_only', 'personalfinance', 'headline_harold', 'Interest rates expected to fall next year, should I wait to refinance?', '', { kind: 'link', url: 'https://news.example.com/business/2024/05/rates-expected-to-fall' }),
  rej('link_only', 'legaladvice', 'linky_lawyer_fan', 'New tenant law in my state, does this affect my lease?', '', { kind: 'link', url: 'https://www.example.org/housing/tenant-protection-act-summary' }),
  rej('link_only', 'careerguidance', 'video_job_hunter', 'Watched this and now I\'m rethinking my whole career', '', { kind: 'link', url: 'https://www.youtube.com/watch?v=dQ9xZ3kLm0a' }),
  rej('link_only', 'Advice', 'outfit_check_olly', 'Which suit for the interview, left or right?', '', { kind: 'image', url: 'https://i.redd.it/7hq2c0z1wj8c1.jpeg' }),
  rej('link_only', 'Advice', 'docs_and_decisions', 'Should I take job A or B? Details in the doc', 'https://docs.google.com/document/d/1aBcD3fGhIjKlMnOpQrStUvWxYz0123456789/edit?usp=sharing'),
  rej('link_only', 'relationship_advice', 'imgur_story_time', 'Long story, pics of the texts. Do I leave him?', 'https://imgur.com/a/Zp4Rt8w'),

  // --- empty ---
  rej('empty', 'Advice', 'title_only_tom', 'Should I quit my job tomorrow or wait until after my bonus in March?', ''),
  rej('empty', 'AmItheAsshole', 'one_liner_olivia', 'AITA for skipping my brother\'s engagement party to go to a concert I bought tickets for months ago?', ''),
  rej('empty', 'careerguidance', 'blank_page_ben', 'Stay in sales or move to marketing for less money?', ''),
  rej('empty', 'relationship_advice', 'no_body_nina', 'Is it weird to propose after 6 months or should I wait?', ''),

  // --- too_short ---
  rej('too_short', 'Advice', 'tiny_post_tim', 'Should I text her back or leave her on read???', 'Title says it all. Help?'),
  rej('too_short', 'relationship_advice', 'quick_help_quinn', 'Break up or not', 'help?'),
  rej('too_short', 'careerguidance', 'short_and_sweet_s', 'Job offer vs counteroffer', 'As the title says, need advice asap. Thanks!'),
  rej('too_short', 'AITAH', 'brief_bree', 'AITA for leaving the party early?', 'see title. thoughts?'),
  rej('too_short', 'personalfinance', 'min_words_max', 'Roth or traditional 401k?', 'Which one? 25, 60k salary.'),
  rej('too_short', 'Advice', 'idk_anymore_22', 'Move out or stay with my parents', 'idk what to do anymore pls advise'),

  // --- bot_or_mod ---
  rej('bot_or_mod', 'careerguidance', 'AutoModerator', 'Weekly Career Advice Megathread - Ask your quick questions here!', tx`
    Welcome to the weekly megathread! This is the place for quick questions that don't need their own post.

    **Before posting, please remember:**

    * Read the sidebar and the wiki first.
    * Include your country, industry and years of experience.
    * Be kind. Rule 1 applies here too.

    New threads are posted every Monday at 8am ET. Previous threads can be found in the wiki.

    *I am a bot, and this action was performed automatically. Please contact the moderators of this subreddit if you have any questions or concerns.*
  `, { o: { ...MOD, link_flair_text: 'Megathread' } }),
  rej('bot_or_mod', 'personalfinance', 'AutoModerator', 'Weekday Help and Victory Thread for the week of March 11, 2024', tx`
    If you need help, please check the PF Wiki to see if your question is answered there. Then feel free to ask your questions in this thread.

    This thread is also for sharing your victories: paid off a loan, hit a savings goal, got a raise? Share it here!

    Please keep questions on-topic and civil. Posts asking for personal advice should be made as separate submissions.
  `, { o: { ...MOD, link_flair_text: 'Megathread' } }),
  rej('bot_or_mod', 'relationship_advice', 'ra_mod_team_lead', 'Announcement: New rules about AI-generated posts and throwaway accounts', tx`
    Hi everyone,

    Over the past few months we've seen a big increase in AI-generated stories and karma farming. Effective immediately:

    1. Posts that appear to be AI-generated will be removed.
    2. Throwaway accounts less than 7 days old must message the moderators before posting.
    3. Repeat offenders will be banned.

    We know this is a change and we appreciate your patience. Questions can go to modmail. Comments on this post are locked.

    - The Mod Team
  `, { o: { ...MOD, locked: true, link_flair_text: 'Mod Post' } }),
  rej('bot_or_mod', 'AmItheAsshole', 'AutoModerator', 'Monthly Open Forum: What do you want to see changed in the sub?', tx`
    Welcome to our monthly Open Forum! This is a space to share feedback about the subreddit, the rules, and the voting system.

    Please keep all feedback constructive. Posts about specific judgments should go to modmail, not here. The mod team reads every comment even if we don't reply to all of them.
  `, { o: { ...MOD, link_flair_text: 'META' } }),
  rej('bot_or_mod', 'Advice', 'advice_mod_quillon', 'PSA: Scammers are DMing users who post here. Never send money.', tx`
    We've received many reports of accounts messaging users who post in this sub, pretending to be counselors, lawyers or "financial coaches" and asking for payment. None of them are affiliated with this subreddit. Never send money to anyone you met through a DM here. Report them to Reddit and to the mods.
  `, { o: { distinguished: 'moderator', stickied: true } }),
  rej('bot_or_mod', 'solotravel', 'AutoModerator', 'Solo Travel Weekly Discussion: Where are you headed next?', tx`
    Share your upcoming trips, look for travel buddies (please be safe), and ask quick questions that don't need a full post.

    Reminder: itinerary review requests should include dates, budget and the countries you're considering. Posts without this information may be removed.
  `, { o: { ...MOD, link_flair_text: null } }),
  rej('removed', 'AmItheAsshole', 'mod_removed_mia', 'AITA for refusing to pay for my friend\'s share of the rental?', '[removed]', { o: { removed_by_category: 'moderator', locked: true } }),
  rej('link_only', 'solotravel', 'map_pin_marco', 'Route A or route B for two weeks in Vietnam? (map)', '', { kind: 'image', url: 'https://i.redd.it/v8t3n1q0ad2c1.png' }),
  rej('too_short', 'AITAH', 'tldr_tyler', 'AITA?', 'Long story short I said no. AITA?'),
];
