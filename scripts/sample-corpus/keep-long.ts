// Very long KEEP posts (1,500+ words), built from paragraphs plus a few generated parts
// (a budget table, a timeline) the way people paste them into Reddit.
// All posts invented by the valact authors; usernames are made up.
import { keep, tx, type AuthoredPost } from './lib.ts';

/** A Reddit-markdown budget table, current city vs offer city. */
function budgetTable(rows: [string, number, number][]): string {
  const fmt = (n: number) => `$${n.toLocaleString('en-US')}`;
  const head = '| Monthly item | Now (Columbus) | Offer (Denver) | Difference |\n|---|---|---|---|';
  const body = rows.map(([k, a, b]) => `| ${k} | ${fmt(a)} | ${fmt(b)} | ${b - a >= 0 ? '+' : '-'}${fmt(Math.abs(b - a))} |`);
  const ta = rows.reduce((s, r) => s + r[1], 0);
  const tb = rows.reduce((s, r) => s + r[2], 0);
  return [head, ...body, `| **Total** | **${fmt(ta)}** | **${fmt(tb)}** | **${tb - ta >= 0 ? '+' : '-'}${fmt(Math.abs(tb - ta))}** |`].join('\n');
}

const securityLong = [
  tx`
    Throwaway because my coworkers know my main. This is going to be long, sorry in advance. I've tried to include everything people usually ask for in this sub so you don't have to drag it out of me.

    **Who we are:** Me (37M), my wife (35F), two kids (6 and 3). I'm a maintenance planner at a hospital system in Columbus, Ohio. My wife works part time as a dental assistant, about 24 hours a week, so she can do school pickup. We've been in our house for five years.

    **What happened:** About two months ago a recruiter contacted me about a facilities manager role at a private company in Denver. I went through four interviews more or less on a whim, and last Friday they made an offer. Base is $118k compared to my current $84k, plus a 10% target bonus, plus relocation of $15k. On paper it's a massive jump, and it's the kind of title I wasn't expecting to get for another five or ten years where I am.

    I haven't told my current employer. My wife knows and she is, in her words, "fifty-one percent no."

    I want to lay out why this is so hard for us, because the easy answer is "take the money," and I get that. But the thing that keeps me up at night isn't the money. It's whether we'd be giving up the most stable situation we've ever had for something that looks better on paper and might fall apart.
  `,
  tx`
    **Our current stability, in detail.** I've been at the hospital system for eleven years. It is about as safe a job as exists in this region. Healthcare facilities don't get outsourced easily, the union contract covers my position, and in eleven years I've seen exactly zero layoffs in my department, including during 2020. I have a pension (a real one, defined benefit) that vests fully at year 12, which is in about nine months. I also have excellent health insurance, which matters because our younger one was born with a heart defect. She had surgery at 8 months and she's doing great now, but she sees a pediatric cardiologist every six months and will for the foreseeable future. Our out-of-pocket max is $2,500 a year and we hit it most years.

    Our mortgage is a 2.75% fixed rate from 2019. Payment is $1,390 including taxes and insurance. We owe about $190k on a house that would probably sell for $310k now. We have $28k in an emergency fund, about $140k across retirement accounts, and no debt besides the mortgage and one car payment of $312 that ends next year.

    My wife's parents live 15 minutes away. They pick up the kids two days a week and keep them overnight about once a month so we can breathe. My mom lives 40 minutes away. Our whole support system is here. When our daughter had her surgery, my mother-in-law basically moved into our house for three weeks to take care of our son.
  `,
  tx`
    **The Denver side.** The company is a private, family-owned property management firm. They manage a bunch of commercial buildings and some residential. The role would put me in charge of a team of nine technicians and a budget of a few million. I liked everyone I talked to. They seemed organized and they were honest about the fact that the last person in the role left after 18 months because of "a difficult relationship with ownership," which is not nothing.

    The company is private so I can't look at financials. Glassdoor is mixed. Lots of reviews saying the pay is good and the owners are demanding. A couple of reviews say there were layoffs in 2023, mostly in the corporate office. There is no pension. There's a 401k with a 4% match. Health insurance is a PPO that looks fine, but the deductible is higher and I'd need to confirm our daughter's cardiologist situation. Denver has good children's hospitals, I'm not worried about quality of care, I'm worried about switching everything, new doctors, new insurance, prior authorizations, all of that, during a move.

    Here is what I think our monthly budget would look like. I used our actual bank statements for the current column and tried to be honest for the Denver one. Rent in the neighborhoods we'd consider (decent schools, not a brutal commute) is about $2,900 for a 3-bedroom, and we would rent for at least a year before buying anything.
  `,
  budgetTable([
    ['Housing (mortgage / rent)', 1390, 2900],
    ['Utilities', 260, 240],
    ['Groceries', 1100, 1250],
    ['Childcare / after-school', 450, 1400],
    ['Car payment', 312, 312],
    ['Gas + car insurance', 380, 430],
    ['Health premiums + out of pocket', 410, 640],
    ['Phones + internet', 170, 170],
    ['Kids activities', 150, 180],
    ['Eating out / fun', 300, 300],
    ['Retirement (beyond match)', 600, 600],
    ['Savings', 500, 500],
  ]),
  tx`
    The childcare line is the one that kills me. Right now, between my wife's schedule and her parents, we pay very little. In Denver we'd have no family at all, so either my wife stops working entirely or we pay for after-school care and summer camps. I estimated after-school for the older one plus preschool for the younger one. That number could honestly be worse.

    Take-home on the new salary, after taxes and the bigger health premium, is about $2,000 a month more than now, not counting the bonus, which isn't guaranteed. Looking at the table, most of that raise gets eaten by rent and childcare. We'd come out slightly ahead on paper, maybe a few hundred a month, and only if my wife keeps working. If the bonus pays out we'd be ahead more. If it doesn't, we're roughly even, but we've traded a 2.75% mortgage, a pension, and a free support network for that.

    **What about selling the house vs renting it out?** We could rent the Columbus house. Rents for comparable homes are around $2,100, which would cover the mortgage and leave some margin for repairs, but neither of us has been a landlord and I'm not sure I want to manage that from 1,200 miles away. If we sell, we'd have maybe $100k after costs, which would be a good down payment in Denver eventually, but houses there cost roughly double, and the interest rate would be more than twice what we have now.
  `,
  tx`
    **The pension thing.** If I leave before my 12-year mark, I lose a big chunk of the pension. I ran the numbers with HR's calculator. Leaving now means a small deferred benefit of about $900 a month at 65. Staying nine more months means it fully vests, and if I stayed another ten years it would be a lot more. The recruiter said they might be able to push my start date back a few months, but not nine.

    **Why I even considered it.** I'll be honest. Part of it is ego. Being offered a manager job at 37 made me feel like I'm more than I thought. Part of it is that I'm bored, I've done the same work for eleven years and I'm probably not going to be promoted further unless my boss retires. Part of it is that Denver is beautiful and the idea of the mountains on the weekend is exciting. But when I actually picture our life there, the thing I feel is anxiety. No family nearby. No pension. A private company with owners who apparently chewed through my predecessor. New doctors for our daughter. My wife starting over, or not working.

    **What my wife says.** She says she'd go if I really wanted it, but she'd be scared. She also pointed out that every major crisis we've had, my son's ER visit, the surgery, my dad's funeral, we got through because we had people around us. She's not wrong.

    **What my mom says.** "You don't leave a job with a pension." My mom worked for the state for thirty years and it got her through my dad's illness.

    **What my friends say.** The ones without kids say "go for it, you only live once." The ones with kids are split.
  `,
  tx`
    **What I'm asking.** Is there something I'm missing in the numbers? Is the pension worth as much as I think it is? And more importantly: would you trade the most stable, safe situation your family has ever had for a big jump in pay and title, knowing it could fall apart? I keep going back and forth between "we'd be crazy to leave" and "we'd be crazy not to try."

    I have to give them an answer by Wednesday. I know only we can decide, but I'd really appreciate outside perspectives from people who've made a move like this with young kids, especially with a kid who has ongoing medical needs. Did you regret it? Did you regret not doing it?

    If you read all of this, thank you. Seriously.

    EDIT: A few people asked about negotiating. I did ask for a delayed start date and they said they can do 60 days, not more. I also asked if they'd match the pension loss in some way and they said no but offered an extra $5k relocation.

    EDIT 2: We're leaning towards staying. Still reading everything though.
  `,
].join('\n\n');

