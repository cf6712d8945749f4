// REJECT (lang): genuine-looking advice posts that are not in English. detail = ISO 639-3.
// All posts invented by the valact authors; usernames are made up.
import { lang, tx, type AuthoredPost } from './lib.ts';

export const nonEnglish: AuthoredPost[] = [
  // --- French ---
  lang('fra', 'france', 'baguette_du_lundi', 'Accepter un CDI à Lyon ou rester en freelance à Paris ?', tx`
    Bonjour à tous, j'ai 31 ans et je suis développeuse freelance à Paris depuis quatre ans. Ça marche plutôt bien, mais les revenus sont irréguliers et je n'ai aucune visibilité sur l'année prochaine.

    On vient de me proposer un CDI dans une boîte à Lyon, salaire correct, télétravail deux jours par semaine, une équipe sympa. Le problème, c'est que toute ma vie est ici : mes amis, mon copain, mon club d'escalade.

    Est-ce que je prends la sécurité du CDI ou est-ce que je garde ma liberté ? Quelqu'un a déjà fait ce choix ? Merci d'avance pour vos conseils.
  `),
  lang('fra', 'relationship_advice', 'coeur_en_vrac', 'Mon copain veut emménager ensemble après 4 mois, je ne sais pas quoi faire', tx`
    Salut, désolée d'écrire en français, mon anglais n'est pas terrible. Je (24F) sors avec mon copain (27M) depuis quatre mois. Tout se passe très bien, il est gentil et attentionné. Son bail se termine en juin et il m'a proposé qu'on prenne un appartement ensemble.

    Mes amies disent que c'est beaucoup trop tôt. Ma mère aussi. Moi j'ai envie, mais j'ai peur de tout gâcher si on va trop vite. En même temps, les loyers sont tellement chers que ça nous aiderait beaucoup financièrement.

    Vous en pensez quoi ? Est-ce que je dis oui ou est-ce que je lui demande d'attendre encore six mois ?
  `),
  lang('fra', 'Advice', 'matelot_perdu', 'Reprendre mes études à 35 ans ou garder mon travail ?', tx`
    J'ai 35 ans, je travaille dans la logistique depuis quinze ans et j'en ai vraiment marre. J'ai toujours voulu devenir infirmier. Il existe une formation de trois ans près de chez moi, mais pendant ce temps je n'aurais presque pas de revenus.

    Ma femme me soutient, mais on a deux enfants et un crédit immobilier. Mes parents trouvent que c'est de la folie de tout recommencer à mon âge.

    Est-ce que quelqu'un ici a changé de carrière aussi tard ? Est-ce que ça valait le coup ? Je dois donner ma réponse à l'école avant la fin du mois.
  `),
  lang('fra', 'AmItheAsshole', 'tonton_grognon', 'Suis-je le connard si je refuse de prêter ma voiture à mon frère ?', tx`
    Mon frère (22 ans) vient d'avoir son permis et veut m'emprunter ma voiture pour partir une semaine en vacances avec ses potes dans le sud. Ma voiture a deux ans, je la paie encore à crédit et l'assurance ne couvre pas les jeunes conducteurs.

    Je lui ai dit non. Ma mère m'a appelé pour me dire que j'étais égoïste et que "la famille, ça s'entraide". Mon frère ne me parle plus depuis trois jours.

    Est-ce que j'ai tort ? Je ne veux pas me fâcher avec ma famille mais je ne veux pas non plus prendre le risque.
  `),
  // --- German ---
  lang('deu', 'de', 'kaffeeklatsch_kevin', 'Jobangebot in München annehmen oder in meiner Heimatstadt bleiben?', tx`
    Hallo zusammen, ich (29) arbeite seit fünf Jahren als Ingenieur in einem mittelständischen Unternehmen in Kassel. Jetzt habe ich ein Angebot aus München bekommen, mit fast 20.000 Euro mehr Gehalt im Jahr und deutlich spannenderen Projekten.

    Das Problem: Meine Eltern werden älter und mein Vater ist seit letztem Jahr gesundheitlich angeschlagen. Außerdem sind die Mieten in München wirklich absurd, ein Teil des Gehaltsplus wäre also sofort wieder weg.

    Hat jemand Erfahrung mit so einer Entscheidung? Soll ich das Angebot annehmen oder lieber bleiben? Ich muss bis Freitag antworten.
  `),
  lang('deu', 'relationship_advice', 'wolke_sieben_weg', 'Freundin will Kinder, ich bin mir nicht sicher – was soll ich tun?', tx`
    Ich (34M) bin seit sechs Jahren mit meiner Freundin (33F) zusammen. Wir lieben uns, wohnen zusammen und eigentlich läuft alles gut. Sie möchte jetzt unbedingt Kinder, am liebsten in den nächsten ein bis zwei Jahren.

    Ich bin mir ehrlich gesagt nicht sicher, ob ich überhaupt Kinder will. Ich habe Angst, dass ich mich zu etwas überreden lasse, das ich später bereue. Gleichzeitig will ich sie nicht verlieren.

    Sollen wir uns trennen, damit sie ihren Wunsch mit jemand anderem erfüllen kann, oder soll ich mir mehr Zeit nehmen und eine Paartherapie vorschlagen?
  `),
  lang('deu', 'BinIchDasArschloch', 'sauerkraut_samurai', 'BIDA, weil ich nicht zur Hochzeit meiner Cousine fahren will?', tx`
    Meine Cousine heiratet im August auf Mallorca. Flug, Hotel und Geschenk würden mich locker 1.200 Euro kosten. Ich bin Studentin und habe gerade einfach nicht das Geld dafür.

    Ich habe ihr abgesagt und angeboten, dass wir nach der Hochzeit zusammen essen gehen und ich ihr ein kleines Geschenk mache. Jetzt ist die halbe Familie sauer auf mich und meine Tante meint, ich hätte eben sparen müssen.

    Bin ich das Arschloch? Oder sollte ich einen Kredit aufnehmen, damit der Familienfrieden gewahrt bleibt?
  `),
  lang('deu', 'Advice', 'bergfex_bernd', 'Studium abbrechen und eine Ausbildung anfangen?', tx`
    Ich studiere im fünften Semester BWL und merke immer mehr, dass mich das überhaupt nicht interessiert. Ich quäle mich durch jede Prüfung. Was mir wirklich Spaß macht, ist Handwerk. Ich habe früher jeden Sommer bei meinem Onkel in der Schreinerei ausgeholfen.

    Meine Eltern sind strikt dagegen, sie sagen, ohne Studium hätte ich keine Zukunft. Mein Onkel würde mich sofort als Azubi nehmen.

    Soll ich das Studium noch durchziehen oder jetzt abbrechen und die Ausbildung machen? Ich bin 23 und habe Angst, Zeit zu verschwenden.
  `),
  // --- Spanish ---
  lang('spa', 'askspain', 'paella_de_los_lunes', '¿Dejo mi trabajo fijo para irme a vivir a Canarias?', tx`
    Hola a todos. Tengo 30 años y trabajo como administrativo en Madrid desde hace seis años. Es un trabajo estable, pero estoy quemadísimo y el invierno aquí se me hace eterno.

    Una amiga me ofrece trabajar en su escuela de surf en Fuerteventura. Ganaría menos y sería un contrato temporal, pero la idea de vivir junto al mar me tiene obsesionado.

    Mis padres dicen que estoy loco por dejar un contrato indefinido. ¿Alguien ha hecho algo parecido? ¿Me arriesgo o me quedo donde estoy?
  `),
  lang('spa', 'relationship_advice', 'corazon_partido_22', 'Mi novio quiere que deje de ver a mi mejor amigo', tx`
    Hola, perdón por escribir en español. Tengo 25 años y llevo dos años con mi novio. Tengo un mejor amigo desde el colegio y mi novio siempre ha tenido celos de él, aunque nunca ha pasado nada entre nosotros.

    Ahora mi novio me ha dicho que o dejo de verlo o lo dejamos. Quiero mucho a mi novio, pero siento que me está pidiendo algo injusto.

    ¿Qué hago? ¿Cedo para salvar la relación o mantengo mi amistad aunque eso signifique terminar con él?
  `),
  lang('spa', 'mexico', 'tlacoyo_feliz', '¿Acepto la beca en el extranjero o me quedo a cuidar a mi mamá?', tx`
    Me acaban de dar una beca para estudiar una maestría en Canadá durante dos años. Es algo con lo que soñaba desde la licenciatura.

    El problema es que mi mamá está sola y el año pasado la operaron del corazón. Mis hermanos viven lejos y no la visitan casi nunca. Ella me dice que me vaya, que no me preocupe, pero yo sé que me necesita.

    No sé qué hacer. ¿Alguien ha pasado por algo así? ¿Aprovecho la oportunidad o me quedo?
  `),
  lang('spa', 'Advice', 'gato_con_botas_91', '¿Compro un piso con mi pareja aunque no estemos casados?', tx`
    Mi pareja y yo llevamos cuatro años juntos y vivimos de alquiler. Hemos encontrado un piso que nos encanta y podríamos comprarlo a medias. Mi padre insiste en que no compre nada con alguien con quien no estoy casada, porque si nos separamos sería un desastre.

    Yo confío en mi pareja, pero también entiendo el miedo de mi padre. Podríamos hacer un contrato ante notario, pero no sé si es suficiente.

    ¿Qué haríais vosotros? ¿Compramos ahora o esperamos?
  `),
  // --- Portuguese ---
  lang('por', 'brasil', 'cafe_com_pao_de_queijo', 'Largo o concurso público para empreender?', tx`
    Pessoal, preciso de conselho. Tenho 33 anos, sou servidor público há oito anos, salário bom e estabilidade total. Mas estou muito infeliz, sinto que estou desperdiçando a vida.

    Eu e um amigo temos um plano para abrir uma cafeteria. Já fizemos as contas e o dinheiro que tenho guardado dá para aguentar uns dezoito meses sem salário.

    Minha esposa tem medo e minha família acha que eu enlouqueci. Vale a pena largar a estabilidade? Alguém aqui já fez isso?
  `),
  lang('por', 'relationship_advice', 'saudade_eterna_pt', 'Devo mudar de país pelo meu namorado?', tx`
    Olá, sou portuguesa e tenho 27 anos. O meu namorado é alemão e conseguiu um emprego em Berlim. Ele quer que eu vá com ele. Estamos juntos há três anos.

    Eu tenho um bom trabalho em Lisboa, a minha família está aqui e não falo alemão. Ao mesmo tempo, não quero uma relação à distância e tenho medo de me arrepender se não for.

    O que fariam no meu lugar? Vou com ele ou fico?
  `),
  lang('por', 'Advice', 'pastel_de_feira', 'Aceito a promoção que exige mudar de cidade?', tx`
    Trabalho numa empresa de logística há cinco anos e me ofereceram uma promoção para gerente regional. O salário quase dobra, mas eu teria que mudar para outra cidade, a seis horas de onde moro.

    Minha filha tem oito anos e está muito feliz na escola. Meu marido pode trabalhar remoto, então isso não seria problema. Mas minha mãe mora perto e ajuda muito com a menina.

    Vocês aceitariam? Estou dividida e preciso responder até segunda.
  `),
  // --- Italian ---
  lang('ita', 'italy', 'cornetto_e_cappuccino', 'Trasferirmi all\'estero per lavoro o restare in Italia?', tx`
    Ciao a tutti, ho 28 anni e sono ingegnere a Torino. Mi hanno offerto un lavoro a Zurigo con uno stipendio quasi tre volte quello che prendo adesso.

    Però qui ho la mia ragazza, la mia famiglia e tutti gli amici. Lei non può trasferirsi subito perché sta finendo la specializzazione. Ho paura di rovinare la relazione e di sentirmi solo.

    Secondo voi devo accettare o restare? Qualcuno ha fatto una scelta simile?
  `),
  lang('ita', 'relationship_advice', 'gelato_al_limone', 'Devo dire alla mia migliore amica che il suo ragazzo ci ha provato con me?', tx`
    Scusate se scrivo in italiano. Sabato scorso a una festa il ragazzo della mia migliore amica ci ha provato con me in modo molto esplicito. Io l'ho respinto subito. Lei non sa niente.

    Stanno insieme da tre anni e stanno pensando di andare a vivere insieme. Se glielo dico ho paura che non mi creda e che perda la sua amicizia. Se non glielo dico mi sento una traditrice.

    Cosa fareste voi? Glielo dico o sto zitta?
  `),
  lang('ita', 'Advice', 'nonna_peppina_fan', 'Lasciare l\'università per lavorare nel ristorante di famiglia?', tx`
    Ho 21 anni e studio giurisprudenza. I miei genitori hanno un ristorante da trent'anni e mio padre ha appena avuto un infarto. Mia madre da sola non ce la fa.

    Potrei sospendere gli studi per un anno e aiutarli, ma ho paura di non riprendere più. I miei professori dicono che sarebbe un peccato, perché vado bene.

    Mi sento in colpa in entrambi i casi. Che cosa fareste al mio posto?
  `),
  // --- Dutch ---
  lang('nld', 'thenetherlands', 'stroopwafel_sander', 'Vaste baan opzeggen om een wereldreis te maken?', tx`
    Hoi allemaal, ik ben 29 en werk al zes jaar bij een verzekeraar in Utrecht. Vast contract, goed salaris, maar ik verveel me kapot. Ik heb altijd een wereldreis willen maken.

    Ik heb ongeveer 25.000 euro gespaard. Mijn werkgever wil geen onbetaald verlof geven, dus ik zou moeten opzeggen. Mijn ouders vinden het onverstandig met de huidige woningmarkt.

    Moet ik het gewoon doen of ben ik naïef? Wie heeft dit gedaan en had er spijt van?
  `),
  lang('nld', 'relationship_advice', 'fietsbel_femke', 'Mijn vriend wil naar het buitenland verhuizen, ik niet', tx`
    Mijn vriend (31) heeft een baan aangeboden gekregen in Kopenhagen. Hij wil heel graag gaan en vraagt of ik meekom. Ik (29) heb net een huis gekocht in Amersfoort en een baan waar ik heel blij mee ben.

    We zijn vier jaar samen. Een lange-afstandsrelatie zie ik eigenlijk niet zitten, maar ik wil ook niet dat hij deze kans misloopt door mij.

    Wat zouden jullie doen? Meegaan, hem laten gaan, of proberen het op afstand?
  `),
  // --- Polish ---
  lang('pol', 'Polska', 'pierogi_z_serem', 'Wyjechać za granicę czy zostać z rodziną?', tx`
    Cześć, mam 26 lat i pracuję jako księgowa w Krakowie. Dostałam propozycję pracy w Dublinie, zarobki są dużo wyższe niż tutaj, a firma pomaga w przeprowadzce.

    Problem w tym, że moja babcia jest chora i mieszka z moimi rodzicami, a ja często im pomagam. Mama mówi, żebym jechała, ale widzę, że jest jej ciężko.

    Co byście zrobili na moim miejscu? Czy warto wyjechać, czy lepiej zostać?
  `),
  lang('pol', 'Advice', 'bigos_wieczorny', 'Rzucić studia i iść do pracy?', tx`
    Jestem na drugim roku informatyki i szczerze mówiąc studia mnie męczą. W wakacje dostałem staż w firmie programistycznej i zaproponowali mi stałą pracę na pełen etat.

    Rodzice chcą, żebym skończył studia, bo uważają, że bez dyplomu nic nie osiągnę. Ja myślę, że doświadczenie jest ważniejsze, ale boję się, że kiedyś będę żałował.

    Czy ktoś był w podobnej sytuacji? Co zrobić?
  `),
  // --- Turkish ---
  lang('tur', 'Turkey', 'simit_ve_cay', 'Yurt dışındaki iş teklifini kabul etmeli miyim?', tx`
    Merhaba arkadaşlar, 30 yaşındayım ve İstanbul'da yazılım mühendisi olarak çalışıyorum. Almanya'dan iyi bir iş teklifi aldım, maaş buradakinin neredeyse üç katı.

    Ama annem ve babam yaşlı, tek çocuğum ve onları burada yalnız bırakmaktan korkuyorum. Kız arkadaşım da gelmek istemiyor, işini bırakamayacağını söylüyor.

    Türkiye'deki işimi de seviyorum, ekibim çok iyi ama maaşım enflasyon yüzünden her yıl eriyor. Sizce ne yapmalıyım? Teklifi kabul edip gitmeli miyim yoksa burada mı kalmalıyım?
  `),
  // --- Swedish ---
  lang('swe', 'sweden', 'kanelbulle_kalle', 'Ska jag ta jobbet i Stockholm eller stanna i Umeå?', tx`
    Hej! Jag är 27 och jobbar som sjuksköterska i Umeå. Jag har fått ett erbjudande från ett sjukhus i Stockholm med högre lön och möjlighet att specialisera mig inom intensivvård.

    Men hela min familj bor här uppe, och min sambo trivs väldigt bra på sitt jobb. Bostadsmarknaden i Stockholm skrämmer mig också, vi skulle förmodligen få hyra i andra hand i flera år.

    Vad skulle ni göra? Är det värt att flytta för karriären?
  `),
  lang('fra', 'AmItheAsshole', 'croissant_colere', 'SJLC si je refuse de garder les enfants de ma sœur tous les mercredis ?', tx`
    Ma sœur (36 ans) a repris le travail et m'a demandé de garder ses deux enfants tous les mercredis après-midi. Je travaille à domicile et elle pense que ça ne me dérange pas vraiment puisque "je suis à la maison de toute façon".

    Sauf que je travaille vraiment, et le mercredi est justement le jour où j'ai le plus de réunions. Je lui ai proposé de les prendre un mercredi sur deux, elle l'a très mal pris et ma mère est de son côté.

    Est-ce que je suis égoïste ? Je dois accepter pour préserver la famille ou tenir bon ?
  `),
  lang('spa', 'Advice', 'mate_y_facturas', '¿Me mudo con mis suegros para ahorrar o seguimos alquilando?', tx`
    Mi esposo y yo tenemos 29 años y pagamos un alquiler carísimo en Buenos Aires. Mis suegros nos ofrecieron vivir con ellos durante dos años para poder ahorrar para comprar algo propio.

    Ellos son muy buenos, pero mi suegra es bastante controladora y tengo miedo de que la convivencia arruine la relación con ellos y con mi marido. Él quiere aceptar sí o sí.

    ¿Alguien vivió con sus suegros? ¿Vale la pena el ahorro o es mejor seguir alquilando aunque nos cueste?
  `),
  lang('deu', 'personalfinance', 'sparschwein_susi', 'ETF-Sparplan erhöhen oder Kredit schneller tilgen?', tx`
    Hallo, ich (32) habe noch einen Autokredit über 9.000 Euro mit 4,9 % Zinsen. Monatlich bleiben mir nach allen Ausgaben etwa 600 Euro übrig. Momentan spare ich 300 Euro in einen ETF und zahle den Kredit mit der normalen Rate ab.

    Mein Kollege meint, ich solle alles in den ETF stecken, weil die Rendite langfristig höher ist. Mein Vater sagt, Schulden immer zuerst. Ich weiß nicht, was sinnvoller ist.

    Was würdet ihr an meiner Stelle machen?
  `),
];
