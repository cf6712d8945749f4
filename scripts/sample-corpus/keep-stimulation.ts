// KEEP posts where stimulation (novelty, excitement, adventure, challenge) is at stake.
// All posts invented by the valact authors; usernames are made up.
import { keep, tx, type AuthoredPost } from './lib.ts';

const V = 'stimulation';

export const stimulation: AuthoredPost[] = [
  keep(V, 'solotravel', 'cubicle_to_chiangmai', 'Quit a secure job to backpack SE Asia for a year, or take the 2-week vacation and stay put?', tx`
    I'm 30, I work in insurance claims, and I've been at the same desk for seven years. The job is fine. Good benefits, nobody yells, I could do it in my sleep, which is kind of the problem. Every day is the same and I can feel myself getting duller.

    I've saved about $22k. I could quit in September and do a year through Thailand, Laos, Vietnam, Indonesia, maybe the Philippines. No fixed plan, just go. My manager basically said if I leave there's no job to come back to.

    The other option is to use my two weeks of vacation like a normal person and keep building my 401k. My sister thinks I'm having a midlife crisis early. I think I just want to feel something new before I'm 40. Anyone who did the big trip, was it worth walking away from stability?
  `),
  keep(V, 'Advice', 'freefall_curious', 'Wife is scared, I want to do the full skydiving certification. Go for it or drop it?', tx`
    I did a tandem jump for my 40th birthday and it was the most alive I've felt in maybe a decade. I want to do the AFF course and get licensed. It's about $3,200 and a lot of weekends over the summer.

    My wife isn't forbidding it but she's clearly scared. We have two kids, 8 and 11. She keeps sending me articles about accidents. Statistically it's safer than people think, but it isn't zero.

    I could let it go and keep that one jump as a great memory. Or I could sign up and chase the thing that finally made me feel excited again. I don't want to be selfish, but I also don't want to spend the next 40 years only doing safe boring stuff. How do I decide this fairly?
  `),
  keep(V, 'careerguidance', 'tokyo_on_a_whim', 'Random job offer in Tokyo, I speak zero Japanese. Take it or stay home?', tx`
    I applied to a posting in Tokyo as a joke at 2am after a couple of beers. They actually called back and offered me the role, English-speaking team, two-year contract, they help with the visa.

    I've never lived outside my home state. I have a decent job here at a logistics company, my friends are here, my lease is up in August. I don't speak Japanese and I know nothing about living there.

    Everything about it terrifies me and that is exactly why I want to do it. I've been on autopilot for years. But the sensible part of me says I'd be giving up a stable career path for an adventure I didn't even plan. Has anyone done something this impulsive and been glad? Should I take it?
  `),
  keep(V, 'ExperiencedDevs', 'chaos_team_applicant', 'Stay on my comfortable platform team or transfer to the new moonshot team that might get cancelled?', tx`
    I've been on the same platform team for four years. I know every corner of the system, on-call is quiet, my reviews are great. I'm also bored out of my mind. I haven't learned anything new in about 18 months.

    Our company just started an experimental team building something completely new (realtime collaborative stuff, tech I've never touched). They asked for volunteers. It's high risk: leadership said openly it might be shut down in a year, and people from cancelled projects don't always land well here.

    I'm 37, mortgage, but we're not in a tight spot. I want the challenge and the feeling of not knowing what I'm doing again. Is it dumb to leave a team where I'm valued for something that exciting but shaky? Would you jump?
  `),
  keep(V, 'findapath', 'vanlife_maybe', 'Sell everything and live in a van for a year, or sign the new lease?', tx`
    My lease ends in six weeks and the landlord wants an answer on renewing. I'm a remote bookkeeper so I can work from anywhere with signal.

    I've been looking at a used converted van for $19k. My plan would be to sell most of my stuff, drive the west, climb, see national parks, and change scenery every week. I've never done anything like it. I've lived in the same town since I was born.

    The alternative is renewing and staying in my quiet one-bedroom where honestly nothing ever happens. My friends are split between "do it!!" and "you'll hate it by February." I'm 27. Is this a real option or a Pinterest fantasy? What would you choose?
  `),
  keep(V, 'college', 'porteno_dreams', 'Study abroad in Buenos Aires or keep my RA job and stay on campus?', tx`
    Sophomore here. I got accepted to a semester in Buenos Aires for spring. I've never left the country. Everything about it sounds amazing: new language, new city, tango lessons, weekend trips to Patagonia.

    The catch: I'm an RA and if I leave for a semester I lose the position, which means I lose free housing next year too. That's a lot of money for my family. Also my close friend group will all be here and I'd miss a lot.

    The safe move is stay, keep the RA job, keep my routine. The exciting move is go and deal with the housing problem later. I keep thinking this is the one time in my life it's this easy to live abroad. Would you go?
  `),
  keep(V, 'careerguidance', 'antarctic_cook_maybe', 'Offered a 6-month cook contract at a remote research station. Leave my head chef job for it?', tx`
    I'm head chef at a mid-size restaurant, 35, been here five years and finally got the title. A friend forwarded me a posting for a cook at a remote polar research station, I applied not expecting anything, and I got it.

    Six months, isolated, extreme weather, cooking for 40 scientists. It's the weirdest and most interesting thing I've ever been offered. My owner said she can't hold my position that long.

    I'd basically be trading a career I spent years building for the adventure of a lifetime, and coming back to who knows what. My girlfriend says go. My mom says I'm crazy. What would you do?
  `),
  keep(V, 'solotravel', 'steppe_or_seine', 'Solo trip through Central Asia or the safe Europe trip with friends?', tx`
    I have three weeks off in September and I've been offered two very different trips.

    Option one: my friends are doing Paris, Amsterdam, Barcelona. Hostels booked, itinerary planned, I just show up. It'll be fun and easy.

    Option two: go alone through Kyrgyzstan and Uzbekistan. Horse trekking, yurts, night trains, places where I won't speak the language. I've never traveled solo and honestly the idea makes my stomach flip, in a good way mostly.

    My friends are a little hurt I'm even considering skipping. I've done Europe-style trips before and they're nice but I want something that actually challenges me. Is it worth being the friend who bailed for a more adventurous trip?
  `),
  keep(V, 'Advice', 'late_bloomer_biker', 'Retired at 64 and want to ride a motorcycle across the country. Kids say no. Should I?', tx`
    I retired in January after 38 years as a school administrator. I've spent my entire life being responsible. This spring I took a motorcycle safety course on a whim and I loved every second.

    My plan is to buy a used touring bike and ride from Maine to Oregon over the summer, camping and staying in small motels. My kids (both in their 30s) are horrified. My son said "Dad, you could die." My daughter wants me to do a cruise instead.

    I'm healthy, I passed the course, I'd be careful. I don't want to scare them, but I want to do something exciting before I'm too old to. Do I respect their worry and do the cruise, or do I ride?
  `),
  keep(V, 'decidingtobebetter', 'atlantic_or_not', "Invited to crew a sailboat across the Atlantic — do I go or keep my PTO for the planned family week?", tx`
    A sailing acquaintance needs a fourth crew member for an Atlantic crossing in November. Three weeks at sea. I've done coastal sailing for years but never an ocean passage. It's the kind of challenge I've read about since I was a kid.

    The problem is it would use every vacation day I have, and we'd planned a relaxed week at the lake house with my in-laws. My wife says she supports me but I can tell she's disappointed.

    I've been trying to "say yes to life" this year after a long depressive stretch, and this feels like exactly what I meant. But I also don't want to become the guy who chases thrills and ditches his family. Go or don't go?
  `),
  keep(V, 'antiwork', 'smokejumper_hopeful', 'Quit my remote data entry job to become a seasonal wildland firefighter?', tx`
    I'm 26 and I do data entry from my bedroom. It pays okay, $21/hr, it's stable, and I can do it half asleep. I've gained 20 pounds and I basically only talk to my cat.

    I applied to a seasonal wildland fire crew and got a conditional offer. It's hard, physical, dangerous, you sleep outside for weeks, and it's only 6 months a year. The pay with overtime is actually better but the off-season is uncertain.

    Everyone I know says keep the easy remote job, it's what everyone wants. But I'm going crazy with how the same every day is. I want to do something hard and real. Is this a dumb move?
  `),
  keep(V, 'relationship_advice', 'new_city_every_two', "I (32F) want to keep moving cities every couple years, partner (34M) wants to settle. How do we decide?", tx`
    We've been together 4 years and lived in three cities. I love it. Every move is a new neighborhood, new food, new people, figuring everything out again. It's honestly what makes me feel alive.

    He's been great about it but now he's saying he wants to buy a house and stay put, in the town we're in now, which is fine but kind of sleepy. My company just offered me a transfer to Lisbon for two years.

    If I take it, he said he'd probably come but resent it. If I don't, I'll be staying somewhere I'm already bored of for what might be the rest of my life. Is there a fair way to decide this?
  `),
  keep(V, 'Entrepreneur', 'bored_laundromat_owner', 'Sell my profitable but boring laundromats to start something risky?', tx`
    I own two laundromats. They run themselves, roughly $140k a year profit for me after everything. I check in twice a week. Most people would call this the dream and I know I'm lucky.

    I'm bored. Really bored. I want to start a climbing gym, which is a totally different beast, high capex, lots of competition, could easily lose money. But the idea of building it from nothing, figuring out a new industry, the challenge of it, that gets me out of bed.

    I'd need to sell at least one laundromat to fund it. My accountant thinks I'm crazy. Has anyone traded a boring sure thing for an exciting gamble? Should I sell?
  `),
  keep(V, 'travel', 'one_way_to_ulaanbaatar', 'One-way ticket with no plan or the organized tour my mom prefers?', tx`
    I'm 22, just graduated, and my graduation gift from my grandparents is money for a trip. I want to buy a one-way ticket to Ulaanbaatar and figure it out from there. Trans-Siberian maybe, maybe not. No bookings past the first two nights.

    My mom found a very nice organized tour of Mongolia with a guide, fixed hotels, and a return flight. She says she'll worry less. It's the same amount of money.

    I get why she wants the tour. But the whole appeal for me is the not knowing. If I'm led around on a bus I feel like I'll just be watching the country through a window. Should I take the tour to keep my mom calm, or go free-form?
  `),
  keep(V, 'Advice', 'ultra_or_downpayment', 'Spend our savings on my first 100-mile race abroad or put it toward the house?', tx`
    I've been running for ten years and got into a famous mountain ultra in the Alps through the lottery, which is really hard to get into. Entry, flights, gear and lodging is about $6,000 all in.

    My partner and I have been saving for a house down payment. We're at around $41k and hoping to buy next year. The $6k would push us back a few months.

    I've never attempted anything this hard. I'm genuinely not sure I can finish, and that's exactly why I want to. My partner said "it's your call" in the tone that means it isn't. Do I defer the race entry (they allow one deferral) or go this year?
  `),

  // --- repair but keep ---
  keep(V, 'solotravel', 'ice_and_fire_andrea', 'Solo winter trip to Svalbard or the warm resort trip I already half-planned?', tx`
    **TL;DR: Safe beach resort vs. polar night adventure. Help me pick.**

    ## Option A - Cancun resort
    - All-inclusive, already have a quote
    - Zero planning, zero stress
    - Probably the 4th time I've done basically this trip

    ## Option B - Svalbard in February
    - Dog sledding, snowmobiles, polar night, maybe northern lights
    - ~40% more expensive
    - I've never been anywhere that cold and never traveled alone

    I found this guide which made me want it even more: https://www.example.com/travel/svalbard-winter-guide

    Everyone in my life keeps saying "why would you go somewhere dark and freezing for vacation," and honestly the fact that it sounds a bit crazy is part of the appeal. I've been stuck in the same routine for three years. **Which one would you choose?**

    EDIT: I'm 29F, decent at handling cold, will not be driving snowmobiles alone lol.
  `, { tags: ['markdown', 'pii_url', 'edit_block'] }),
  keep(V, 'Advice', 'cliff_jump_carl', 'Friend invited me on a canyoneering trip, my wife wants me to go to a friend party instead', tx`
    My old college buddy Derek Halvorsen is organizing a three-day canyoneering trip in Utah. Rappelling, swimming through slot canyons, camping, stuff I've only seen in videos. I've never done anything that intense and I really want to push myself.

    Same weekend, my wife's friend is throwing a 40th party. Nothing wrong with it but it's the same group, same restaurant, same conversations we always have. My wife would like me there but said she'd understand.

    Derek said to text him at (555) 014-2287 by Friday if I'm in because he has to book the permits. I'm 41 and my life has gotten very routine. Should I go on the trip or skip it for the party?
  `, { tags: ['pii_name', 'pii_phone'] }),
  keep(V, 'careerguidance', 'stormchaser_sam', 'Take a risky field job with a storm research team or keep my lab job?', tx`
    I'm a meteorologist at a forecasting company. Steady, indoors, 9-5. A university team that does field research chasing severe storms offered me a position for the next two seasons. Long drives, unpredictable days, some real danger, less pay, and then I'd be looking for work again.

    I got introduced to them through u/supercell_sarah on here, who has been very encouraging, and the crew hangs out in r/stormchasing if anyone wants context.

    I'm 31 with no kids. The lab job is the sensible career. The field job is the thing I got into meteorology for in the first place. I keep thinking I'll regret not doing it. Should I go?

    UPDATE: They extended the decision deadline to the 15th so I have a bit more time to think.
  `, { tags: ['pii_handle', 'edit_block'] }),
];