const benevolenceLong = tx`
  I've never posted here before and I don't know if this belongs here, but I've run out of people to ask who aren't already on a side. This will be long because the history matters.

  I'm 41F. My dad left when I was eleven. Not in the dramatic way where he vanished, he just moved across the country with a woman from his office, and after that he was a voice on the phone on birthdays, then a card, then nothing much. My mom raised me and my brother on a receptionist's salary and we were broke for a long time. I remember her crying at the kitchen table over bills, I remember the heat being shut off one winter, I remember her missing my high school graduation because she couldn't get the shift off. My dad did pay child support, mostly, but it was late a lot and my mom had to take him to court twice.

  I last spoke to him when I was 26, at my grandmother's funeral. He tried to apologize in a way that was mostly about himself, I said some things I'd been holding in for fifteen years, and we didn't speak again. My brother kept a thin connection with him, a text at Christmas, a call on his birthday. I didn't. I built my life. I'm married, I have two daughters (12 and 9), I'm a physical therapist, I'm honestly happy.

  Three weeks ago my brother called me. Dad has pancreatic cancer. Stage four. The doctors are talking about months, maybe less. His second wife left him years ago, he lives alone in a small apartment in Arizona, and my brother is the only family who talks to him. My brother went to see him and said he's thin and scared and asked about me by name. He said he wanted to see me and meet my girls before he dies.

  My first reaction was a hard no. I felt nothing, and then I felt guilty for feeling nothing, and then I felt angry at feeling guilty. I have spent a lot of money on therapy to get to a place where my father doesn't occupy space in my head, and now suddenly he is all I can think about.

  Here's where I'm stuck. I think of myself as someone who takes care of people. It's literally my job. I'm the one in my friend group who shows up with soup. I have forgiven people for a lot of things. My husband says I'm too forgiving, honestly. So there's a part of me that says: he's dying, he's alone, he's your father, go. Be the person you want your daughters to see. Forgive him, or at least sit with him, not for him but because that's who you are. If I don't go and he dies, I have a feeling I will carry that forever, the way I carried his leaving.

  And then there's the other part, the eleven-year-old part, that says: he didn't come when I needed him. He didn't come to my graduation, or my wedding (he was invited, for the record, my mom insisted I send an invitation, and he said he couldn't afford the flight, then posted pictures from a fishing trip in Alaska that same summer). He didn't meet my girls when they were born. Why should I drop everything and fly across the country because now he's the one who needs someone? Where was he when my mom was working two jobs?

  My mom's reaction is complicated. She said, "You do what you need to do, I won't be hurt either way." And I believe she means it. But I also saw her face. She spent years raising us alone and I think a part of her would feel like I'm rewarding him. She has never said a bad word about him in front of us, which I only appreciate now that I'm a parent. She's 68, she's healthy, and she's remarried to a lovely man. She doesn't need me to take her side. But I'm very protective of her.

  My brother is pushing me to go. He says Dad has changed, that he's been sober for eight years (I didn't even know he drank, which tells you how little I knew him), and that he talks about his regrets constantly. My brother says "you don't have to forgive him, just let him say goodbye." He also said, pretty bluntly, that if I don't go I'm going to turn into the person who holds grudges forever, and that he doesn't want that for me. That stung, because it's what I'm afraid of.

  My husband is supportive either way but leans towards going. He never met my father. He says he'd come with me, or stay home with the girls, whatever I need. He asked me the question that I haven't been able to answer: "If you go and it's awful, can you live with that? If you don't go and he dies, can you live with that?" I think I could live with either. I think. Which is part of why I can't decide.

  The girls are a whole other question. My 12-year-old knows I have a father I don't talk to. She asked once and I told her a very short version. My 9-year-old has no idea. If I go, do I bring them? Do I introduce them to a grandfather they'll know for a few weeks and then grieve? Is that a gift or a burden? My older one is sensitive and I worry it would really upset her. On the other hand, she might be angry at me later if she finds out she had a grandfather who wanted to meet her and I said no. My kids have one grandfather, my mom's husband, who they adore. I don't want to confuse that.

  Practically, going isn't simple either. I'm the only PT at a small clinic and I'd need to find coverage. Flights and a hotel for a few days would be around $1,500, which is fine but not nothing. And realistically, if I go once and it goes okay, there will be pressure to go back, and then there will be hospice, and then there will be a funeral, and my brother will need help, and there may be stuff to handle, his apartment, his things, bills. I'm not sure I'm ready to step into the role of grieving daughter for a man I barely know. I don't want to do it halfway either. If I'm in, I'm in.

  I talked to my therapist (I went back after the call). She was very careful not to tell me what to do. She said something about how forgiveness is not the same as reconciliation, and that I can go and not forgive him, or forgive him and not go. That helped a little, but it also made the decision feel bigger, because now there are four options instead of two.

  I've also wondered if there's a middle path. A video call. A letter. My brother says Dad isn't up for long calls and that it wouldn't be the same. I could write him a letter and let my brother read it to him. I even started one. It got to four pages and most of it was anger, so I deleted it.

  Last night I dreamed about him. Not him now, him at 38, driving me to swim practice in the old blue station wagon and singing badly along to the radio. I had forgotten that he used to do that. I woke up and cried for the first time in fifteen years about him. I don't know what that means. Maybe it means I want to go. Maybe it just means I'm grieving something that ended a long time ago.

  So here's my actual question. For people who have been in this position, with a parent who hurt them and then got sick: did you go? Did you bring your kids? Did you regret it either way? I'm trying to decide between flying out in the next two weeks, with or without the girls, and sitting with him and letting him say what he needs to say, or sending a letter through my brother and protecting the peace I've built for myself and my family.

  I know there's no right answer. I just don't want to make this decision only from the eleven-year-old's place, or only from the guilt. I want to make it from the person I actually am now. And I'm not sure which one that is.

  Thank you for reading all this. I know it's a lot.

  EDIT: To the people asking, my brother has offered to pay for the flight if money is a factor. It isn't, really. It's everything else.

  EDIT 2: I called my brother and asked him to ask Dad if a video call would be okay first, as a step. He said Dad cried. I think I'm going to go. I'm still not sure about the girls. Thank you all, truly.
`;

