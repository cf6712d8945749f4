// REJECT posts a filter must judge from the content or the subreddit: not_advice (rants,
// stories, updates, discussion, general questions), no_decision (asks for help but has no
// choice between courses of action) and wrong_subreddit (fine dilemmas in non-advice subs).
// All invented by the valact authors; usernames are made up.
import { rej, tx, type AuthoredPost } from './lib.ts';

export const contentRejects: AuthoredPost[] = [
  // --- not_advice ---
  rej('not_advice', 'offmychest', 'finally_said_it_42', 'I finally told my mom I\'m gay and she hugged me', tx`
    I've been terrified of this moment for eleven years. Last night at dinner I just said it. My hands were shaking so badly I dropped my fork. She was quiet for a second and then she got up, walked around the table and hugged me for a really long time. She said "I know, honey. I've been waiting for you to be ready."

    I cried like a baby. My dad just nodded and passed me the potatoes, which is honestly the most dad thing ever.

    I don't really have anyone else to tell right now so I'm telling you, internet strangers. I'm so relieved I could float.
  `),
  rej('not_advice', 'antiwork', 'burned_out_barista', 'My manager scheduled me for a 12-hour shift on my birthday and then called me "not a team player"', tx`
    I asked for my birthday off two months in advance. Two MONTHS. It was approved in writing. Then the schedule comes out and I'm on a 12-hour double. When I brought it up he said "we're short staffed, everyone has to sacrifice" and that I wasn't being a team player.

    Meanwhile he took last Friday off to go to a golf tournament.

    I'm so tired of this place. Eight years in food service and it's the same every time. The people who do the actual work get treated like furniture. Anyway I worked the shift. I'm writing this on my break. Happy birthday to me I guess.
  `),
  rej('not_advice', 'relationship_advice', 'update_it_worked_out', 'UPDATE: I told my boyfriend about the job offer and we\'re moving to Seattle together!', tx`
    A few weeks ago I posted here asking whether I should take the job in Seattle or stay for my boyfriend. So many of you told me to just talk to him honestly instead of deciding for both of us.

    Well, I did. It turns out he'd been quietly wanting to leave our town for years and was afraid to say it because he thought I loved it here. We both laughed and then cried a little.

    We signed a lease last weekend. Thank you all for the kind and blunt advice. You were right, communication really is everything. I'll try to post again once we're settled!
  `),
  rej('not_advice', 'Advice', 'bookworm_bella_88', 'What\'s everyone\'s favourite book and why?', tx`
    I'm trying to read more this year and I've gotten stuck in a rut of only reading thrillers. I want to branch out. What's a book you love, and what made it special for you? Fiction, nonfiction, poetry, anything goes. Bonus points if it's something you think people overlook. I'll make a list from the comments and share it back here at the end of the month!
  `),
  rej('not_advice', 'personalfinance', 'rates_discussion_dan', 'Discussion: Are high-yield savings accounts still worth it in 2024?', tx`
    With rates where they are, I've been wondering what everyone thinks about HYSAs versus T-bills versus money market funds for emergency savings. The yields have been pretty similar lately and the tax treatment differs by state.

    I'm curious what the general consensus is here and what people are using. Not asking for personal advice, just interested in the discussion and in any data people have seen comparing them over the last few years.
  `),
  rej('not_advice', 'TwoXChromosomes', 'tired_of_it_tessa', 'I\'m so tired of being told to smile by strangers', tx`
    Walking to work this morning, a man at the bus stop told me I'd be prettier if I smiled. Then a coworker said I looked "grumpy" during a meeting where we were discussing layoffs. LAYOFFS.

    I'm 38. This has been happening since I was about 13. It never stops. I'm not a decoration. My face is allowed to have whatever expression it has while I'm thinking about my grocery list or my mortgage.

    Nothing to ask, I just needed to say it somewhere where people would get it.
  `),
  rej('not_advice', 'AmItheAsshole', 'story_time_steve', 'Not an AITA, just a funny story about my grandma and the neighbor\'s goat', tx`
    So this isn't really a judgment post but I had to share. My grandma (84) has been feuding with her neighbor for years about his goat getting into her garden. Last week the goat got out again, and instead of calling him, my grandma put a little hand-knitted sweater on it and walked it back over on a leash.

    The neighbor was so stunned he invited her in for coffee. They've now had coffee four times this week. My family is convinced they're dating.

    Anyway. Feuds can end in weird ways. That's the post.
  `),
  rej('not_advice', 'careerguidance', 'reflective_rita_pm', 'What I learned in 20 years of project management (long, no question)', tx`
    I'm retiring next month after twenty years as a project manager, and I wanted to share a few things I learned for those starting out.

    First, nobody reads the status report. Talk to people. Second, most "technical" problems are actually people problems. Third, writing things down saves careers, especially your own. Fourth, the loudest person in the meeting is rarely the most informed.

    And finally: take your vacation days. Nobody ever got a medal for rolling them over. Good luck out there, everyone.
  `),
  rej('not_advice', 'college', 'campus_news_nate', 'Our university just announced free tuition for families earning under $100k', tx`
    Big news on our campus today. The university announced that starting next fall, students from families earning under $100k a year won't pay tuition at all. It's funded by a donation from an alumnus.

    A lot of people in my dorm were emotional about it. My roommate's younger sister is applying next year and it might literally change her life. There are some questions about how they'll handle students whose family income changes during the program, but overall this seems great. Curious how other schools compare.
  `),
  rej('not_advice', 'offmychest', 'quiet_grief_gabe', 'It\'s been a year since my dog died and I still set out two bowls', tx`
    Every morning I still reach for the second bowl. My dog Biscuit died a year ago today. She was fifteen. I got her when I was in college and she was with me through three apartments, two breakups, a career change and my dad's funeral.

    I know people will say get another dog. Maybe someday. Right now the house is just really quiet, and I wanted to say her name somewhere where it would be read by someone. Biscuit. Good girl. The best girl.
  `),
  rej('not_advice', 'Parenting', 'proud_dad_pablo', 'My 6-year-old stood up for a kid being bullied today and I\'m so proud', tx`
    Got a call from the school today and my heart dropped. Turns out it was the principal calling to tell me that my daughter saw a group of older kids teasing a boy at recess because of his stutter, and she walked over, took his hand and told them to stop. Then she sat with him for the rest of recess.

    We've talked about kindness a lot at home but you never know what sticks. I took her out for ice cream after school. I just wanted to share this with other parents who get it.
  `),
  rej('not_advice', 'Advice', 'genq_gerald', 'Why do people say "sleep on it" before big decisions? Is there science behind it?', tx`
    Not about any decision of mine, I've just always wondered. People always say to sleep on big decisions, and I'm curious whether that's actually backed by research or just folk wisdom. I've seen some stuff about memory consolidation during sleep but I don't know if that applies to decisions. Anyone know of good sources or studies on this? Just curious.
  `),
  rej('not_advice', 'ExperiencedDevs', 'grumpy_principal_g', 'Rant: I\'m so tired of every company rewriting everything every three years', tx`
    Twenty years in this industry and I've now seen the same monolith-to-microservices-to-"modular monolith" cycle at four different companies. Every time it's sold as the thing that'll fix velocity. Every time it takes twice as long as planned and the real problem, unclear ownership and no product strategy, is still there at the end.

    I don't have a question. I just needed to yell into the void before sprint planning.
  `),
  rej('not_advice', 'AITAH', 'karma_farm_fiction', 'AITA for refusing to let my stepsister sit at the head table at my wedding? (creative writing)', tx`
    Note: this is a piece of fiction I wrote for a creative writing class, inspired by the kind of stories this sub gets. Feedback on the writing welcome!

    "The seating chart had been the easy part, Maya thought, until her stepsister arrived two hours early with a centerpiece of her own. 'I just thought,' Chloe said, setting down a tower of lilies where the bride's bouquet should have gone, 'that family should be up front.' Maya counted to ten. Then to twenty."

    It goes on from there, I'll post the rest if people are interested.
  `),
  rej('not_advice', 'legaladvice', 'just_sharing_jules', 'PSA for renters: your landlord must give you 24 hours notice before entering (in most states)', tx`
    I see a lot of questions here about landlords just walking in. Not legal advice, and check your state's law, but in most US states landlords have to give reasonable notice, usually 24 hours, before entering except in emergencies.

    I went through this last year and it helped to send a polite written reminder citing the statute. Just sharing in case it helps someone. No question, have a good day.
  `),
  rej('not_advice', 'solotravel', 'trip_report_tara', 'Trip report: 3 weeks solo in Japan on a budget', tx`
    Just got back from three weeks in Japan, all solo, and wanted to share a quick report since this sub helped me so much planning.

    Route: Tokyo, Kanazawa, Kyoto, Hiroshima, Fukuoka. Stayed in hostels and a couple of business hotels. Total spend was around $2,900 not including flights. Highlights were the Kanazawa morning market and hiking part of the Kumano Kodo. Lowlight: I got lost for two hours in Shinjuku station. Happy to answer questions!
  `),

  // --- no_decision ---
  rej('no_decision', 'Advice', 'grief_in_waves', 'How do I cope with grief after losing my mom?', tx`
    My mom died six weeks ago after a short illness. I'm 34. I went back to work last week and I thought I was okay, but then I'll see something in the grocery store she used to buy and I'll have to leave my cart and go sit in the car.

    I'm not sleeping. I keep replaying the last conversation we had. Friends have stopped checking in, which I understand, life goes on.

    How did you get through the first months? Anything that helped, books, routines, anything? I just want to be able to breathe again.
  `),
  rej('no_decision', 'decidingtobebetter', 'insomnia_ivan', 'Any tips for sleeping better? I\'m getting maybe 4 hours a night', tx`
    For about three months I've been falling asleep fine but waking up at 3am and not getting back to sleep. I'm exhausted at work and irritable with my kids.

    I've already cut caffeine after noon and I don't drink alcohol. I do look at my phone in bed, I know, I know.

    What actually worked for you? Routines, apps, supplements, anything? I'm going to see my doctor next month but I'd love to try some things before then.
  `),
  rej('no_decision', 'careerguidance', 'resume_rescue_rae', 'How do I fix my resume? 200 applications, 2 interviews', tx`
    I'm a marketing coordinator with 4 years of experience trying to move up to a specialist role. I've sent about 200 applications in three months and gotten two interviews. I think my resume is the problem.

    It's currently two pages, lists my responsibilities at each job, and has a skills section at the bottom. I don't really have metrics because my old job didn't track much.

    What are the most common mistakes you see? How do I make it stand out? Any templates or examples that worked for you would be amazing.
  `),
  rej('no_decision', 'personalfinance', 'budget_beginner_bo', 'How do I actually start budgeting? I\'m 25 and have no idea where my money goes', tx`
    I make about $52k and somehow I'm always broke by the end of the month. I don't have crazy expenses, no car payment, modest rent. I just never know where it goes.

    I've tried apps but I stop using them after a week. What's a simple system that works for someone who's honestly pretty disorganized? How did you learn to budget? Any beginner resources you'd recommend?
  `),
  rej('no_decision', 'Parenting', 'tantrum_tamer_tia', 'How do I handle my 3-year-old\'s tantrums in public?', tx`
    My daughter is three and has started having massive tantrums in stores. Screaming, throwing herself on the floor, the full show. Yesterday it happened at the pharmacy and an older woman said something snide to me.

    At home I can usually wait them out, but in public I panic and end up just picking her up and leaving. What strategies have worked for you? How do you stay calm when everyone is staring?
  `),
  rej('no_decision', 'relationship_advice', 'how_to_say_sorry', 'How do I apologize to my girlfriend after I forgot our anniversary?', tx`
    I (29M) completely forgot our third anniversary yesterday. My girlfriend (28F) had planned a dinner and I came home late from work without even a card. She's hurt and quiet and I feel terrible.

    I know I messed up and I want to make it right. What's a genuine way to apologize that doesn't just feel like a quick fix? Any ideas for making it up to her that aren't cheesy?
  `),
  rej('no_decision', 'college', 'study_habits_sal', 'How do I stop procrastinating on assignments?', tx`
    Sophomore, and I'm a chronic procrastinator. Every assignment gets done the night before in a panic. My grades are okay but I'm miserable and I never sleep before a deadline.

    I've tried to-do lists and pomodoro timers but nothing sticks. How did you actually break the habit? What worked for you long term? Any books or methods you'd recommend?
  `),
  rej('no_decision', 'Advice', 'social_anxiety_sid', 'How do I make friends in a new city at 30?', tx`
    I moved to a new city for work six months ago and I still basically know nobody outside of work. My coworkers are nice but they all have families and don't really hang out.

    I'm introverted and a bit awkward. I've tried a couple of meetups but didn't click with anyone. How did you make friends as an adult in a new place? Where do people even meet each other?
  `),
  rej('no_decision', 'legaladvice', 'deposit_dispute_dee', 'How do I get my security deposit back? Landlord has ignored me for 6 weeks', tx`
    California. I moved out of my apartment six weeks ago, cleaned it thoroughly and took photos. My landlord hasn't returned my $2,100 deposit or sent an itemized list of deductions. I've emailed twice and called once.

    What steps should I take now? Is there a specific letter I should send, and how does small claims work if it comes to that?
  `),
  rej('no_decision', 'ExperiencedDevs', 'mentor_me_maybe', 'How do I get better at giving code review feedback without sounding harsh?', tx`
    I just became a tech lead and I'm reviewing a lot more code, especially from juniors. My feedback has been described as "blunt" in my last 1:1.

    I don't want to water things down so much that the important points get lost, but I also don't want people dreading my reviews. How do you phrase feedback? Any frameworks, examples or books that helped you?
  `),
  rej('no_decision', 'TwoXChromosomes', 'pelvic_pain_paula', 'How do I get a doctor to take my pain seriously?', tx`
    I've had severe pelvic pain for two years. I've seen three doctors. Every time I'm told it's "probably just bad periods" and sent home with ibuprofen. It's affecting my work and my relationship.

    How did you get a doctor to actually listen? What should I say, what should I bring, how do I ask for specific tests without being dismissed? Any advice is welcome.
  `),
  rej('no_decision', 'findapath', 'lost_at_twenty_four', 'I have no idea what I want to do with my life. Where do I even start?', tx`
    I'm 24, I have a degree in communications that I don't use, and I work retail. I don't hate it but I don't want to do it forever. The problem is I have no idea what I'd want to do instead. Nothing jumps out at me.

    How did you figure out what you wanted to do? Are there tests or books or exercises that actually help? I feel like everyone else got a memo I didn't.
  `),
  rej('no_decision', 'Advice', 'fitness_noob_fred', 'How do I start working out when I\'m really out of shape?', tx`
    I'm 41, about 70 pounds overweight, and I get winded going up stairs. My doctor told me I need to start exercising. I want to, but gyms intimidate me and I don't know where to start.

    What's a realistic beginner routine? How did you stay motivated when you were starting? I'd appreciate any advice.
  `),
  rej('no_decision', 'Christianity', 'prayer_life_paul', 'How do I build a consistent prayer life?', tx`
    I've been a Christian for about a year after growing up without any faith. I really want to pray daily but I keep falling off after a few days. My mind wanders and I feel like I don't know what to say.

    How do you keep a consistent prayer routine? Are there books, apps or practices that helped you? Thanks and God bless.
  `),

  // --- wrong_subreddit ---
  rej('wrong_subreddit', 'AskReddit', 'askreddit_annie', 'Should I take a job across the country or stay near my family? How did you decide?', tx`
    I'm 28 and I've been offered a job in Seattle that pays about 40% more than what I make now. My whole family is in Georgia, including my parents, who are getting older, and my sister just had a baby.

    I've always wanted to live somewhere new, but I'm scared I'll miss everything back home and regret it. People who moved far from family for a job, do you regret it? Would you do it again? What would you do in my position?
  `),
  rej('wrong_subreddit', 'gaming', 'respawn_ronin', 'Should I quit my job to stream full time? My channel is growing but I have a family', tx`
    My streaming channel has grown a lot this year, about 1,200 average viewers and I make roughly $2,800 a month from subs and sponsors. My job as an IT tech pays $55k.

    My wife is supportive but nervous. We have a 2-year-old. If I go full time I could stream more and probably grow faster, but income is unpredictable and I'd lose our health insurance. Do I go for it or keep streaming part time on nights and weekends?
  `),
  rej('wrong_subreddit', 'CasualConversation', 'shutterbug_shaun', 'My grandpa\'s old camera: sell it to pay rent or keep it in the family?', tx`
    This is the camera my grandpa used to photograph our family for 40 years. A collector offered me $2,500 for it. I'm a month behind on rent and that would fix everything. But it's the only thing of his I have and my dad would be heartbroken if I sold it. Keep it or sell it?
  `),
  rej('wrong_subreddit', 'news', 'commentary_carl_77', 'After reading about the layoffs at my company in the news, should I jump ship now or wait for severance?', tx`
    My company was in the news this morning for planning big layoffs. I've been here nine years. If I'm laid off, I'd get about 18 weeks of severance. But I have an offer from a competitor that expires Friday.

    If I leave now I lose the severance but keep earning. If I stay I might get laid off with a payout, or I might not be laid off at all and stay stuck. What would you do?
  `),
  rej('wrong_subreddit', 'movies', 'film_buff_fiona', 'Quit my stable job to go to film school at 32 or keep filmmaking as a hobby?', tx`
    I'm 32, I work in HR, and I've been making short films on weekends for years. One of them got into a small festival. I got accepted into a one-year film program that costs $38k.

    My partner says go for it, my parents think I'm having a crisis. I don't know if I'm too old to start over. Do I take the leap or keep it as a hobby?
  `),
  rej('wrong_subreddit', 'funny', 'dad_jokes_dave', 'Wife says I have to choose between my dad joke collection and the guest room. Which do I keep?', tx`
    So my wife and I are turning the guest room into a nursery. The problem is the guest room currently houses my collection of about 400 joke books and novelty mugs. She says I can keep the collection or have a guest room when my mom visits, not both.

    Do I downsize the collection or convince her to put my mom on the couch? Asking for real, kind of.
  `),
  rej('wrong_subreddit', 'technology', 'gadget_guru_gary', 'Should I take a job at a big AI company even though I have ethical concerns about what they build?', tx`
    I'm a software engineer and I've been offered a job at a big AI company. The pay is incredible, almost double what I make now. But I have real concerns about how their products are used, especially in surveillance.

    I could take it and try to push for change from inside, or turn it down and stay at my current job, which is boring but harmless. What would you do?
  `),
  rej('not_advice', 'Advice', 'poll_paula_q', 'Quick poll: at what age did you feel like a real adult?', tx`
    I turned 30 last week and still feel like I'm pretending most of the time. I pay my bills, I have a job, I even own a drill. But I still call my mom when I don't know how to cook something.

    So I'm curious: at what age, or after what event, did you actually start feeling like a grown-up? Was it buying a house, having kids, losing a parent, something silly? Share your moment in the comments, I'm collecting them for fun.
  `),
  rej('not_advice', 'relationship_advice', 'venting_vera_22', 'My sister-in-law ruined Thanksgiving again and I just need to vent', tx`
    Every year. EVERY year. This time she showed up two hours late, brought a store-bought pie after I specifically asked her to bring the green beans, criticized my turkey in front of my kids, and then left early with the leftovers I had packed for my parents.

    My husband did his usual "that's just how she is." I smiled through the whole thing and then cried in the laundry room for ten minutes.

    I'm not asking what to do, I already know there's nothing to do. I just needed to get it out somewhere. Thanks for reading.
  `),
  rej('no_decision', 'Advice', 'public_speaking_pete', 'How do I stop my voice shaking when I give presentations?', tx`
    I have to present to senior leadership every month now as part of my new role. I know the material well, but as soon as I start talking my voice shakes, my face goes red and I rush through everything.

    I've tried practicing in front of a mirror and deep breathing beforehand. It helps a little but not much. What actually worked for you? Courses, tricks, books? I'd appreciate any practical tips.
  `),
  rej('no_decision', 'personalfinance', 'credit_score_carla', 'How do I rebuild my credit after a bankruptcy?', tx`
    I filed for Chapter 7 bankruptcy about a year ago after a medical crisis. Everything is discharged and I'm back on my feet with a stable job. My credit score is around 560.

    I want to be able to rent a better apartment and eventually buy a home in a few years. What are the steps to rebuild credit from here? Secured cards, credit builder loans, anything else? What timeline is realistic?
  `),
  rej('wrong_subreddit', 'cars', 'torque_talk_tony', 'Keep my paid-off truck or buy the new one my wife wants for the family?', tx`
    My 2012 pickup is paid off and runs great at 190k miles. My wife wants us to buy a new three-row SUV now that we have a third kid on the way. It would mean a $700 monthly payment.

    I love that truck and I hate car payments. But fitting three car seats in it is basically impossible. Do I keep the truck and we make do with her sedan, or give in and get the SUV?
  `),
];
