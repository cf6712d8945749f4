// KEEP posts where tradition (religious/cultural customs, family heritage, humility) is at
// stake. All posts invented by the valact authors; usernames are made up.
import { keep, tx, type AuthoredPost } from './lib.ts';

const V = 'tradition';

export const tradition: AuthoredPost[] = [
  keep(V, 'Judaism', 'shabbat_shift_question', 'New job wants me on Saturday shifts. Keep Shabbat or take the job?', tx`
    I've kept Shabbat my whole life. Not super strict on everything, but no work, family dinner Friday night, shul Saturday morning. It's the rhythm of my week and my family's for generations.

    I got an offer as a hospital lab tech. Great pay, great benefits, but new hires rotate through Saturday shifts for the first year and they said exemptions "aren't guaranteed." I asked for a religious accommodation and HR said they'd "try."

    The alternative is a lower-paying job at a private lab that's closed on weekends. My wife says it's up to me. My father says it's not even a question. Do I take the hospital job and hope, or pass on it to keep Shabbat?
  `),
  keep(V, 'Christianity', 'baptism_or_wait', 'Baptize our baby in my family\'s church, or wait like my wife wants?', tx`
    Our daughter is four months old. In my family, babies are baptized in the same little Lutheran church where my grandparents, my parents and I were all baptized. My grandmother still has the christening gown, it's over 100 years old.

    My wife isn't religious. She doesn't object to me having faith but thinks our daughter should choose for herself when she's older. My parents ask every week when the baptism is.

    I understand my wife's point. But this is something that connects our family across generations and matters to me deeply. Do I push for the baptism now, or wait and let our daughter decide later?
  `),
  keep(V, 'islam', 'eid_or_trip', 'Go home for Eid with my family or go on a trip with my uni friends?', tx`
    Assalamu alaikum. I'm 20, studying in a city about 6 hours from home. Every year our whole extended family gathers at my grandparents' house for Eid al-Adha. Prayers together, the sacrifice, cooking all day, visiting relatives. I've never missed one.

    This year my uni friends planned a trip abroad the same week, flights are cheap and everything is booked except my ticket. My parents said they won't force me but my mom sounded really sad on the phone.

    I love my family's Eid. But I also feel like this is my one chance to travel with these friends. What should I do?
  `),
  keep(V, 'Advice', 'three_day_wedding', 'Parents want a full 3-day traditional wedding, I want something small. Go along with it?', tx`
    I'm (29F) getting married next year. My family is Gujarati and my parents want the full traditional wedding: mehndi, garba, the ceremony with all the rituals, reception. Three days, 400 guests. My grandfather, who is 91, keeps saying he wants to see the pheras before he dies.

    My fiancé and I originally wanted something small, maybe 50 people. We're not very religious. But I do feel connected to these rituals when I see them at cousins' weddings, and it would mean so much to my family.

    Do we go along with the big traditional wedding or do our own small thing?
  `),
  keep(V, 'Judaism', 'naming_after_zayde', 'Name our son after my late grandfather like my family does, or use the name we love?', tx`
    In my family we name babies after a relative who has passed, it's an Ashkenazi custom we've always kept. My grandfather died last year and everyone assumes the baby will be named after him. His name was Mordechai.

    My wife and I had picked a name we both love that has nothing to do with him. My mom already asked twice if we'd "honor Zayde."

    I loved my grandfather and I love the custom. We could use his initial in some way, but I know that's not quite the same to my family. Do we follow the tradition or use our name?
  `),
  keep(V, 'Christianity', 'easter_at_the_farm', 'Skip my family\'s Easter tradition this year for a work trip?', tx`
    Every Easter for as long as I can remember, my whole family goes to my grandparents' farm. Sunrise service at the little church, then a huge lunch, egg hunt for the kids, singing hymns on the porch. I'm 34 and I've never missed it.

    This year my company wants me to lead a client workshop abroad that week. It's a big opportunity and my boss asked me personally. I could say no, but it would be noticed.

    My grandparents are in their late 80s. I don't know how many more of these we'll have. Do I take the work trip or go home for Easter?
  `),
  keep(V, 'AmItheAsshole', 'eldest_son_duty', 'AITA if I don\'t move my parents in with us, as is expected of the eldest son in my culture?', tx`
    In my family's culture, the eldest son takes in his parents when they get older. My parents are in their 70s and have started hinting that it's time. They'd move in with me, my wife and our two kids.

    My wife is not from my culture and is very hesitant. We'd need a bigger house. My younger sister lives closer to them and offered to help them find an assisted living place nearby, which my parents consider shameful.

    I grew up knowing this would be my duty. It's how my father took care of his parents. AITA if I don't follow through?
  `),
  keep(V, 'islam', 'rishta_or_dating', 'Family wants me to meet rishtas, I want to meet someone myself. What do I do?', tx`
    I'm 26M. My parents have started bringing rishta proposals. In our family, marriages have always been arranged through families, and my parents' marriage is very happy.

    I'm not against it in principle, but I met someone at work who I really like. She's Muslim too but from a different background, and my parents would see it as going around them.

    Do I follow the way my family has always done things and meet the rishtas, or tell my parents about her and go my own way?
  `),
  keep(V, 'relationship_advice', 'keep_my_name_or_his', 'Take my husband\'s last name like my family expects, or keep mine?', tx`
    Getting married in October. In my family, and in my husband's family, the wife takes the husband's name, period. My mother and grandmother both did it and see it as an important part of joining the family.

    I've built a career under my own name, I'm a published researcher. My fiancé says he doesn't care either way. His mom already addresses cards to "Mrs. [his last name]."

    I kind of like the tradition, honestly. But I also like my name. Do I take his name, or keep mine?
  `),
  keep(V, 'Parenting', 'greek_school_saturdays', 'Keep my kids in Greek school on Saturdays or let them join the soccer league?', tx`
    My parents immigrated from Greece. I went to Greek school every Saturday as a kid, and now my two kids (8 and 10) go. They learn the language, the dances, the church stuff.

    They hate it. All their friends are in a Saturday soccer league and they want to join. My husband isn't Greek and thinks soccer would be better for them socially.

    My mom would be heartbroken if they quit. And honestly, so would I, I don't want the language to die in our family. Do I keep them in Greek school or let them switch?
  `),
  keep(V, 'Christianity', 'sunday_soccer', 'Let my son play in Sunday tournaments, or keep Sunday for church and family?', tx`
    Our family has always kept Sunday as a day of worship and rest. Church in the morning, lunch together, no sports or shopping. It's how my parents raised me and how I've raised my kids.

    My 13-year-old made a travel soccer team. Most of their tournaments are on Sundays. He's talented and this could open doors for him. He's asking to play and says missing church once in a while isn't a big deal.

    I don't want to be the parent who holds him back. But I believe in keeping the Sabbath. What would you do?
  `),
  keep(V, 'Judaism', 'bar_mitzvah_which_shul', 'Son\'s bar mitzvah at my family\'s Orthodox shul or the Reform temple he prefers?', tx`
    My family has been part of the same Orthodox shul for three generations. My father, my brothers and I all had our bar mitzvahs there. My son is 12 and we need to start planning.

    He's been going to a Reform youth group with friends and feels much more at home there. He asked to have his bar mitzvah at their temple. My father would be crushed.

    I want him to feel connected to Judaism. I also feel strongly about our family's place in our shul. Which should I push for?
  `),
  keep(V, 'Advice', 'lunar_new_year_trip', 'Fly home for Lunar New Year with my grandparents or attend a key work conference?', tx`
    Every Lunar New Year, my entire family gathers at my grandparents' house. The reunion dinner, red envelopes, visiting relatives, paying respects at my great-grandparents' shrine. It's the most important week of the year in my family.

    This year it conflicts with the biggest industry conference in my field, where I'm supposed to present. My manager says I can skip but it would be a missed opportunity.

    My grandparents are 88 and 90. I've only missed once, when I was sick. Do I go home or stay for the conference?
  `),
  keep(V, 'AITAH', 'wedding_during_mourning', 'WIBTA if I didn\'t postpone my wedding for the traditional mourning year?', tx`
    My grandmother passed away two months ago. In my family's tradition, close family don't hold celebrations for a year after a death. Our wedding is scheduled four months from now.

    My parents are very traditional and say we should postpone. My fiancé's family has already booked travel and we'd lose a lot of deposits. Also my fiancé's grandfather is very ill and might not be around in a year.

    I respect the custom and I loved my grandmother. But postponing has real costs. WIBTA if I didn't postpone?
  `),
  keep(V, 'careerguidance', 'fifth_generation_bakery', 'Take over my family\'s 5th-generation bakery or keep my tech career?', tx`
    My family has run the same bakery in our town since 1891. My great-great-grandfather started it. My dad is ready to retire and I'm the only one of the kids who could take over.

    I'm a software engineer making good money in a city 3 hours away. Taking over would mean moving back, 4am mornings, a much lower income, and a business with thin margins.

    But if I don't, the bakery closes or gets sold. It's part of who my family is. What would you do?
  `),

  // --- repair but keep ---
  keep(V, 'islam', 'hajj_with_abbu', 'Go on Hajj with my father this year or wait for a better time?', tx`
    ## Situation
    * My father (68) has wanted to go on **Hajj** with me since I was a boy
    * He got a place through our community group for this year
    * I'm in the middle of a **promotion cycle** at work and would be gone ~3 weeks

    ## My worry
    > "There will always be another year" - my manager

    But my father's health is not what it was. This is the pillar of our faith, and doing it with him is what my grandfather did with his own father.

    Our community coordinator, Brother Idris Farouk, said I have until the end of the month to confirm.

    **Do I go this year or wait?**

    EDIT: JazakAllah khair for all the kind replies so far.
  `, { tags: ['markdown', 'pii_name', 'edit_block'] }),
  keep(V, 'Christianity', 'family_pew_move', 'Our family has gone to St. Brigid\'s for 80 years. Stay when it\'s merging or follow my wife to the new church?', tx`
    My family has attended St. Brigid's at 19 Harbor Road since my great-grandparents immigrated. Baptisms, weddings, funerals, all there. The diocese is merging it with a larger parish and the building may close.

    My wife wants us to join a newer, more lively church across town where her friends go. It has great programs for our kids.

    I feel like I'd be abandoning something my family built. I could stay through the merger and help keep the community together. What would you do?
  `, { tags: ['pii_address'] }),
  keep(V, 'Advice', 'name_day_or_nothing', 'Keep my family\'s name day tradition for my daughter or just do birthdays like her friends?', tx`
    In my family (Polish background) we've always celebrated name days as much as birthdays. It's a big deal, family gathers, special cake, my babcia makes pierogi. My daughter is 7 and her friends have never heard of it and she's started asking to "just do normal birthdays."

    I found a nice explainer on the tradition I wanted to show her: https://www.example.com/culture/polish-name-days. My mom also emailed me (at agnieszka.family.recipes@example.com, which is also where she sends me recipes) asking if we're doing it this year.

    Do I keep the tradition going even though my daughter isn't into it, or let it go?
  `, { tags: ['pii_url', 'pii_email'] }),
];