const traditionLong = tx`
  I'm hoping for perspective from people who have been through this, especially those in interfaith marriages or raised in one. This is long.

  Background on me: I'm 33, I grew up in a fairly traditional Conservative Jewish family in New Jersey. Not Orthodox, but traditional in practice. We kept kosher at home, Shabbat dinner every Friday without exception, shul on the High Holidays and most Shabbat mornings, Hebrew school three times a week, bar mitzvah, summers at a Jewish camp, a year in Israel after high school. My grandparents on my mother's side were Holocaust survivors. My grandfather was the only one of nine siblings who survived, and he rebuilt his entire life around the idea that the family, and the tradition, would continue. He used to say that every Seder we held was a victory. He died when I was 22, and I still think about that.

  I drifted a bit in my twenties, like a lot of people. I stopped keeping kosher outside the house, I stopped going to shul regularly. But I never stopped feeling Jewish in my bones, and I always assumed that when I had kids, I'd raise them Jewish the way I was raised, more or less.

  Then I met my wife. She's 32, she was raised Catholic, her family is Irish-American and fairly devout, especially her mom. She's not particularly religious herself, she goes to Mass on Christmas and Easter mostly for her mother. We met at work, dated for three years, and got married last year in a ceremony that we co-officiated with a rabbi and a friend of hers. It was beautiful. My parents were gracious about the marriage, though I know my mother privately struggled. My wife's family was wonderful.

  We talked about kids before we got married, of course. At the time, the conversation was vague in the way those conversations often are. She said she was "open to" raising them Jewish, I said I'd want them to know her family's traditions too, we agreed we'd "figure it out." We're now expecting our first child in about five months, and it turns out "figure it out" means we have actually very different pictures in our heads.

  What I want: I want our child to be raised Jewish. Not necessarily Orthodox or even Conservative, but clearly Jewish. A bris or a simchat bat, depending. Shabbat dinner at home on Fridays. Hebrew school. A bar or bat mitzvah. Celebrating the holidays as the holidays of our home. I'm fine with Christmas at her parents' house and Easter egg hunts with her side, I genuinely love her family and I want our kid to love them too. But I want our home to be a Jewish home, and I want my child to know, without confusion, that they're Jewish. I know how that sounds, and I don't mean it in a way that erases her. I mean it in the sense that I feel like I'm one link in a chain that my grandfather fought very hard to keep unbroken.

  What she wants: she wants to raise the kid with "both" and let them choose when they're older. She wants a Christmas tree in our house. She'd like our kid to be baptized, mostly because it would mean a lot to her mother, and she says it's "just a ceremony, it doesn't mean they're Catholic." She's fine with Hebrew school but wants our kid to also go to some kind of religious education with her side, or at least know the stories. She's uncomfortable with a bris, for reasons I understand, even though it's something I feel very strongly about if we have a son.

  We've had three long conversations about this and every time we end up in the same place. She feels like I'm asking her to give up her identity and make our home about mine. I feel like "both" in practice often means "neither," and that I'd be the one who lets the chain break. I keep thinking about my grandfather. She keeps thinking about her mother, who cried when we told her we might not baptize the baby.

  I've done a lot of reading. I've talked to our rabbi, who was lovely and said many interfaith families raise Jewish kids successfully, and that the Jewish partner's commitment tends to matter most. He also said, gently, that children raised "both" often end up identifying as neither, which is what I'm afraid of, though he also said there are exceptions. My wife talked to a priest at her mother's parish who said basically the mirror image of that.

  I also talked to my parents, which was probably a mistake. My mother said, "You knew this when you married her." My father, who is usually quiet, said that he would support whatever we decided but that it would break his heart if his grandchild was baptized. That was hard to hear. My wife doesn't know he said that and I don't plan to tell her.

  Here's what makes this so difficult: I love my wife. I don't want our marriage to become a battle over this, and I'm aware that if I "win," she may carry resentment for years. I'm also aware that this may be the single most important decision I make about how our child grows up. I don't want to be the man who let the tradition end after surviving everything it survived. But I also don't want to be the husband who steamrolls his wife's identity in her own home.

  One more thing that complicates it: in practice, over the last three years, our home has already been more Jewish than Catholic, mostly because of me. We do Shabbat dinner most Fridays, and she genuinely loves it, she bakes the challah now and she's better at it than my mother. We host a Seder every year. We also put up a small tree every December, which I didn't fight because it mattered to her and because, honestly, it's pretty. So when she says "both," part of me thinks that's already what we have, and it works for two adults. I'm just not sure it works for a child who's trying to figure out who they are, and I'm scared that the first time our kid asks "what are we?" neither of us will have an answer.

  Options as I see them:

  1. Raise the child Jewish, clearly and primarily. No baptism. Christmas and Easter at her parents' as family celebrations, not religious ones in our home. Hebrew school, bar/bat mitzvah.

  2. Raise the child "both." Tree and menorah. Baptism and bris/simchat bat. Hebrew school plus some kind of Catholic education. Let them choose.

  3. Something in between. Jewish home, no baptism, but a Christmas tree as a cultural thing. Or Jewish home with a baptism as a gift to her mother. Or some other combination.

  I know a lot of couples land on option 3. But every version of it I try to picture, I feel like I'm quietly giving something up that I can't get back. And when I picture option 1, I see my wife's face when she told her mom there might not be a baptism.

  For the Jewish parents in interfaith marriages: how did you decide? Did you insist on raising your kids Jewish? Did your spouse come to accept it, or did it cause lasting resentment? For the adults who were raised "both," how did that turn out for you? Do you identify as Jewish now? Did you feel like you had to choose, or like you belonged to neither?

  For the people who will say "you should've talked about this before you got married," yes, I know. We did talk about it, just not honestly enough. That ship has sailed. I need to figure out what to do now.

  I really want to honor my family's tradition and what my grandfather survived to preserve. I also want a marriage where my wife feels at home. Is there a way to do both, or do I need to decide which one matters more?

  EDIT: Thank you to everyone who replied, especially the people raised in interfaith homes who shared their experiences. A lot of you said that what mattered most was that one clear tradition was lived joyfully in the house, rather than two half-practiced. That resonates. I'm going to show my wife some of these comments, with her permission, and we've booked a session with an interfaith couples counselor our rabbi recommended.

  EDIT 2: Some people are being unkind to my wife in the comments. Please don't. She's a wonderful person and this is hard for both of us.

  EDIT 3: A few people asked about my grandfather. He was from a small town in what is now western Ukraine. He was liberated from a camp in 1945 at 17 years old. He came to America with nothing and built a small tailoring business in Newark, married my grandmother, also a survivor, and had three children. Every Passover he would tell the story of his escape at the Seder table, and when he finished he would always say the same thing: "They wanted there to be no more of us. Look at this table." I think about that table a lot right now. Thank you for asking about him.
`;

const achievementLong = [
  tx`
    Long post, sorry. I've been sitting on this for months and I need outside perspective from people who aren't my advisor, my parents, or my partner, because all of them have a stake in the answer.

    I'm 30, in the fifth year of a PhD in computational biology at a large research university. I came in straight from undergrad with a lot of ambition. I wanted to be a professor. I wanted to run my own lab. I wanted, if I'm honest, to be the kind of scientist whose name people recognize at conferences. I still want those things, I think, but I'm much less sure they're realistic than I was at 25.

    Here's where things stand, with a rough timeline, because people always ask.
  `,
  [
    'Year 1: coursework, rotations, joined my current lab. Loved it.',
    'Year 2: passed quals on first try. Started my main project, a method for inferring cell lineage from single-cell data.',
    'Year 3: first-author paper submitted. Rejected twice. Finally accepted in a decent but not top journal.',
    'Year 4: second project stalled for eight months because a collaborator never delivered data. Pivoted. Got depressed. Started therapy.',
    'Year 5 (now): the pivoted project is finally working. My advisor thinks it could be a high-profile paper if I spend another 12-18 months on it.',
  ].map((l) => `* ${l}`).join('\n'),
  tx`
    So now the decision. Three weeks ago, I got an offer from a biotech company. I wasn't even looking seriously. A former labmate works there and referred me, I did the interviews mostly to practice, and they made an offer: Scientist I, $145k base, equity, great benefits, and a team I really liked. The work is interesting, applied, and I'd be using almost exactly the skills I've built. They want me to start in about two months. They said they'd consider holding the position for me for a few months if I wanted to defend first, but not a whole year.

    For context, my stipend is $36k. My partner and I have been living on two grad salaries (she's finishing a master's in social work) in a city that's expensive. We have about $4k in savings and a little bit of credit card debt. We'd like to get married and have kids "someday" and "someday" keeps getting pushed back.

    Option A: leave now, ABD (all but dissertation). Take the industry job. I could technically try to finish the dissertation on nights and weekends, and my advisor said he'd allow that, but everyone I know who tried that never finished. Realistically, leaving now means I don't get the PhD. I'd have a master's that the program would grant on the way out.

    Option B: turn down the job or ask them to hold it briefly, stay another 12-18 months, finish the big project, defend, get the PhD, and then go on the academic or industry market with a potentially very strong paper.

    Option C: ask them to hold the job for 4-5 months, write up what I have now, defend a "smaller" dissertation without the big paper, and then start the job. My advisor is lukewarm on this. He says it would be "fine" but that I'd be leaving the best part of my PhD on the table, and someone else in the lab would probably finish the project and be first author.
  `,
  tx`
    Some more detail on the job, since people will ask. The team builds computational pipelines for a cell therapy program. I'd be analyzing the same kind of single-cell data I work with now, but for real patients in clinical trials, which is meaningful in its own way. The hiring manager was direct: she said the PhD "doesn't change the offer" but that their Scientist II and Senior Scientist roles "usually" go to people with doctorates, and that without one I'd likely need a couple of extra years to get to the same level. She also said that a few people on the team left PhDs and are doing well, and a few of them regret it. Nobody can give me a straight answer, which I suppose is fair.

    I also had a long, honest conversation with my advisor last week. I asked him directly what he would do in my position. He thought for a long time and then said that when he was my age, he turned down an industry job to stay in academia, and it worked out for him, but that he had colleagues who made the same choice and ended up as permanent postdocs, bitter and broke. He said the big paper could be "a career-defining result" but that he couldn't guarantee it would work, or that reviewers would agree. He offered to write me a glowing letter either way, which I appreciated. And he said if I stay, he'd make sure I'm the one who presents the work at the big conference in our field next year. That's exactly the kind of thing I've been dreaming of since I started.

    Why I want to stay (achievement, ego, all of it):

    I've worked five years for this. I've sacrificed a lot, time, money, my mental health at points. The PhD is the thing I set out to do when I was 22. Walking away without it feels like quitting a marathon at mile 24. My parents are immigrants and neither of them finished high school. When I got into this program my dad cried. Being "Dr." matters to them in a way I can't fully explain, and it matters to me too, more than I like to admit. I want to finish what I started. I want to prove to myself that I can.

    The project itself is also genuinely exciting. If it works the way we think it will, it'll be a paper people cite for years. It could make me competitive for faculty positions, which is the dream I came in with. My advisor has said, more than once, that I'm one of the best students he's had. I want to see how far I can take that.

    There's also the recognition part, which I'm a little embarrassed about. I've watched people from my cohort publish in top journals and get invited to give talks. I want that. I want to stand up at a conference and have people know my work.

    Why I want to leave:

    Money, obviously. $145k versus $36k is life-changing for us. We could pay off debt, save, get married, think about a house, start a family in the next couple of years instead of "after postdoc" which could be 35 or 37 for me, and my partner is the same age.

    The academic job market is brutal. Even with a great paper, the odds of getting a tenure-track position are low. Most of my friends who finished are in their second or third postdoc, making $60k, moving every two years. Industry would probably want me anyway, with or without the PhD, though the PhD would help me advance faster and get into leadership roles that require it.

    My mental health. Year 4 was bad. I'm better now, but the grind of academia, the uncertainty, the isolation, it takes a toll. I'm not sure I want another 18 months of it, let alone a postdoc.

    My partner. She's been incredibly supportive, but I can see she's tired. She's never said "take the job," but when I told her about the offer she cried, and I don't think it was sadness.
  `,
  tx`
    What people have said:

    My advisor: "You'd be crazy to leave now. You're so close, and this project could make your career." He's not a bad guy, but he also benefits from me finishing it.

    My parents: "Finish the doctorate. The job will wait. Another job will come." They don't really understand the industry market, but they understand what a PhD means to them.

    My partner: "I'll support whatever you decide." Which, I love her, but that's not helpful.

    My former labmate at the company: "Honestly, nobody here cares about the PhD as much as you think. But you'd probably get promoted faster with it." So, helpful and not helpful.

    A friend who left ABD three years ago: "Best decision I ever made. I don't miss it at all." Another friend who finished after six years: "It was worth it, I'd be kicking myself if I hadn't finished."

    What I'm asking:

    For people who left a PhD late, did you regret it? Did not having the title hold you back?

    For people who finished when they had an offer in hand, was it worth it?

    Is option C a reasonable middle ground or the worst of both worlds?

    I know the sensible answer is probably "take the money." But I keep coming back to the fact that I came here to accomplish something, and I'm so close. I don't want to spend the rest of my life wondering what would have happened if I'd pushed through. At the same time, I don't want to look back at 40 and realize I sacrificed my thirties for a title.

    Thanks for reading this whole thing.

    EDIT: Thank you all, I didn't expect this many replies. I'm going to ask the company whether they'd hold the job for 6 months, which is a variant of C, and have a frank conversation with my advisor about authorship on the big project if I leave before it's done.
  `,
].join('\n\n');

export const longKeeps: AuthoredPost[] = [
  keep('security', 'personalfinance', 'columbus_or_denver_throwaway', 'Long post: big raise in Denver vs. the most stable situation our family has ever had (budget inside)', securityLong, { tags: ['long', 'markdown', 'edit_block'] }),
  keep('benevolence', 'relationship_advice', 'swim_practice_wagon', 'My estranged dad is dying and wants to see me and meet my kids. Go to him or protect the peace I built? (long)', benevolenceLong, { tags: ['long', 'edit_block'] }),
  keep('tradition', 'Judaism', 'look_at_this_table', 'Interfaith marriage, baby on the way: raise our child Jewish like my family always has, or "both" like my wife wants? (long, sorry)', traditionLong, { tags: ['long', 'edit_block'] }),
  keep('achievement', 'careerguidance', 'year_five_phd_fork', 'Finish my PhD (12-18 more months) or take a $145k industry offer now? Very long, sorry', achievementLong, { tags: ['long', 'markdown', 'edit_block'] }),
];
