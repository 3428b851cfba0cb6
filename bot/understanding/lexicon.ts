/**
 * Cue words for each topic, in every shipped language and in the mixed Finnish-and-other
 * language people actually type. A cue matches the start of a word ("tyomarkkinatu" finds
 * "työmarkkinatukea"), a cue starting with "=" only a whole word, and an Arabic-script cue
 * anywhere (prefixes attach to words). Weights: 1 for a word that points to the topic, 2–3 for
 * one that alone names it. Written from how jobseekers ask, tuned only on the tuning part of
 * test/knowledge/understanding.
 */

/** A cue, its weight, and optionally the only locales it counts in (a word that means something else in another language). */
export type Cue = string | readonly [string, number] | readonly [string, number, readonly string[]];

/** Words that mean the pilot itself; many topics mention it, so alone they weigh little. */
export const PILOT_WORDS: readonly string[] = [
  'kuntakokeilu', 'kokeilu', 'tyollisyyskokeilu', 'tyollisyyden kuntakokeilu', 'pilot', 'trial', 'experiment', 'scheme', 'forsok', 'sysselsattningsforsok', 'kommunforsok',
  'пилот', 'эксперимент', 'проект', 'пілот', 'експеримент', 'проєкт', 'katse', 'piloot', 'تجربه', 'التجربه', 'مشروع', 'tijaab', 'mashruuc', 'ازمایش', 'طرح', 'پایلوت', 'پروژه',
  // The Finnish name written in Cyrillic or Arabic script, as it is heard.
  'кунтакокейл', 'кунтакокеил', 'кунта кокейл', 'کونتاکوکیل', 'کونتا کوکیل', 'کونتاکوکئیل', 'کوکیلو', 'کوکئیلو', 'barnaamijka degmad', 'barnaamij degmad', 'barnaamijkaas degmad', 'кокейл', 'кокеил',
];

export const TOPIC_CUES: Record<string, readonly Cue[]> = {
  pilot: [
    // What it was, its point or aim.
    ['tarkoitus', 1.2], ['mista oli kyse', 1.5], ['mika idea', 1.5], ['=kerro', 0.8], ['point of', 1], ['purpose', 1.2], ['=aim', 1], ['=goal', 1], ['poang', 1], ['syfte', 1.2],
    ['смысл', 1.2], ['цель', 1.2], ['сенс', 1.2], ['мета', 1.2], ['eesmark', 1.2], ['mis asi', 1], ['الهدف', 1.2], ['شو القصه', 1.5], ['القصه', 1], ['قضیه', 1.5], ['ujeedad', 1.2], ['maxay ahayd', 1],
    ['tahendas', 0.8], ['mida tahendab', 0.8], ['miksi', 0.6], ['why', 0.6], ['varfor', 0.6], ['почему', 0.6], ['чому', 0.6], ['miks', 0.6], ['لیش', 0.6], ['چرا', 0.6], ['sababta', 0.6], ['siirrettiin kuntaan', 1.5], ['moved to the municipality', 1.5],
    ['mika oli', 0.6], ['mita tarkoitti', 0.8], ['mita taa', 0.6], ['mika juttu', 0.8], ['tarkott', 0.6], ['what was', 0.6], ['what exactly', 0.6], ['explain', 0.8], ['tell me about', 0.8],
    ['vad handlade', 0.8], ['vad var', 0.6], ['forklara', 0.8], ['что такое', 0.6], ['что за', 0.6], ['объясни', 0.8], ['що таке', 0.6], ['що за', 0.6], ['поясни', 0.8],
    ['mis oli', 0.6], ['mis on', 0.4], ['selgita', 0.8], ['ما معنی', 0.8], ['اشرح', 0.8], ['شو هو', 0.4], ['چیست', 0.4], ['توضیح', 0.8], ['یعنی چه', 0.8], ['micnaheedu', 0.8],
    ['what was that about', 1.2], ['va handla det om', 1.2], ['vad handlade det om', 1.2], ['о чем это было', 1.2], ['що це було', 1.2], ['mis see oli', 1.2],
    ['sharax', 0.8], ['simple words', 0.6], ['simply', 0.4], ['простыми словами', 0.8], ['простими словами', 0.8], ['si fudud', 0.6], ['بکلام بسیط', 0.8], ['به زبان ساده', 0.8],
    ['mihin mut siirrettiin', 1], ['siirrettiin', 0.6], ['moved me', 0.6], ['towns ran', 0.6],
  ],
  'target-groups': [
    // "Who did it concern / cover", "who was moved".
    ['vilka var med', 2.5], ['vilka var det da som var med', 2.5], ['who was actually in', 2.5], ['who was in it', 2.5], ['who was accepted', 2], ['kes sinna kuulusid', 2.5], ['kes kuulusid', 2.5], ['keita siina oli', 2.5], ['ketka siihen kuului', 2.5],
    ['кто туда входил', 2.5], ['кто входил', 2], ['хто туди входив', 2.5], ['хто входив', 2], ['چه کسانی', 2], ['kuwa ku jiray', 2], ['من کان داخل', 2],
    ['on what basis', 2], ['what basis', 1.5], ['how were people chosen', 2], ['milla perusteella', 2], ['pa vilka grunder', 2], ['по какому принципу', 2], ['по какому критерию', 2], ['за яким принципом', 2], ['mille alusel', 2], ['بر چه اساسی', 2], ['على ای اساس', 2], ['sidee loo doortay', 2],
    ['keta koski', 2], ['keta se koski', 2], ['kuuluivat', 1.2], ['koskiko kaikkia', 2], ['kaikkia tyottomia', 2], ['vai vaan osaa', 2], ['ketka olivat', 1.5], ['kenet siirrettiin', 2],
    ['who was covered', 2], ['covered', 1], ['who did it cover', 2], ['who did it apply to', 2], ['which people', 1.5], ['what kind of people', 1.5], ['for whom', 2],
    ['vilka omfattades', 2], ['omfattade', 1.2], ['vem var det for', 2], ['vilka gallde det', 2], ['for vem', 2],
    ['кого касал', 2], ['кого коснул', 2], ['на кого распростран', 2], ['кто входил', 1.5], ['кто попал', 1.5], ['для каких', 1.5], ['каких людей', 1.5],
    ['кого стосува', 2], ['кого торкн', 2], ['хто входив', 1.5], ['хто потрапив', 1.5], ['для яких', 1.5], ['яких людей', 1.5],
    ['keda puudut', 2], ['kelle jaoks', 2], ['kes kuulusid', 2], ['kes koik', 1.5], ['kes arvati', 2], ['sinna arvati', 2], ['milliseid inimesi', 1.5],
    ['لمین', 1.5], ['مین اللی', 1.2], ['تشمل', 1.2], ['شملت', 1.5], ['المشمول', 2],
    ['برای کی بود', 2], ['کسایی', 1.5], ['برای کی', 1.2], ['شامل چه کسانی', 2], ['چه کسانی', 1.5], ['شامل کی', 2],
    ['yaa loo', 1.5], ['yaa ay khuseys', 2], ['yay khusaysay', 2], ['dadkee', 1.5],
    ['keta varten', 1.5], ['kenen', 1], ['mitka ihmiset', 1.5], ['ketka', 1], ['siirtyi kunnalle', 1.5], ['koiki tootuid', 1.5], ['ainult osa', 1.5], ['kes olid', 1], ['тільки деяких', 1.5], ['лише деяких', 1.5], ['همه بیکار', 1.5], ['فقط بعضی', 1.5], ['مشتری', 1.2], ['کیا بودن', 1], ['kuka kuului', 1.5], ['who belonged', 1.5], ['who was included', 1.5],
    // Why some went to the municipality and others stayed with the TE office.
    ['without exception', 1.5], ['ilman poikkeusta', 1.5], ['ihan jokaista', 1.5], ['jokaista tyotonta', 2], ['utan undantag', 1.5], ['без исключени', 1.5], ['без винятк', 1.5], ['eranditult', 1.5], ['بدون استثن', 1.5], ['بلا استثن', 1.5], ['aan laga reebin', 1.5],
    ['jai te', 2], ['jaivat te', 2], ['stayed with the te', 2], ['stayed at the te', 2], ['which stayed', 1.5], ['stannade kvar', 1.5], ['остались в te', 2], ['остались в те', 2], ['залишились у te', 2], ['jaid te', 2], ['ماندن te', 2],
    ['automaattisesti', 1], ['automatically', 1], ['automatiskt', 1], ['автоматически', 1], ['автоматично', 1], ['automaatselt', 1], ['تلقاییا', 1], ['خودکار', 1], ['si toos ah', 1],
    'keille', 'kenelle', 'keita koski', 'mitka ryhmat', 'kohderyhm', 'ketka', ['siirty kunnan asiakkaaksi', 2], 'who was it for', 'who were the customers', 'customers of', 'target group',
    'all unemployed', 'just some', 'only some', 'vilka var kunder', 'gallde det alla', 'bara vissa', 'malgrupp', 'для кого', 'кто были', 'клиентами', 'всех безработных', 'только некоторых',
    'цільов', 'хто були', 'клієнтами', 'всіх безробітних', 'лише деяких', 'sihtruhm', 'kellele', 'koik tootud', 'kliendid', 'لکل العاطلین', 'لبعضهم', 'عملاء', 'الفیات', 'لمن کانت',
    'برای چه کسانی', 'گروه هدف', 'همه بیکاران', 'مشتریان', 'yaa ahaa', 'dhammaan shaqo', 'qaar kaliya', 'macaamiisha', 'kaikki tyottomat', 'vai vain osa', 'koskiko kaikkia', 'asiakkaita',
  ],
  'under-30': [
    ['nuor', 1], ['=ung', 1], ['جوون', 1], ['=شاب', 1],
    ['alle 30', 2], ['under 30', 2], ['kolkyt', 1.5], ['=30', 1.2], ['30v', 1.2], ['kolmekymp', 1.5], ['thirty', 1.5], ['trettio', 1.5], ['тридцат', 1.5], ['тридцят', 1.5], ['kolmkumne', 1.5], ['الثلاثین', 1.5], ['soddon', 1.5], ['=سی', 1.2],
    'nuori', 'nuoret', 'nuoria', 'young', 'youth', 'unga', 'ungdom', 'молод', 'noor', 'noored', 'شباب', 'الشباب', 'جوان', 'dhalinyar', 'nuorille',
  ],
  immigrants: [
    // Another mother tongue, another country.
    ['aidinkiel', 1.5], ['mother tongue', 2], ['native language', 2], ['first language', 1.5], ['foreign speakers', 2], ['foreign language', 2], ['modersmal', 2], ['frammandesprakig', 2],
    ['родной язык', 2], ['иноязычн', 2], ['рідна мова', 2], ['іншомовн', 2], ['переїха', 1.5], ['emakeel', 2], ['muukeel', 2], ['voorkeel', 2], ['لغتی الام', 2], ['اللغه الام', 2], ['زبان مادری', 2], ['afka hooyo', 2], ['luqadayda hooyo', 2], ['luqad kale', 1.5],
    ['toisesta maasta', 2], ['another country', 2], ['annat land', 2], ['другой страны', 2], ['іншої країни', 2], ['teisest riigist', 2], ['بلد ثانی', 2], ['بلد اخر', 2], ['کشور دیگه', 2], ['کشور دیگر', 2], ['dal kale', 2],
    ['انتقلت الی هنا', 1.5], ['اومدم اینجا', 1.5],
    ['maahanmuuttaj', 2], ['ulkomaalai', 2], ['vieraskiel', 2], ['immigrant', 2], ['foreigner', 2], ['foreign', 1], ['invandrare', 2], ['utlanning', 2], ['иммигрант', 2], ['иностран', 2],
    ['іммігрант', 2], ['іноземц', 2], ['sisserandaja', 2], ['valismaala', 2], ['مهاجر', 2], ['الاجانب', 2], ['اجنبی', 2], ['muhaajir', 2], ['ajaanib', 2], ['خارجی', 2], ['مهاجران', 1],
    ['muutin suomeen', 1.5], ['moved here', 1.5], ['moved to finland', 1.5], ['flyttade hit', 1.5], ['переехал', 1.5], ['переїхал', 1.5], ['kolisin', 1.5], ['soo guuray', 1.5], ['امدم', 1],
    ['koskeeko tama minua', 1], ['apply to me', 1], ['does this apply', 1],
    // Described, not named: the language spoken at home, "people like me", coming from abroad.
    ['puhun kotona', 1.5], ['kotikieli', 1.5], ['minunlaisil', 1.5], ['kaltaisill', 1.2], ['ulkomailta', 2], ['tulivat muualta', 2], ['tulin muualta', 2], ['maahan muutt', 2], ['ei puhu suomea', 1.5], ['en puhu suomea', 1.5],
    ['speak arabic', 1.5], ['at home i speak', 1.5], ['people like me', 1.5], ['from abroad', 2], ['non finnish speaking', 2], ['non-finnish', 2], ['dont speak finnish', 1.5],
    ['pratar arabiska', 1.5], ['hemma pratar', 1.5], ['sadana som mig', 1.5], ['folk som mig', 1.5], ['fran utlandet', 2], ['flytta hit', 1.5], ['inte finskspråkig', 2], ['icke finsksprakig', 2],
    ['дома говорю', 1.5], ['таких как я', 1.5], ['из-за границы', 2], ['из за границы', 2], ['не говорю по-фински', 1.5], ['не говорю по фински', 1.5], ['вдома говорю', 1.5], ['таких як я', 1.5], ['таких людей як я', 1.5], ['з-за кордону', 2], ['з за кордону', 2],
    ['kodus raagin', 1.5], ['raagin kodus', 1.5], ['minusugust', 1.5], ['valismaalt', 2], ['ei raagi soome', 1.5],
    ['بالبیت', 1], ['لناس متلی', 1.5], ['ناس مثلی', 1.5], ['من الخارج', 2], ['ما بیحکوا فنلندی', 2], ['ما بحکی فنلندی', 1.5],
    ['تو خونه', 1], ['مثل من', 1.5], ['از خارج', 2], ['فنلاندی بلد نیستم', 1.5],
    ['guriga af', 1.5], ['sidayada oo kale', 1.5], ['dibadda ka yimid', 2], ['dibadda', 1.2], ['aan af finnish ku hadlin', 2],
    // Whether one must speak Finnish, an interpreter, having come as a refugee.
    ['puhun vaan', 1], ['puhun vain', 1], ['puhun englantia', 1.5], ['only speak english', 1.5], ['mostly speak', 1.5], ['pratar bara engelska', 1.5], ['говорю только по-английски', 1.5], ['говорю только на английском', 1.5], ['розмовляю лише англійською', 1.5], ['raagin ainult inglise', 1.5],
    ['tulin suomeen', 1.5], ['tulin tanne', 1.2], ['came to finland', 1.5], ['came here', 1.2], ['kom till finland', 1.5], ['kom hit', 1.2], ['приехал в финляндию', 1.5], ['приехала в финляндию', 1.5], ['приїхав до фінляндії', 1.5], ['приїхала до фінляндії', 1.5],
    ['tulin soome', 1.5], ['وصلت فنلندا', 1.5], ['جیت علی فنلندا', 1.5], ['اومدم فنلاند', 1.5], ['امدم فنلاند', 1.5], ['imid finland', 1.5], ['yimid finland', 1.5], ['іноземк', 2], ['іноземн', 1.5],
    ['osata suomea', 2], ['osaa suomea', 2], ['tulkk', 2], ['tulkin', 2], ['pakolai', 2], ['kantasuomalai', 2], ['meikalaiset', 1],
    ['speak finnish', 1.5], ['know finnish', 1.5], ['interpreter', 2], ['refugee', 2], ['native finns', 2], ['people like us', 1.5],
    ['prata finska', 1.5], ['kunna finska', 1.5], ['tolk', 2], ['flykting', 2], ['говорить по-фински', 1.5], ['знать финский', 1.5], ['переводчик', 2], ['беженц', 2], ['знати фінськ', 1.5], ['перекладач', 2], ['біженц', 2],
    ['soome keelt', 1.5], ['pagula', 2], ['مترجم', 2], ['لاجی', 2], ['پناهنده', 2], ['turjubaan', 2], ['qaxooti', 2],
  ],
  benefits: [
    ['mun tuen', 1.2], ['minun tuen', 1.2], ['mun tuet', 1.2], ['my benefit', 1.2], ['mitt stod', 1.2], ['mitt bidrag', 1.2], ['мое пособие', 1.2], ['моё пособие', 1.2], ['моя допомога', 1.2], ['minu toetus', 1.2], ['lacagtee', 2], ['lacag ayaan heli', 2], ['maxaan lacag', 2], ['lacag noocee', 2],
    ['кто мне платит', 2], ['хто мені платить', 2], ['деньги', 1], ['гроші', 1], ['مصاری', 1.5], ['فلوس', 1.5], ['=پول', 1.2], ['raha', 1], ['pengar', 1],
    ['tuen', 0.6], ['tootushuvit', 2], ['huvitist', 1.5], ['مستمری', 1.5], ['بیمه بیکاری', 2], ['ضمان', 1], 
    ['mika ero', 1], ['difference between', 1], ['skillnad', 1], ['разница', 1], ['різниця', 1], ['mis vahe', 1], ['فرق', 1], ['تفاوت', 1], ['farqi', 1],
    ['=kela', 1.5], ['kelalta', 1.5], ['kelasta', 1.5], ['kelast', 1.5], ['кела', 1.5], ['=stod', 1], ['stodet', 1], ['tootutoetus', 2], ['tukeni', 1], ['minun tuki', 1.2], ['mun tuki', 1.2], ['kassa', 1.2], ['kassasta', 1.5], ['tyomarkkinatu', 1.5], ['peruspaivarah', 2], ['ansiosidonnai', 2], ['ansiopaivarah', 2], ['paivarah', 1.5],
    ['tyottomyysturv', 2], ['tyottomyysetu', 2], ['tyottomyysrah', 2], ['paljonko', 1], ['rahaa', 1], ['=tuki', 0.6], ['etuu', 1.2], ['benefit', 1.5], ['allowance', 1.5], ['subsidy', 1], ['who pays', 1.5],
    ['how much', 1], ['money', 1], ['the fund', 1.2], ['fund', 0.8], ['=fpa', 1.5], ['fpas', 0.5], ['kassan', 1.2], ['arbetsloshetsersattning', 2], ['arbetsmarknadsstod', 2], ['dagpenning', 2], ['formaner', 1],
    ['formanen', 1], ['ersattning', 1.5], ['vem betalar', 1.5], ['hur mycket', 1], ['пособи', 1.5], ['выплат', 1], ['сколько составляет', 1.5], ['сколько', 0.6], ['касс', 1.2], ['кто платит', 1.5],
    ['допомог', 1.2], ['скільки', 0.6], ['хто платить', 1.5], ['=каса', 1.2], ['=касу', 1.2], ['=каси', 1.2], ['toetus', 1.2], ['huvitis', 1.5], ['kui palju', 1], ['kes maksab', 1.5], ['tootuskassa', 1.5], ['اعانه', 1.5],
    ['الصندوق', 1.2], ['قدیش', 0.8], ['مین بیدفع', 1.5], ['من یدفع', 1.5], ['مزایا', 1.5], ['کمک هزینه', 1.5], ['حقوق بیکاری', 2], ['صندوق', 1], ['چقدر', 0.8], ['کی پرداخت', 1.5], ['gunnad', 1.5],
    ['gunno', 1.5], ['lacag', 1], ['sanduuq', 1.2], ['imisa', 0.6], ['yaa bixiya', 1.5], ['unemployment money', 1.5], ['unemployment benefit', 1],
  ],
  dates: [
    ['what month', 2], ['which month', 2], ['mika kuukausi', 2], ['minka kuun', 2], ['vilken manad', 2], ['какой месяц', 2], ['в каком месяце', 2], ['який місяць', 2], ['в якому місяці', 2], ['mis kuul', 2], ['چه ماهی', 2], ['ای شهر', 1.5], ['bishee', 2],
    ['=koska', 1], ['شروع', 1], ['کی شروع', 1.5], ['بدا', 0.8], ['ایمتی', 1.5], ['امتی', 1.5], ['لسا', 1.5], ['شغال', 0.6], ['still running', 1.5], ['still going', 1.5], ['еще идет', 1.5], ['ще триває', 1.5], ['vielako', 1.2], ['fortfarande', 1], ['ikka veel', 1.2], ['هنوز', 1.2], ['weli', 1], ['بلشت', 1],
    ['تموم', 1], ['کی تموم', 1.5], ['lopp', 0.6],
    ['which year', 1.5], ['what year', 1.5], ['end date', 2.5], ['start date', 2.5], ['wrap up', 1], ['mista paivasta', 1.5], ['mika vuosi', 1.5], ['mina vuonna', 1.5], ['vilket datum', 1.5], ['vilket ar', 1.5],
    ['в каком году', 1.5], ['какого числа', 1.5], ['в якому році', 1.5], ['якого числа', 1.5], ['mis aastal', 1.5], ['کدوم سال', 1.5], ['چه سالی', 1.5], ['چه تاریخی', 1.5], ['ای سنه', 1.5], ['بای سنه', 1.5], ['sanadkee', 1.5],
    ['milloin', 1.5], ['kauanko', 1.5], ['loppu', 1], ['alko', 1], ['kesti', 1.2], ['=when', 1.5], ['how long', 1.5], ['end', 0.6], ['last', 0.6], ['=nar', 1.5], ['hur lange', 1.5], ['slut', 0.8],
    ['holl', 0.6], ['когда', 1.5], ['сколько длил', 1.5], ['закончил', 1], ['коли', 1.5], ['скільки трива', 1.5], ['закінчи', 1], ['millal', 1.5], ['kui kaua', 1.5], ['loppes', 1], ['kestis', 1],
    ['متی', 1.5], ['انتهت', 1], ['استمرت', 1.2], ['کی تمام', 1.5], ['چه زمانی', 1.5], ['تمام شد', 1], ['چقدر طول', 1.5], ['goorma', 1.5], ['dhammaatay', 1], ['intee', 1], ['socotay', 1.2], ['2021', 0.5], ['2024', 0.5], ['طولت', 1.5], ['قدیش طول', 1.5],
    // Extended beyond the first end date.
    ['jatkettiin', 2], ['jatkettiinko', 2], ['jatkettiinks', 2], ['pidennettiin', 2], ['extended', 2], ['extension', 1.5], ['forlangdes', 2], ['forlangt', 2], ['продлили', 2], ['продлен', 2], ['продлев', 2], ['продовжува', 2], ['продовжили', 2], ['продовжен', 2],
    ['pikendati', 2], ['pikendus', 1.5], ['مددو', 2], ['تمدید', 2], ['la kordhiyay', 2], ['kordhiyeen', 2],
  ],
  'after-pilot': [
    ['2024 jalkeen', 2], ['after 2024', 2], ['efter 2024', 2], ['после 2024', 2], ['після 2024', 2], ['parast 2024', 2], ['بعد 2024', 2], ['بعد از 2024', 2], ['2024 kadib', 2], ['mita kokeilun jalkeen', 1],
    ['kokeilun jalkeen', 1.5], ['nyt kun', 1], ['=after', 0.8], ['now that', 1], ['over now', 1], ['efter forsoket', 1.5], ['после', 0.8], ['після', 0.8], ['parast', 0.8], ['بعد انتهاء', 1.5],
    ['پس از', 0.8], ['kadib', 0.8], ['tyollisyysalue', 1.2], ['tyollisyys alue', 1.2], ['employment area', 1.2], ['sysselsattningsomrade', 1.2], ['область занят', 1.2], ['область зайнят', 1.2], ['tooh', 0.8],
    ['منطقه التوظیف', 1.2], ['منطقه اشتغال', 1.2], ['aagga shaqada', 1.2], ['te24', 2], ['2025', 0.8],
    // Who is in charge now that the TE services moved to the municipalities.
    ['which employment area', 2], ['mika tyollisyysalue', 2], ['mihin tyollisyysalueeseen', 2], ['vilket sysselsattningsomrade', 2], ['какая область занятости', 2], ['к какой области занятости', 2], ['яка зона зайнятості', 2], ['до якої зони зайнятості', 2],
    ['siirty kuntiin', 2], ['siirtyivat kuntiin', 2], ['moved to the municipalities', 2], ['moved to municipalities', 2], ['flyttat till kommunerna', 2], ['flyttade till kommunerna', 2], ['перешли к муниципалитетам', 2], ['перейшли до громад', 2],
    ['laksid valdadele', 2], ['انتقلت للبلدیات', 2], ['رفته زیر شهرداری', 2], ['loo wareejiyay kuntada', 2], ['зона зайнятості', 1.2], ['зоны занятости', 1.2],
    ['nyt vastuussa', 2], ['kuka vastaa nyt', 2], ['mihin kuulun nyt', 2], ['tasta lahtien', 1], ['nykyaan', 0.8], ['enaa', 0.6],
    ['responsible now', 2], ['in charge now', 2], ['who do i turn to now', 2], ['which one am i in', 1.5], ['nowadays', 0.8], ['these days', 0.8], ['anymore', 0.8],
    ['ansvarar nu', 2], ['vart vander jag mig nu', 2], ['numera', 0.8], ['nu nar', 1], ['langre', 0.6],
    ['теперь', 0.6], ['сейчас отвечает', 2], ['куда обращаться теперь', 2], ['тепер', 0.6], ['зараз відповідає', 2], ['куди звертатися тепер', 2],
    ['nuud', 0.8], ['kes nuud vastutab', 2], ['هلق', 0.8], ['لسا مسوول', 2], ['حالا که', 1], ['الان مسئول', 2], ['hadda', 0.8], ['weli mas', 1.5],
  ],
  municipalities: [
    ['mitka kunnat', 2], ['kunnat', 1.2], ['kunta', 0.6], ['municipalit', 1.2], ['which towns', 1.5], ['which cities', 1.5], ['kommuner', 1.2], ['kommunen', 0.6], ['муниципалитет', 1.2],
    ['какие города', 1.5], ['муніципалітет', 1.2], ['які міста', 1.5], ['omavalitsus', 1.2], ['البلدیات', 1.2], ['بلدیه', 1], ['شهرها', 1.2], ['شهرداری', 0.6], ['degmooyin', 1.2], ['degmo', 0.6],
  ],
  coach: [
    // The one person who helps: whatever the person calls them.
    ['ohjaaja', 1.5], ['yhteyshenkilo', 2], ['oma henkilo', 2], ['oman henkilon', 2], ['oman ihmisen', 2], ['joka auttaa', 1.2], ['kuka auttaa', 1.5], ['asiantuntija', 1],
    // One named, personal person: "oma ihminen", "a named person for everything", "личный человек", "qof u gaar ah".
    ['oma ihminen', 2], ['henkilokohtai', 1.2], ['named person', 2], ['one named person', 2.5], ['personal person', 2], ['egen person', 2], ['en egen person', 2], ['личного человека', 2], ['личный человек', 2], ['особистий куратор', 2], ['особиста людина', 2],
    ['куратор', 1.5], ['oma inimene', 2], ['isiklik inimene', 2], ['qof u gaar ah', 2], ['hal qof', 1.5], ['شخص خاص', 2], ['یه نفر مخصوص', 2], ['آدم مخصوص', 2],
    ['contact person', 2], ['one person', 1.5], ['my own person', 2], ['adviser', 1.5], ['advisor', 1.5], ['counsellor', 1.5], ['counselor', 1.5], ['case worker', 2], ['caseworker', 2], ['mentor', 1.5], ['someone who helps', 1.5], ['who helps me', 1.2], ['someone', 0.6], ['personally', 0.8],
    ['kontaktperson', 2], ['en person', 1.2], ['handledare', 1.5], ['radgivare', 1.5], ['hjalper mig', 1],
    ['консультант', 1.5], ['куратор', 1.5], ['один человек', 1.5], ['контактн', 1.5], ['который помогает', 1.2], ['кто мне помогает', 1.5], ['кто будет помогать', 1.5],
    ['одна людина', 1.5], ['яка допомагає', 1.2], ['хто мені допомагає', 1.5], ['хто допомагатиме', 1.5],
    ['noustaja', 1.5], ['kontaktisik', 2], ['uhe inimese', 1.5], ['uks inimene', 1.5], ['kes aitab', 1.2], ['juhendaja', 1.5],
    ['شخص واحد', 1.5], ['مستشار', 1.5], ['مرشد', 1.5], ['مسوول', 1.5], ['ملفی', 0.6], ['مسوول عن ملفی', 2], ['مسیول پرونده', 2], ['masuul ka ah', 1.5], ['یساعدنی', 1], ['حدا یساعد', 1.5],
    ['یه نفر', 1.5], ['یک نفر', 1.5], ['مشاور', 1.5], ['کمکم', 1], ['مسئول پرونده', 2],
    ['hal qof', 1.5], ['la taliye', 1.5], ['la taliyah', 1.5], ['i caawiya', 1.2], ['caawiye', 1.5], ['qof gaar', 1.5],
    ['maxaan helayaa', 2], ['mita saan', 1.5], ['what do i get', 1.5], ['what did customers get', 1.5], ['vad far jag', 1.5], ['что я получу', 1.5], ['що я отримаю', 1.5], ['mida ma saan', 1.5], ['ماذا احصل', 1.5], ['شو باخد', 1.5], ['چه چیزی میگیرم', 1.5],
    ['valmentaja', 1.5], ['oma valmentaja', 2], ['valmentajan', 1], ['coach', 1.5], ['oma coach', 2], ['personal coach', 2], ['personlig coach', 2], ['коуч', 1.5], ['наставник', 1.5], ['тренер', 1],
    ['coachi', 1], ['مدرب', 1.5], ['مربی', 1.5], ['tababar', 1.5], ['mita se tekee', 1], ['mita se mulle', 1], ['help with', 0.6], ['hjalper', 0.6], ['помогает', 0.6], ['допомагає', 0.6],
    ['aitab', 0.6], ['بیساعد', 0.8], ['کمک میکند', 0.6], ['caawiyaa', 0.6], ['oma valmentaja', 1], ['what is an oma', 1],
  ],
  booking: [
    ['tarviin ajan', 2], ['tarvitsen ajan', 2], ['ajanvar', 2], ['need a meeting', 2], ['لقاء', 1.5], ['جلسه', 1.5], ['ملاقات', 1.5], ['kulan', 1.5],
    ['varata', 2], ['varaa', 2], ['varaus', 2], ['ajan', 0.8], ['tapaamis', 1.5], ['juttelemaan', 1.5], ['puhumaan', 1.5], ['puhua', 1.5], ['jutella', 1.5], ['=book', 2], ['booking', 2], ['appointment', 2], ['meeting', 1.5],
    ['talk to', 1.5], ['speak to', 1.5], ['speak with', 1.5], ['talk with', 1.5], ['=boka', 2], ['mote', 1.5], ['prata med', 1.5], ['traffa', 1.2], ['записат', 2], ['встреч', 1.5], ['поговорит', 1.5],
    ['записати', 2], ['зустріч', 1.5], ['поговорити', 1.5], ['broneeri', 2], ['kohtumi', 1.5], ['raakida', 1.5], ['aeg', 0.8], ['موعد', 2], ['احکی', 1.5], ['احجز', 2], ['وقت بگیر', 2], ['نوبت', 2],
    ['قرار ملاقات', 2], ['صحبت', 1.5], ['ballan', 2], ['ula hadl', 1.5], ['la hadl', 1.5], ['la kulan', 1.5],
    // Meeting someone at a time: "kokku saada", "aeg kinni", "بدي شوف", "قرار بذارم".
    ['choose a time', 2], ['pick a time', 2], ['get a time', 1.5], ['see the coach', 1.5], ['see my coach', 1.5], ['valita ajan', 2], ['valita aika', 2], ['valja en tid', 2], ['выбрать время', 2], ['вибрати час', 2], ['valida aega', 2],
    ['قرار حضوری', 2], ['یه قرار', 1.5], ['اختار وقت', 2], ['waqti dooro', 2], ['waqti doorto', 2],
    ['kokku saada', 1.5], ['aja kinni', 2], ['aeg kinni', 2], ['aega kinni', 2], ['بدی شوف', 1.5], ['قرار بذار', 2], ['قرار بگذار', 2], ['قرار بزار', 2],
    // Moving or cancelling one's own appointment.
    ['peruuttaa', 1.5], ['perua', 1.5], ['siirran', 1.5], ['siirtaa', 1.2], ['en paase', 1], ['cant make it', 1], ['kan inte komma', 1], ['kommer int', 1], ['не смогу прийти', 1.5], ['не зможу прийти', 1.5], ['ei saa tulla', 1],
    ['نمیتونم بیام', 1.5], ['ما بقدر اجی', 1.5], ['ma imaan karo', 1.5], ['siirtaa aika', 2], ['muuttaa aika', 2], ['muuttaa minun aika', 2], ['cancel', 0.8], ['cancel my appointment', 2.5], ['cancel the appointment', 2.5], ['cancel the meeting', 2.5], ['cancel my meeting', 2.5], ['reschedule', 2], ['move my appointment', 2.5], ['change my appointment', 2.5], ['avboka', 2], ['flytta min tid', 2.5],
    ['flytta min traff', 2.5], ['hur flyttar jag', 2.5], ['flytta den', 1.5], ['وقتی که گرفته بودم', 2], ['وقتمو کنسل', 2.5], ['flytta mitt mote', 2.5], ['min traff', 1.5], ['flyttar ja min tid', 2.5], ['flyttar jag min tid', 2.5], ['отменить запись', 2.5], ['перенести запись', 2.5], ['перенести встречу', 2.5], ['скасувати запис', 2.5], ['перенести запис', 2.5], ['aja tuhista', 2.5], ['aega tuhista', 2.5],
    ['aega muuta', 2.5], ['aja muuta', 2.5], ['وقتمو جابجا', 2.5], ['جابجا کنم', 1.5], ['کنسل', 1.5], ['الغی الموعد', 2.5], ['الغاء الموعد', 2.5], ['اغیر الموعد', 2.5], ['ballanta beddel', 2.5], ['ballanta jooji', 2.5],
  ],
  eligibility: [
    // A relative's own case asked yes or no: "is he in the pilot or not?".
    ['om han ar med', 2.5], ['om hon ar med', 2.5], ['ar han med', 2.5], ['ar hon med', 2.5], ['is he in', 2], ['is she in', 2], ['он попадает', 2.5], ['она попадает', 2.5], ['він потрапляє', 2.5], ['вона потрапляє', 2.5],
    ['kuuluuko han', 2.5], ['onko han mukana', 2.5], ['kas ta kuulub', 2.5], ['هل هو داخل', 2.5], ['هل هي داخله', 2.5], ['اون جزو', 2], ['ma ku jiraa isagu', 2.5],
    // "Was I / would I have been in it", "check if I qualify".
    ['kuuluin', 1.5], ['olinko mukana', 1.5], ['olisinko mukana', 2], ['olisinko kuulunut', 2], ['vai en', 0.8],
    ['was i in', 1.5], ['was i part', 1.5], ['would i be', 1.5], ['check if i', 2], ['check whether i', 2], ['was i included', 2], ['did i belong', 2], ['do i fit', 1.5],
    ['horde jag', 2], ['kvalificer', 2], ['skulle jag vara', 1.5], ['kolla om jag', 2], ['ingick jag', 2],
    ['попал бы', 2], ['попала бы', 2], ['попадаю ли', 2], ['входил бы', 2], ['входила бы', 2], ['входил ли я', 2], ['был ли я', 1.5], ['подхожу', 1.5], ['подходил', 1.5],
    ['потрапив би', 2], ['потрапила б', 2], ['входив би', 2], ['входила б', 2], ['чи входив я', 2], ['чи був я', 1.5], ['підходжу', 1.5],
    ['kas ma olin', 1.5], ['kas olin', 1.5], ['kuuluksin', 2], ['sobin', 1.5],
    ['موهل', 2], ['اکون ضمن', 2], ['کنت ضمن', 2], ['کنت من', 1.2],
    ['جزو', 1.2], ['میبودم', 2], ['بودم یا نه', 1.5], ['هستم یا نه', 1.5],
    ['u qalmo', 2], ['u qalma', 2], ['ahaan lahaa', 2], ['ka mid ahaan', 2],
    ['am i in', 1.5], ['am i part', 1.5], ['olenko', 1], ['hor jag', 1.5], ['tillhor jag', 1.5], ['вхожу ли', 1.5], ['чи входжу', 1.5], ['kas ma kuulun', 1.5], ['هل انا', 1], ['ایا من', 1], ['ma ka mid ahay', 1.5],
    ['kuulua tahan', 1.5], ['kuulunko', 1.5], ['kuuluinko', 1], ['kuulunko tahan', 1.5], ['voinko kuulua', 1.5], ['حقش', 1.5], ['حق دارم', 1.5], ['do i belong', 1.5], ['hor jag till', 1.5], ['отношусь ли', 1.5], ['належу', 1.5], ['kas ma kuulun', 1.5], ['ma ka mid ahaa', 1.5],
    ['oikeutettu', 2], ['olisinko', 2], ['kuuluisinko', 2], ['olisinko ollut', 2], ['oonko oikeutettu', 2], ['eligible', 2], ['would i have', 2], ['do i qualify', 2], ['qualify', 1.5], ['am i entitled', 2],
    ['berattigad', 2], ['skulle jag ha', 2], ['имею ли я право', 2], ['имею право', 1.5], ['был бы я', 2], ['была бы я', 2], ['подхожу ли', 2], ['чи маю право', 2], ['маю право', 1.5], ['чи був би', 2], ['була б я', 2],
    ['oleksin', 2], ['kas mul on oigus', 2], ['oigustatud', 2], ['یحق لی', 2], ['رح اکون', 2], ['کنت سا', 1.5], ['واجد شرایط', 2], ['حق دارم', 1.5], ['xaq ma u leeyahay', 2], ['xaq u leeyahay', 1.5], ['ku jiri lahaa', 2],
    ['include me', 2], ['included me', 2], ['koskiko minua', 2], ['koskiko se minua', 2], ['koskiko se mua', 2], ['gallde det mig', 2], ['касался ли меня', 2], ['меня касался', 2], ['стосувався мене', 2], ['puudutas mind', 2], ['شملنی', 2], ['شامل من', 2], ['افحصلي', 1.5], ['اذا انا ضمن', 2], ['انا ضمن', 1.5], ['شامل میشدم', 2.5], ['شامل می شدم', 2.5], ['شامل بودم', 2.5], ['مشمول بودم', 2.5], ['مشمول میشدم', 2.5], ['ma i khusaysay', 2],
    ['target group', 0.5], ['kohderyhmaan', 1], ['would have been', 2], ['olisin ollut', 2],
  ],
  offices: [
    // Going there in person.
    ['paikan paall', 2], ['تلفون', 2], ['تلیفون', 2], ['موبایل', 1], ['واتساب', 1], ['kaymaan', 1.2], ['mihin voin menna', 2], ['minne voin menna', 2], ['asiointipiste', 2], ['asioimaan', 1.5],
    ['in person', 2], ['face to face', 2], ['walk in', 2], ['drop in', 2], ['where can i go', 1.5],
    ['silmast silma', 2], ['naost nakku', 2], ['بدون وقت قبلی', 2], ['بدون موعد', 2], ['without an appointment', 2], ['ilman ajanvarausta', 2], ['utan tidsbokning', 2], ['без записи', 2], ['без запису', 2], ['ilma ajata', 2], ['ballan la', 1.5],
    ['приміщення', 1.5], ['помещение', 1.5], ['прийти ногами', 2], ['особисто', 1.2], ['лично прийти', 1.5], ['pa plats', 1.5], ['kohapeal', 1.5], ['kohale minna', 1.5], ['شخصیا', 1.2], ['qof ahaan', 1.2],
    ['personligen', 2], ['pa plats', 2], ['vart kan jag ga', 1.5], ['besoka', 1.5],
    ['лично', 1.5], ['куда можно прийти', 2], ['куда пойти', 1.5], ['очно', 1.5], ['прийти', 1],
    ['особисто', 1.5], ['куди можна прийти', 2], ['куди піти', 1.5],
    ['isiklikult', 2], ['kohapeal', 2], ['kuhu ma saan minna', 2], ['kuhu minna', 1.5], ['kulastada', 1.5],
    ['شخصیا', 2], ['مکانکم', 2], ['موقعکم', 2], ['وین انتو', 1.5], ['وین بقدر روح', 2], ['لوین بقدر روح', 2], ['وین اروح', 1.5], ['لوین روح', 1.5], ['مراجعه', 1.5],
    ['حضوری', 2], ['کجا برم', 1.5], ['کجا بروم', 1.5],
    ['shakhsiyan', 2], ['fool ka fool', 2], ['u aadi', 1.2], ['booqa', 1.5],
    ['missa se', 0.6], ['missa on', 0.6], ['where is the', 0.6], ['где находится', 1.5], ['де знаходиться', 1.5], ['kus asub', 1.5], ['کجاست', 0.8], ['teeninduspunkt', 1.5], ['besoksadress', 2], ['sisse astuda', 1.5], ['ilma ajata', 1.5], ['=gata', 1.5],
    ['ilman ajanvaraus', 3], ['ilman varausta', 3], ['without an appointment', 3], ['without booking', 3], ['utan tidsbokning', 3], ['utan bokning', 3], ['без записи', 3], ['без запису', 3], ['ilma broneeringuta', 3], ['بدون موعد', 3], ['بدون نوبت', 3], ['ballan la aan', 3],
    ['=number', 1.5], ['numero', 1.5], ['nummer', 1.5], ['номер', 1.5], ['customer service', 1.5], ['asiakaspalvel', 1.5], ['kundtjanst', 1.5], ['palvelupiste', 1.5], ['kavella sisaan', 2], ['ilman aikaa', 1.5],
    ['toimisto', 1.5], ['osoite', 2], ['toimipiste', 1.5], ['puhelin', 2], ['puhelinnumero', 2], ['aukiolo', 2], ['office', 1.5], ['address', 2], ['phone', 2], ['service point', 1.5], ['opening hours', 2],
    ['visit', 1], ['kontor', 1.5], ['adress', 2], ['servicepunkt', 1.5], ['telefon', 2], ['oppettider', 2], ['офис', 1.5], ['адрес', 2], ['телефон', 2], ['пункт обслуж', 1.5], ['офіс', 1.5], ['buroo', 1.5],
    ['aadress', 2], ['kontaktandmed', 1.5], ['مکتب', 1.5], ['عنوان', 2], ['هاتف', 2], ['رقم', 1], ['نقطه الخدمه', 1.5], ['دفتر', 1.5], ['ادرس', 2, ['fa']], ['تلفن', 2], ['شماره', 1], ['xafiis', 1.5], ['cinwaan', 2],
    ['telefoon', 2], ['lambar', 1], ['xarunta', 1.5],
    ['=auki', 1.5], ['aukiolo', 2], ['kadulla', 1.5], ['=katu', 1.5], ['osote', 2], ['tyokkar', 1.5], ['soittaa', 1], ['are you open', 2], ['open on', 1.5], ['open today', 1.5], ['when is it open', 2], ['opening', 1.2], ['street', 1.5], ['=call', 1], ['oppet', 1.5], ['gatan', 1.5], ['ringa', 1],
    ['открыты', 1.5], ['открыто', 1.5], ['открывает', 1.5], ['часы работы', 2], ['улиц', 1.5], ['позвонить', 1], ['відкриті', 1.5], ['відкрито', 1.5], ['відкриваєт', 1.5], ['години роботи', 2], ['вулиц', 1.5], ['подзвонит', 1], ['lahtiolekuaeg', 2], ['avatud', 1.5], ['helistada', 1],
    ['ساعات الدوام', 2], ['الدوام', 1.5], ['مفتوح', 1.5], ['شارع', 1.5], ['ساعت کاری', 2], ['باز هستید', 1.5], ['خیابان', 1.5], ['زنگ بزنم', 1], ['saacadaha', 1.5], ['furan', 1.5], ['waddo', 1.2], ['wici', 1], ['missa teidan', 1.5], ['where is your', 1.5], ['var ligger', 1.5], ['где ваш', 1.5], ['де ваш', 1.5], ['kus on teie', 1.5], ['وین مکتب', 1.5],
  ],
  'work-trial': [
    ['ازمایش کاری', 3], ['تجربه العمل', 2.5], ['تجربه عمل', 2.5], ['tijaabada shaqada', 3],
    ['ilman tyosopimusta', 2.5], ['without a contract', 2.5], ['utan anstallningsavtal', 2.5], ['utan kontrakt', 2.5], ['без договора', 2.5], ['без договору', 2.5], ['без контракт', 2.5], ['ilma lepinguta', 2.5], ['بدون عقد', 2.5], ['بدون قرارداد', 2.5], ['qandaraas la', 2.5], ['test out', 1.5],
    ['tyokokeilu', 3], ['تیوکوکیلو', 3], ['تیوکوکئیلو', 3], ['تیو کوکیلو', 3], ['тюококейлу', 3], ['тьококейлу', 3], ['kokeilemaan', 1.5], ['kokeilla', 1], ['work trial', 3], ['try out a job', 3], ['try a job', 3], ['try out', 1.5], ['prova pa', 2], ['arbetsprovning', 3], ['попробовать поработать', 3],
    ['попробовать', 1.5], ['спробувати', 1.5], ['пробн', 1.5], ['tooproov', 3], ['proovida', 1.5], ['جرب شغل', 3], ['اجرب', 1.5], ['جرب', 1.5], ['کار ازمایشی', 3], ['امتحان کنم', 1.5], ['isku dayi', 2], ['isku day', 1.5], ['спробувати попрацювати', 3], ['tijaabiyo shaqada', 3], ['qandaraas', 1.2], ['трудового договору', 1.5], ['трудового договора', 1.5],
  ],
  'rehab-work': [
    ['dib u habayn', 3],
    // Described rather than named: a workshop a few hours a week to get a daily rhythm back, after years at home.
    ['paja', 2], ['pajatoimint', 2.5], ['paivatoimint', 2.5], ['paivarytm', 2], ['rytmi', 1.5], ['arkirytm', 2], ['arjen hallin', 2], ['tuntia viikossa', 1.2], ['tunti viikossa', 1.2], ['tunnin viikossa', 1.2], ['muutama tunti', 1], ['ei oikea tyo', 1.5], ['ei oikeaa tyota', 1.5], ['sosiaalityont', 1], ['sosiaalitoim', 1], ['pitkaaikaistyot', 1],
    ['workshop', 2], ['day activit', 2.5], ['daytime activit', 2.5], ['daily activit', 2], ['routine', 1.5], ['rhythm', 1.5], ['hours a week', 1.2], ['social worker', 1], ['social services', 1], ['long term unemployed', 1], ['long-term unemployed', 1], ['back on track', 1], ['not a real job', 1.5],
    ['verkstad', 2], ['dagverksamhet', 2.5], ['arbetsverksamhet', 2.5], ['rytm', 1.5], ['rutin', 1.5], ['timmar i veckan', 1.2], ['socialarbet', 1], ['socialbyr', 1], ['langtidsarbetslos', 1],
    ['мастерск', 2], ['дневн', 1.2], ['режим дня', 2], ['ритм', 1.5], ['часов в неделю', 1.2], ['часа в неделю', 1.2], ['соцработ', 1], ['социальный работник', 1], ['соцслужб', 1], ['длительно безработн', 1], ['постепенно', 0.8],
    ['майстерн', 2], ['денн', 1.2], ['режим', 1.5], ['годин на тиждень', 1.2], ['соцпрацівн', 1], ['соціальний працівник', 1], ['поступово', 0.8],
    ['paevategevus', 2.5], ['tookoda', 2], ['rutm', 1.5], ['paevareziim', 2], ['tundi nadalas', 1.2], ['sotsiaaltootaja', 1], ['pikaajaliselt tootu', 1],
    ['ورشه', 2], ['روتین', 1.5], ['نشاط خفیف', 2], ['نشاط یومی', 2], ['ساعات بالاسبوع', 1.2], ['ساعات فی الاسبوع', 1.2], ['الاخصاییه الاجتماعیه', 1], ['الاخصایی الاجتماعی', 1],
    ['کارگاه', 2], ['فعالیت روزانه', 2.5], ['برنامه روزانه', 2], ['فعالیت سبک', 2], ['ساعت در هفته', 1.2], ['هفته ای چند ساعت', 1.2], ['مددکار', 1],
    ['warshad', 2], ['hawl fudud', 2], ['nidaam', 1.2], ['saacadood usbuuc', 1.2], ['arrimaha bulshada', 1],
    // Not ready for a full working day yet: something low-threshold, at one's own pace.
    ['kevytta toimintaa', 2], ['kevyta toimintaa', 2], ['paivaa viikossa', 1.2], ['paivana viikossa', 1.2], ['kotona olo', 1.5], ['kotonaolo', 1.5], ['ollut kotona', 1.2], ['ollu kotona', 1.2], ['light activity', 1.5], ['been at home', 1.2], ['days a week', 1], ['varit hemma', 1.2], ['сижу дома', 1.2], ['сиджу вдома', 1.2], ['kodus olnud', 1.2],
    ['matalan kynnyksen', 2], ['omaan tahtiin', 1.5], ['pikkuhiljaa', 1], ['hitaasti', 1], ['oikeisiin toihin', 1.5], ['koko tyopaivaa', 1.5], ['kulukorvau', 2], ['bussiraha', 1.5], ['kunnan toiminta', 1.5],
    ['low threshold', 2], ['low-threshold', 2], ['day programme', 2], ['денну програм', 2], ['дневную програм', 2], ['денна програм', 2], ['barnaamijka maalinta', 2], ['البرنامج النهاری', 2], ['برنامه روزانه', 1],
    ['проезд', 1], ['проїзд', 1], ['gaadiid', 1], ['مواصلات', 1], ['ایاب و ذهاب', 1], ['matkakulu', 1], ['довготривало безробіт', 1.5], ['muddada dheer', 1], ['own pace', 1.5], ['ease in', 1.5], ['real job yet', 1.5], ['day program', 2], ['bus fare', 1.5], ['full working day', 1.5],
    ['lag troskel', 2], ['egen takt', 1.5], ['lugn takt', 1.5], ['heltidsjobb an', 1.2], ['в своем темпе', 1.5], ['низкий порог', 2], ['полный рабочий день', 1.2], ['у своєму темпі', 1.5], ['власному темпі', 1.5], ['повний робочий день', 1.2],
    ['oma tempos', 1.5], ['madala lavend', 2], ['taistooaeg', 1], ['علی راحتی', 1.5], ['شوی شوی', 1], ['اروم اروم', 1], ['با سرعت خودم', 1.5], ['tartiib', 1], ['xawaarahayga', 1.5],
    // Years at home, low mood, a few times a week, nothing hard: described the way people describe it.
    ['vuotta kotona', 1.5], ['dygnsrytm', 1.5], ['borja lugnt', 1.5], ['borja valdigt lugnt', 1.5], ['ett par dagar i veckan', 1.2], ['verksamhet', 1], ['paevarutm', 2], ['madala lave', 2], ['sotsiaalosakon', 1], ['paar paeva nadalas', 1.2],
    ['shaqaalaha bulshada', 1], ['guriga joogay', 1.5], ['aloittaa hitaasti', 1.5], ['en jaksa viela', 1.2], ['kotona kauan', 1.5], ['kauan kotona', 1.5], ['masentun', 0.6], ['kertaa viikossa', 1], ['jotain pienta', 1], ['ei kova tyo', 1.5], ['ei raskasta', 1.2], ['years at home', 1.5], ['at home for years', 1.5],
    ['depressed', 0.6], ['few times a week', 1], ['something small', 1], ['nothing too hard', 1.2], ['ar hemma', 1], ['hemma i flera ar', 1.5], ['nagra ganger i veckan', 1], ['deprimerad', 0.6], ['лет дома', 1.5], ['годы дома', 1.5],
    ['пару раз в неделю', 1], ['депресс', 0.6], ['років вдома', 1.5], ['роки вдома', 1.5], ['кілька разів на тиждень', 1], ['депрес', 0.6], ['aastat kodus', 1.5], ['paar korda nadalas', 1], ['masendus', 0.6],
    ['سنین بالبیت', 1.5], ['سنین فی البیت', 1.5], ['مکتیب', 0.6], ['اکتیاب', 0.6], ['مره بالاسبوع', 1], ['خونه نشین', 1.5], ['خانه نشین', 1.5], ['افسرده', 0.6], ['کار سبک', 1.5], ['هفته ای چند', 1],
    ['guriga joog', 1.5], ['guriga ayuu joog', 1.5], ['guriga ayaan joog', 1.5], ['niyad jab', 0.6], ['saacadood toddobaad', 1.2],
    ['tootuba', 2], ['pikaajalist', 1], ['kasitoita', 1], ['totuttelemaan', 1.5], ['totutella', 1.5], ['muutamaks tunniks', 1.2], ['saacado yar', 1], ['kuntouttav', 3], ['rehabilit', 3], ['реабилит', 3], ['реабіліт', 3], ['rehabiliteeriv', 3], ['تاهیلی', 3], ['توانبخش', 3], ['baxnaanin', 3],
  ],
  duties: [
    // What a jobseeker has to do: the job search obligation and the meetings.
    ['pitaa tehda', 1.5], ['mun pitaa', 0.8], ['joka kuu', 1.5], ['hakea toita', 1.5], ['hakea tyopaikkoja', 2], ['tyonhakuvelvoll', 3], ['hakuvelvoll', 3], ['montako hakemusta', 2.5], ['tyottoman pitaa', 2],
    ['have to do', 2], ['must do', 1.5], ['supposed to do', 1.5], ['every month', 1.5], ['apply for jobs', 1.5], ['how many applications', 2.5], ['requirement', 1.5], ['responsibilit', 2], ['duties', 2], ['what do i need to do', 1.2],
    ['maste jag gora', 1.5], ['varje manad', 1.5], ['soka jobb', 1.5], ['soka arbete', 1.5], ['=krav', 1.2], ['skyldig', 2], ['plikt', 2], ['hur manga ansokningar', 2.5],
    ['должен делать', 1.5], ['должна делать', 1.5], ['обязанност', 2], ['каждый месяц', 1.5], ['искать работу', 1.2], ['требовани', 1.5], ['сколько заявок', 2.5], ['сколько откликов', 2.5],
    ['маю робити', 2], ['что мне делать', 1.5], ['що мені робити', 1.5], ['что делать', 0.8], ['що робити', 0.8], ['повинен', 1.5], ['повинна', 1.5], ['мушу', 1.2], ['кожного місяця', 1.5], ['щомісяця', 1.5], ['шукати роботу', 1.2], ['вимог', 1.5], ['скільки заявок', 2.5],
    ['pean tegema', 1.5], ['=pean', 0.8], ['tootuna', 0.8], ['maxaan sameeyaa', 1.2], ['shaqo laaan ah', 0.8], ['iga kuu', 1.5], ['tood otsima', 1.5], ['tood otsida', 1.5], ['nouded', 1.5], ['mitu avaldust', 2.5],
    ['لازم اعمل', 1.5], ['شو لازم', 1.2], ['کل شهر', 1.5], ['ادور شغل', 1.5], ['ادور علی شغل', 1.5], ['واجبات', 2], ['التزامات', 2], ['مطلوب منی', 1.5],
    ['باید چیکار', 1.5], ['باید چکار', 1.5], ['باید چه کار', 1.5], ['هر ماه', 1.5], ['دنبال کار', 1.2], ['وظیفه', 2], ['تعهدات', 2], ['چند تا درخواست', 2.5],
    // What is expected of one and the meetings one must go to.
    ['vilka regler', 1.5], ['regler galler', 1.5], ['which rules', 1.5], ['what rules', 1.5], ['mita saantoja', 1.5], ['mitka saannot', 1.5], ['какие правила', 1.5], ['які правила', 1.5], ['millised reeglid', 1.5], ['چه قوانینی', 1.5], ['شو القوانین', 1.5], ['xeerarka', 1.5],
    ['від мене вимагають', 2], ['что от меня требуют', 2], ['кожного тижня', 1.5], ['каждую неделю', 1.5], ['joka viikko', 1.2], ['varje vecka', 1.2], ['iga nadal', 1.5],
    ['expected of me', 2], ['required of me', 2], ['go to meetings', 1.5], ['forvantas av mig', 2], ['krav pa mig', 2], ['ga pa moten', 1.5], ['от меня требуется', 2], ['от меня ожидают', 2], ['від мене вимагається', 2], ['від мене чекають', 2],
    ['minult oodatakse', 2], ['minulta odotetaan', 2], ['minulta vaaditaan', 2], ['لازم اسوی', 1.5], ['اجتماعات', 1], ['کل کم مره', 1.5], ['باید برم جلسه', 2], ['جلسه', 0.8], ['ازم انتظار', 2], ['چی ازم میخوان', 2],
    ['bil kasta', 1.5], ['shaqo raadi', 1.5], ['waajib', 2], ['la iga rabaa', 2], ['immisa codsi', 2.5],
    ['montako tyopaikkaa', 2], ['hakea kuussa', 2], ['kuukaudessa', 1], ['kuussa', 1], ['velvollisuu', 2], ['pitaako', 0.6], ['en hae', 1.5], ['nelja paikkaa', 2], ['neljaa', 1.2], ['how many jobs', 2],
    ['each month', 1], ['per month', 1], ['a month', 1], ['obligation', 2], ['must i', 0.8], ['dont apply', 1.5], ['hur manga jobb', 2], ['i manaden', 1], ['per manad', 1], ['skyldighet', 2], ['inte soker', 1.5],
    ['сколько ваканс', 2], ['откликаться', 1.5], ['в месяц', 1], ['обязан', 2], ['не подам', 1.5], ['заявки', 0.8], ['скільки ваканс', 2], ['на місяць', 1], ['обовязк', 2], ['mitu tood', 2], ['kuus', 0.8],
    ['kohustus', 2], ['کم وظیفه', 2], ['بالشهر', 1], ['ما قدمت', 1.5], ['چند شغل', 2], ['در ماه', 1], ['ماهی', 1], ['وظایف', 1.5], ['immisa shaqo', 2], ['bishii', 1], ['codsan', 0.8], ['=4', 1],
    ['alkuhaastattelu', 2], ['initial interview', 2], ['required to do', 2], ['required of me', 2], ['what must i do', 1.5], ['зобовязан', 2], ['зобов язан', 2], ['обязанн', 2],
  ],
  privacy: [
    // What happens to what one writes here: "do you store it", "does what I write go to the police".
    ['do you store', 2.5], ['what i write here', 2.5], ['mita kirjoitan tanne', 2.5], ['sparar ni', 2], ['vad jag skriver har', 2.5], ['что я пишу здесь', 2.5], ['що я пишу тут', 2.5], ['mida ma siia kirjutan', 2.5], ['اللی بکتبه', 2], ['چیزی که اینجا مینویسم', 2.5], ['waxa aan halkan ku qoro', 2.5],
    ['sailit', 1.5], ['امسح', 2], ['معلوماتی', 1.5], ['معلومات', 1], ['پاک کن', 2], ['پاک بشه', 2.5], ['پاک بشن', 2.5], ['پاک شود', 2.5], ['پاک شوند', 2.5], ['پاکش کن', 2.5], ['tallenta', 1.5], ['=store', 1.2], ['stores', 1.2], ['sparar', 1.2], ['хранит', 1.5], ['зберіга', 1.5], ['ذخیره', 1.5], ['یحفظ', 1.5], ['kaydi', 1.5],
    ['tiedot', 1.2], ['tietoni', 1.5], ['poista', 2], ['data', 1.5], ['delete', 2], ['gdpr', 2], ['privacy', 2], ['radera', 2], ['uppgifter', 1.2], ['данные', 1.5], ['удали', 2], ['дані', 1.5], ['видали', 2],
    ['andmed', 1.5], ['kustuta', 2], ['do you save', 2], ['save what i', 2], ['what i type', 1.5], ['mita kirjoitan', 1.5], ['sparar ni', 2], ['записывается', 2], ['кто прочитает', 2], ['записується', 2], ['хто прочитає', 2], ['بتحفظو', 2], ['تحفظو', 2], ['تحفظون', 2], ['بکتبه', 1], ['kaydsaa', 2], ['kaydisaa', 2], ['salvestate', 2], ['видалі', 2], ['видалити', 2], ['удалить', 2],
    // What one wrote here, this chat, and the identity code the bot never asks for.
    ['what i wrote', 1.5], ['mita kirjoitin', 1.5], ['mita mina kirjoitin', 1.5], ['vad jag skrev', 1.5], ['что я писал', 1.5], ['что я написал', 1.5], ['що я писав', 1.5], ['що я писала', 1.5], ['що я тут писала', 2], ['mida ma kirjutasin', 1.5],
    ['این چت', 1], ['هذه المحادثه', 1], ['этого чата', 1.5], ['этом чате', 1.5], ['цього чату', 1.5], ['цьому чаті', 1.5], ['this chat', 1], ['tasta chatista', 1.5], ['den har chatten', 1.5], ['henkilotunnus', 1.5], ['hetu', 1.5],
    ['personal identity code', 1.5], ['personnummer', 1.5], ['isikukood', 1.5],
    // Whether this conversation is kept.
    ['pyyhi', 2], ['pyyhki', 2], ['kirjann', 1], ['ta bort', 2], ['om mig', 1], ['the info', 1], ['information', 1], ['about me', 1], ['сотри', 2], ['обо мне', 1], ['про мене', 1], ['minu kohta', 1], ['عني', 1], ['درباره من', 1], ['macluumaad', 1.5],
    ['talteen', 2], ['=keskustelu', 1], ['=keskustelua', 1], ['keskustelun', 1], ['viestej', 1], ['sailyt', 1.5], ['havit', 1.5], ['conversation', 1], ['messages', 1], ['stored', 1.5], ['kept', 1], ['wipe', 2], ['hang on to', 1], ['samtal', 1], ['sparas', 1.5], ['raderas', 2],
    ['разговор', 1], ['переписк', 1.5], ['сохраня', 1.5], ['розмов', 1], ['листуван', 1.5], ['vestlus', 1], ['salvest', 1.5], ['محادثه', 1], ['تحتفظ', 1.5], ['گفتگو', 1], ['مکالمه', 1], ['نگه میدار', 1.5], ['wada hadal', 1], ['kaydsan', 1.5], ['بیانات', 1.5], ['احذف', 2], ['حذف', 2], ['داده', 1.5], ['اطلاعات', 1], ['xogt', 1.5], ['tirtir', 2],
  ],
  register: [
    // Losing one's job: the first thing to do is to register.
    ['اسجل حالی', 2.5], ['اسجل نفسی', 2.5],
    ['jain tyottomaksi', 3], ['jaan tyottomaksi', 3], ['duuni loppui', 2.5], ['duunit loppui', 2.5], ['duuni loppu', 2.5], ['tyottomaksi', 1.5], ['tyo loppui', 2.5], ['tyot loppui', 2.5], ['tyosuhde paattyi', 2.5], ['irtisanot', 2.5], ['potkut', 2.5], ['menetin tyo', 2.5], ['lomautet', 2],
    ['lost my job', 3], ['lose my job', 2.5], ['fired', 2.5], ['laid off', 2.5], ['sacked', 2.5], ['job ends', 2], ['job ended', 2.5], ['contract ends', 2], ['contract ended', 2], ['became unemployed', 2.5], ['become unemployed', 2.5],
    ['blev av med jobbet', 3], ['forlorade jobbet', 3], ['forlorat jobbet', 3], ['jobbet tar slut', 2.5], ['jobbet tog slut', 2.5], ['sagdes upp', 2.5], ['sades upp', 2.5], ['fick sparken', 2.5], ['miste jobbet', 2.5], ['uppsagd', 2.5], ['permitter', 2], ['blev arbetslos', 2.5],
    ['потерял работу', 3], ['потеряла работу', 3], ['уволили', 3], ['уволен', 2.5], ['сократили', 2.5], ['работа заканчивается', 2.5], ['работа закончилась', 2.5], ['стал безработн', 2.5], ['стала безработн', 2.5],
    ['втратив роботу', 3], ['втратила роботу', 3], ['звільнили', 3], ['звільнен', 2.5], ['скоротили', 2.5], ['робота закінчується', 2.5], ['робота закінчилася', 2.5], ['став безробітн', 2.5], ['стала безробітн', 2.5],
    ['kaotasin', 2.5], ['koondati', 2.5], ['vallandati', 2.5], ['too loppes', 2.5], ['too lopeb', 2.5], ['jain tootuks', 3], ['tootuks', 1.5], ['arvele', 2], ['leping lopeb', 2.5], ['leping loppes', 2.5], ['tooootsijaks', 2], ['end kirja', 2], ['kirja panna', 1.5], ['kirja panen', 1.5],
    ['خسرت شغل', 3], ['خسرت عمل', 3], ['فقدت عمل', 3], ['فقدت شغل', 3], ['انطردت', 3], ['طردونی', 3], ['فصلونی', 3], ['یخلص شغل', 2.5], ['خلص شغل', 2.5], ['انتهی عقد', 2.5], ['صرت عاطل', 2.5], ['اصبحت عاطل', 2.5],
    ['از دست دادم', 2.5], ['اخراج', 2.5], ['بیکار شدم', 3], ['کارم تموم', 2.5], ['قراردادم تموم', 2.5], ['کارم تمام', 2.5],
    ['iga dhammaatay', 2.5], ['waayay', 2], ['la i eryay', 3], ['eryay', 2.5], ['shaqo laaan noqday', 2.5],
    ['جوینده کار', 2], ['خلص عقدي', 2.5], ['عقدي بيخلص', 2.5], ['وين اسجل', 2], ['لازم اسجل', 2], ['كباحث عن عمل', 2], ['وين اتسجل', 2], ['لازم اتسجل', 2], ['اسم بنویسم', 2], ['اسم نویسی', 2], ['اسمم رو بنویسم', 2], ['روز بیکاری', 2], ['jobbsokande', 0.8], ['arbetssokande', 0.8],
    // Registering online needs Finnish bank codes: people without them ask how else to register.
    ['pankkitunnuks', 2], ['verkkopankkitunnuks', 2], ['bank codes', 2], ['online banking codes', 2], ['bankkoder', 2], ['bankkod', 1.5], ['банковских кодов', 2], ['банковские коды', 2], ['банківськ', 1.5], ['pangakood', 2], ['رموز بنکیه', 2], ['کد بانکی', 2], ['کدهای بانکی', 2],
    ['ilmoitan etta etsin', 2], ['ilmoitan itseni', 2], ['регат', 2], ['региться', 2], ['مسجل', 2], ['diiwaangash', 2], ['isdiiwaangel', 2],
    ['ilmoittaud', 2], ['ilmottaud', 2], ['ilmoittautu', 2], ['ilmottautu', 2], ['rekisteroi', 2], ['tyonhakijaks', 1.5], ['tyomarkkinatori', 2.5], ['=tmt', 2], ['sign up', 2], ['=register', 2], ['registration', 2],
    ['job market finland', 2.5], ['anmal', 2], ['anmalan', 2], ['skriver in mig', 2], ['skriva in', 2], ['jobbmarknaden', 2.5], ['registrer', 2], ['зарегистр', 2], ['встать на учет', 2], ['регистрац', 2],
    ['зареєстр', 2], ['реєстрац', 2], ['стати на облік', 2], ['registreeru', 2], ['registreeri', 2], ['تسجیل', 2], ['سجل', 2], ['بسجل', 2], ['ثبتنام', 2], ['ثبت نام', 2], ['diiwaangel', 2], ['iska qor', 2], ['isku diiwaan', 2],
  ],
  'te-offices': [
    ['arbets och naringsbyra', 3], ['مسکر', 2], ['مغلق', 1.5], ['بسته شد', 1.5], ['suljettu', 1], ['stangd', 1], ['закрыт', 1], ['закрит', 1], ['suletud', 1], ['xiran', 1], ['naringsbyra', 2.5],
    ['куда делись', 2], ['куди поділ', 2], ['kuhu kadusid', 2], ['where did the te', 2], ['vart tog te', 2],
    ['te toimisto', 3], ['te toimiston', 3], ['=te', 1.5], ['te office', 3], ['te byra', 3], ['te byran', 3], ['te офис', 3], ['te офіс', 3], ['te buroo', 3], ['te bur', 2], ['te palvelut', 2],
    ['مکتب العمل', 2], ['اداره کار', 2.5], ['دفتر te', 3],
    // The Finnish "TE-toimisto" written as heard: تِ‌اِ تویمیستو, تی ای تویمیستو, тэ-тоимисто.
    ['تویمیستو', 2.5], ['تُویمیستو', 2.5], ['тоимисто', 2.5], ['xafiiska te', 3], ['katos', 1], ['disappear', 1], ['closed', 1], ['lakkautet', 1.5], ['lopetettiin', 1], ['what happened', 1], ['vad hande', 1],
    ['что случилось', 1], ['що сталося', 1], ['mis sai', 1], ['شو صار', 1], ['چه شد', 1], ['maxaa ku dhacay', 1],
  ],
  'language-courses': [
    // Integration training is language training; the plan is another article.
    ['kotoutumis koulutu', 3.5], ['kotoutumiskoulutu', 1], ['integration training', 3.5], ['integration course', 3.5], ['интеграционное обучение', 3.5], ['интеграционн курс', 3.5], ['інтеграційне навчання', 3.5],
    ['تدریب الاندماج', 3.5], ['دوره ادغام', 3.5], ['اموزش ادغام', 3.5], ['tababarka is dhexgal', 3.5], ['integrationsutbildning', 1], ['loimumiskoolitus', 1], ['kielta', 1.5], ['=kieli', 1.2], ['suomenkiel', 2.5], ['ruotsinkiel', 2.5], ['suomenkurs', 2.5], ['ruotsinkurs', 2.5], ['finskkurs', 2.5], ['svenskkurs', 2.5],
    ['kurssi', 0.6], ['course', 0.6], ['=kurs', 0.6], ['курс', 0.6], ['kursus', 0.6], ['دوره', 0.6], ['کلاس', 1.2], ['koorso', 0.6], ['class', 1.2], ['klass', 1],
    ['suomea', 2.5], ['ruotsia', 2.5], ['suomen kiel', 2], ['ruotsin kiel', 2], ['suomen kurssi', 2.5], ['ruotsin kurssi', 2.5], ['kielikurss', 2.5], ['kotoutumiskoulutu', 3], ['finnish', 2.5], ['swedish', 2.5],
    ['language', 1.5], ['finska', 2.5], ['svenska', 2.5], ['sprakkurs', 2.5], ['integrationsutbildning', 3], ['финск', 2.5], ['шведск', 2.5], ['язык', 1.5], ['фінськ', 2.5], ['шведськ', 2.5], ['мов', 1],
    ['soome keel', 2], ['rootsi keel', 2], ['keelekursus', 2.5], ['loimumiskoolitus', 3], ['فنلندی', 2.5], ['سویدی', 2.5], ['اللغه', 1.5], ['زبان', 1.5], ['فنلاندی', 2.5], ['سوئدی', 2.5], ['finnishka', 2.5],
    ['iswiidhish', 2.5], ['luqad', 1.5], ['fasal', 1], ['learn', 0.8], ['oppia', 0.8], ['lara mig', 0.8], ['выучить', 0.8], ['учить', 0.6], ['вивчити', 0.8], ['oppida', 0.8], ['اتعلم', 0.8], ['یاد بگیرم', 0.8], ['barto', 0.8],
  ],
  'cv-help': [
    ['elulookirjeldus', 2.5], ['meritforteckning', 2.5], ['taariikh nololeed', 2.5], ['tooavaldus', 2.5], ['kandideerimis', 2],
    // A profile employers see, and how to describe one's experience.
    ['بروفایل', 2], ['اوصف خبراتی', 2], ['profiili', 1.5], ['profile', 1.5], ['profil', 1.5], ['профиль', 1.5], ['профіль', 1.5], ['پروفایل', 2],
    ['motivatsioonikir', 2.5], ['درخواست کار', 2.5], ['رزومه', 2.5], ['kaaskiri', 2.5], ['labi lugeda', 1],
    ['=cv', 2.5], ['cvn', 2.5], ['ansioluettel', 2.5], ['hakemus', 2], ['tyohakemus', 2.5], ['hakemuksen', 2], ['resume', 2.5], ['cover letter', 2.5], ['job application', 2.5], ['application', 1.5],
    ['ansokan', 2], ['personligt brev', 2.5], ['jobbansokan', 2.5], ['резюме', 2.5], ['сопроводительн', 2.5], ['заявление на работу', 2.5], ['супровідн', 2.5], ['заява на роботу', 2.5], ['заяву', 1.5],
    ['avaldus', 2], ['motivatsioonikiri', 2.5], ['سیره الذاتیه', 2.5], ['طلب توظیف', 2.5], ['رساله التحفیز', 2.5], ['رزومه', 2.5], ['نامه', 1.5], ['codsi shaqo', 2.5], ['warqadd', 2], ['codsiga', 1.5],
  ],
  'pay-subsidy': [
    ['palkkatu', 3], ['lonestod', 3], ['پالکاتوکی', 3], ['tyonantaja', 1.5], ['employer', 1.5], ['wage subsid', 3], ['pay subsid', 3], ['subsidised job', 3], ['hire me', 1.5], ['arbetsgivare', 1.5], ['lonesubvention', 3], ['anstaller mig', 1.5],
    ['работодател', 1.5], ['наймет', 1.5], ['роботодав', 1.5], ['найме', 1.5], ['tooandja', 1.5], ['palgatoetus', 3], ['صاحب العمل', 1.5], ['وظفنی', 1.5], ['کارفرما', 1.5], ['استخدام', 1], ['shaqo bixiye', 1.5],
    ['loo shaqeeye', 1.5], ['shaqaaleysiiy', 1.5], ['palkkaa mut', 1.5], ['palkkaa minut', 1.5],
    // The Persian for a wage subsidy: یارانه حقوق, یارانه دستمزد.
    ['یارانه حقوق', 3], ['یارانه دستمزد', 3],
    // Part of the wage paid by someone else, described without the word.
    ['part of my salary', 2], ['part of my wage', 2], ['some of my wage', 2], ['some of my salary', 2], ['take me on', 1.5], ['=wages', 1], ['=salary', 1], ['osan palkasta', 2], ['osan mun palkasta', 2], ['osan minun palkasta', 2],
    ['del av lonen', 2], ['del av min lon', 2], ['часть зарплат', 2], ['частину зарплат', 2], ['частину моєї зарплат', 2], ['osa palgast', 2], ['جزء من راتب', 2], ['تشغلنی', 1.5], ['بخشی از حقوق', 2], ['qayb mushahar', 2], ['shaqaalaysiin', 1.5],
  ],
  studying: [
    ['учиться', 1.5], ['учусь', 1.5], ['вчитися', 1.5], ['вчуся', 1.5], ['plugga', 1.5], ['oppima', 1.5], ['oppida', 1.2], ['oppimine', 1.5], ['university', 1.5], ['college', 1.2], ['degree', 1.2],
    ['yliopisto', 1.5], ['ammattikoulu', 1.5], ['universitet', 1.5], ['университет', 1.5], ['університет', 1.5], ['ulikool', 1.5], ['jaamacad', 1.5], ['iskuul', 1.2], ['dugsi', 1.2], ['جامعه', 1.2], ['دانشگاه', 1.5], ['درس بخونم', 1.5],
    ['algatus', 2], ['oppim', 1.5], ['oppima', 1.5], ['opetust', 1],
    ['kurssej', 1.2], ['kurssei', 1.2], ['avoin amk', 2], ['avoimen amk', 2], ['avoin yliopisto', 2], ['avoimen yliopist', 2], ['tutkinto', 1.5], ['tutkinnon', 1.5], ['tradenom', 1.5], ['examen', 1.5], ['slutfora', 1], ['diplom', 1.5], ['диплом', 1.5], ['شهاده', 1.5], ['مدرک', 1.5], ['shahaado', 1.5], ['مدرسه', 1.2],
    ['opiskel', 1.5], ['opinnot', 1.5], ['kurssi', 1.2], ['kurssin', 1.2], ['koulu', 1.2], ['omaehtoi', 3], ['=study', 1.5], ['studies', 1.5], ['studying', 1.5], ['course', 1.2], ['school', 1.2],
    ['self motivated', 3], ['studera', 1.5], ['studier', 1.5], ['=kurs', 1.2], ['frivilliga studier', 3], ['учеб', 1.5], ['учит', 0.8], ['курс', 1.2], ['самостоятельн', 2], ['навча', 1.5], ['вчит', 0.8],
    ['самостійн', 2], ['opi', 1.2], ['kursus', 1.2], ['omaalgatuslik', 3], ['دراسه', 1.5], ['ادرس', 1.2], ['کورس', 1.2], ['دوره', 1.2], ['تحصیل', 1.5], ['درس', 1.2], ['الذاتیه', 1], ['waxbarash', 1.5],
    ['koorso', 1.2], ['wax baran', 1.5], ['iskaa ah', 1.5],
    ['monimuoto', 2], ['etaopi', 2], ['lasa till', 2], ['pa distans', 1.5], ['distans', 1], ['distance learning', 2], ['thesis', 2], ['gradu', 2], ['magistritoo', 2], ['kaugope', 2], ['дистанцион', 1.5], ['дистанційн', 1.5], ['barashada', 1.5], ['fogaan', 1],
    ['kansalaisopist', 2.5], ['iltakurss', 2], ['iltaopisk', 2], ['evening class', 2], ['night class', 2], ['evening course', 2], ['medborgarinstitut', 2.5], ['kvallskurs', 2], ['yrkesskola', 1.5],
    ['вечерн', 1.5], ['вечірн', 1.5], ['дневное обучение', 2], ['ohtusel', 1.5], ['ohtukursus', 2], ['paevaope', 2], ['کلاس شبانه', 2], ['دروس مسایی', 2], ['فصل لیلی', 2], ['habeen', 1], ['tyovoimakoulutu', 2.5], ['labour market training', 2.5], ['while unemployed', 0.5], ['tyottomana', 0.5],
  ],
  appeal: [
    // A sanction or a refusal the person thinks is wrong: what they can do about it.
    ['what can i do about it', 2], ['what can i do about this', 2], ['voluntarily', 1.5], ['بارادتی', 1.5], ['قطع عنی', 1.5], ['شو الحل', 1],
    ['fight it', 2], ['fight this', 2], ['how do i fight', 2.5], ['eksisid', 2], ['vastu voidelda', 2.5], ['vaidlustada', 2.5], ['vaidlust', 2], ['contest', 1.5], ['olen eri mielta', 2], ['oon eri mielta', 2], ['eri mielta', 1.5], ['helt fel', 1.5], ['gora at det', 1.5], ['dacwo', 2], ['uga dacwood', 2.5],
    ['karens', 2.5], ['valitt', 2], ['valitan', 2], ['oikaisuvaatimu', 3], ['muutoksenhak', 3], ['kielteinen paatos', 2.5], ['paatos on vaara', 2.5], ['paatos oli vaara', 2.5], ['decision is wrong', 2.5], ['decision was wrong', 2.5], ['beslutet ar fel', 2.5], ['решение неправильн', 2.5], ['рішення неправильн', 2.5], ['otsus on vale', 2.5], ['kielteisen', 1.5], ['hylattiin', 2], ['hylkas', 1.5], ['=vaarin', 1], ['vaara paatos', 2], ['epaoikeudenmukai', 1.5], ['korvaukseton', 1.5],
    ['sanction', 2.5], ['penalty', 2], ['penalis', 2], ['penaliz', 2], ['rejected', 2], ['denied', 1.5], ['refused', 1.5], ['unfair', 1.5], ['wrong decision', 2.5], ['is wrong', 1], ['its wrong', 1], ['negative decision', 2.5], ['waiting period', 2], ['request a review', 2.5],
    ['avslag', 2], ['avslog', 2], ['nekade', 1.5], ['=fel', 1], ['orattvis', 1.5], ['besvar', 2], ['rattelse', 2], ['klaga', 2],
    ['отказ', 1.5], ['неправильн', 1], ['несправедлив', 1.5], ['санкци', 2.5], ['штраф', 2], ['жалоб', 2], ['пожаловат', 2], ['не соглас', 2], ['ошибк', 1],
    ['відмов', 1.5], ['санкці', 2.5], ['скарг', 2], ['поскаржит', 2], ['не згод', 2], ['помилк', 1],
    ['ei ole nous', 2], ['=vale', 1], ['ebaoiglane', 1.5], ['kaeba', 2], ['kaeban', 2], ['sanktsioon', 2.5], ['trahv', 2], ['keeldu', 1.5],
    ['عقوبه', 2.5], ['غلط', 1], ['=خطا', 1], ['ظلم', 1.5], ['رفض', 1.5], ['مش موافق', 2], ['غیر موافق', 2], ['شکوی', 2], ['اشتکی', 2], ['تظلم', 2.5], ['استیناف', 2.5], ['عترض', 2.5],
    ['اشتباه', 1], ['جریمه', 2], ['تنبیه', 2], ['مجازات', 2], ['رد شد', 1.5], ['رد کرد', 1.5], ['قبول ندارم', 2], ['موافق نیستم', 2], ['شکایت', 2], ['ناعادلانه', 1.5], ['تجدید نظر', 2.5],
    ['khalad', 1], ['ciqaab', 2.5], ['ganaax', 2], ['diid', 1.5], ['kuma raacsani', 2], ['ma aqbali', 1.5], ['cabasho', 2], ['ka cabto', 2], ['rafcaan', 2.5],
    ['riitaut', 2.5], ['dispute', 2.5], ['complain', 2], ['said no', 1.5], ['caban', 2], ['turned down', 2], ['got it wrong', 1.5], ['kiistaa', 2], ['bestrida', 2.5],
    ['dont accept', 2], ['do not accept', 2], ['en hyvaksy', 2], ['accepterar inte', 2], ['не принимаю', 1.5], ['не приймаю', 1.5], ['ei aktsepteeri', 2], ['ما بقبل', 2], ['قبول نمیکنم', 2], ['ma aqbalo', 2],
    ['lausunto', 1.5], ['lausunnon', 1.5], ['statement', 1], ['utlatande', 1.5],
    ['valita', 2], ['valitus', 2], ['muutosta', 2], ['oikaisu', 2.5], ['paatok', 1.2], ['paatos', 1.2], ['appeal', 2.5], ['challenge', 2], ['disagree', 2], ['complain', 1.5], ['decision', 1.2], ['overklag', 2.5],
    ['bestrida', 2.5], ['omprovning', 2.5], ['beslut', 1.2], ['обжал', 2.5], ['оспор', 2.5], ['решени', 1.2], ['оскарж', 2.5], ['рішен', 1.2], ['vaidlust', 2.5], ['=otsus', 1.2], ['=otsuse', 1.2], ['=otsust', 1.2], ['=otsusega', 1.2], ['=otsuses', 1.2], ['=otsusele', 1.2], ['=otsusest', 1.2], ['اعترض', 2.5], ['الطعن', 2.5],
    ['قرار', 1.2], ['اعتراض', 2.5], ['تصمیم', 1.2], ['racfaan', 2.5], ['goaan', 1.2], ['doodi', 2],
  ],
  'residence-permit': [
    // Whether a family member who came for family reasons may work.
    ['perheen takia', 2], ['perhesyista', 2], ['perheenyhdist', 2.5], ['family reunification', 2.5], ['familjeaterforening', 2.5], ['воссоединени', 2.5], ["возз'єднанн", 2.5], ['возззєднанн', 2.5], ['возєднанн', 2.5], ['perekonna taasuhin', 2.5],
    ['لم شمل', 2.5], ['اقامت خانوادگی', 2.5], ['saako han tehda toita', 2], ['oikeus tehda toita', 2.5], ['right to work', 2.5], ['ratt att arbeta', 2.5], ['право на работу', 2.5], ['право на роботу', 2.5], ['xaq u leeyahay inuu shaqeeyo', 2],
    ['opiskelijalupa', 3], ['opiskelija lupa', 3], ['student permit', 3], ['studerandetillstand', 3], ['uppehallstillst', 3],
    ['elamislo', 2.5], ['elamislu', 2.5], ['perekonna', 1], ['اقامتم', 2], ['پیوند خانوادگی', 2],
    ['oleskelulup', 3], ['=lupa', 1.5], ['luvan', 1], ['perhesiteen', 2.5], ['perhesite', 2.5], ['tyonteko oikeus', 2], ['permit', 2.5], ['residence', 1.5], ['family ties', 2], ['right to work', 2],
    ['tillstand', 2.5], ['uppehallstillstand', 3], ['familjeband', 2.5], ['вид на жительство', 3], ['внж', 3], ['разрешени', 2], ['по семье', 1.5], ['дозвіл', 2], ['посвідк', 2.5], ['elamisluba', 3], ['=luba', 1.5],
    ['اقامه', 2.5], ['لم شمل', 2.5], ['تصریح', 2], ['اقامت', 2.5], ['ruqsad', 2.5], ['sharciga degan', 3], ['eu medborgare', 3], ['eu citizen', 3], ['eu kansalai', 3], ['гражданин ес', 3], ['гражданка ес', 3], ['громадян єс', 3], ['громадянка єс', 3], ['el kodanik', 3], ['مواطن اوروبی', 3], ['شهروند اروپا', 3], ['muwaadin yurub', 3], ['sharcigayga degan', 3], ['deganaansh', 2], ['ruqsad qoys', 3],
  ],
  'temporary-protection': [
    ['tilapai', 2], ['suojelu', 2], ['temporary protection', 4], ['tillfalligt skydd', 4], ['tillfalliga skydd', 4], ['=skydd', 1.5], ['=skyddet', 1.5], ['временн', 1.5], ['защит', 2], ['тимчасов', 1.5], ['захист', 2], ['ajutine kaitse', 4], ['ajutise kaitse', 4],
    // The Finnish term written as heard: тилапяйнен суойелу, تیلاپاینن سوئویلو.
    ['мій захист', 2.5], ['мою защиту', 2.5], ['моя защита', 2.5], ['діє мій захист', 3],
    ['اوکراین', 1.5], ['اوکرائین', 1.5], ['تیلاپاین', 3], ['тилапяйн', 3], ['тилапаин', 3], ['суойел', 2], ['تیلاپاین', 3], ['تیلاپین', 3],
    ['kaitse', 2], ['الحمایه المویقته', 4], ['حماية مؤقتة', 4], ['حماية مؤقته', 4], ['الحمایه', 2], ['المویقته', 2], ['حمایت موقت', 4], ['ilaalinta', 2], ['ku meel gaar', 2], ['ukrain', 1.5], ['украин', 1.5], ['україн', 1.5], ['اوکران', 1.5],
    // Fleeing the war, or its cities named: "we fled from Kharkiv".
    ['flydde', 1.5], ['fled', 1.5], ['fleeing', 1.5], ['pakenimme', 1.5], ['pakenin', 1.5], ['paenneet', 1.5], ['бежали', 1.5], ['сбежали', 1.5], ['втекли', 1.5], ['тікали', 1.5], ['беженц', 1.5], ['біженц', 1.5],
    ['pogenesime', 1.5], ['pogenik', 1.5], ['هربنا', 1.5], ['فررنا', 1.5], ['فرار کردیم', 1.5], ['ka soo carar', 1.5], ['sooca', 1], ['харьков', 1.5], ['харків', 1.5], ['kharkiv', 1.5], ['charkiv', 1.5], ['киев', 1.5], ['київ', 1.5],
    ['kyiv', 1.5], ['kiev', 1.5], ['harkov', 1.5], ['sodan takia', 2], ['sotaa pakoon', 2], ['because of the war', 2], ['pga kriget', 2], ['из-за войны', 2], ['через війну', 2], ['soja tottu', 2], ['بسبب الحرب', 2], ['به خاطر جنگ', 2], ['بخاطر جنگ', 2], ['одесс', 1.5], ['одес', 1.5], ['odesa', 1.5], ['mariupol', 1.5], ['мариупол', 1.5], ['маріупол', 1.5], ['днепр', 1.5], ['дніпр', 1.5], ['запорож', 1.5], ['запоріж', 1.5],
  ],
  'integration-plan': [
    ['kohanemiskava', 4], ['kotoutumisohjelm', 3],
    ['integratsiooniplaan', 4], ['integratsioonikava', 4], ['kotoutumis', 1.5],
    ['کوتوتومیس', 2], ['کوتوتومس', 2], ['котоутумис', 2], ['برنامه کتوتومیس', 3.5], ['برنامه کوتوتومیس', 3.5], ['کتوتومیس', 2],
    ['kotoutumissuunnitelm', 4], ['integration plan', 4], ['integrationsplan', 4], ['план интеграц', 4], ['план інтеграц', 4], ['loimumiskava', 4], ['خطه الاندماج', 4], ['برنامه ادغام', 4],
    ['qorshah', 1.5], ['is dhexgal', 2], ['alkukartoitu', 2.5], ['initial assessment', 2], ['integraatio', 1.5], ['الاندماج', 1.5], ['ادغام', 1.5], ['интеграц', 1.5], ['інтеграц', 1.5],
  ],
};

/** Matters outside employment services that share words with its topics (housing allowance, taxes, elections). */
export const OUT_OF_SCOPE: readonly string[] = [
  'asumistu', 'asumistuki', 'housing', 'rent', 'vuokra', 'bostadsbidrag', 'hyra', 'жилищн', 'аренд', 'житлов', 'оренд', 'eluaseme', '=uur', 'uuri', 'السکن', 'ایجار', 'مسکن', 'اجاره', 'guriga', 'kirada',
  // Other places' opening hours and other things to buy or do for fun: not the employment services.
  'kirjasto', 'library', 'bibliotek', 'библиотек', 'бібліотек', 'raamatukogu', 'کتابخونه', 'کتابخانه', 'المکتبه', 'maktabad', 'ravintola', 'restaurant', 'ресторан', 'رستوران', 'مطعم', 'maqaay',
  'kauppa', 'kaupat', '=shop', 'supermarket', 'butik', 'магазин', 'pood', 'فروشگاه', 'سوپرمارکت', 'dukaan', 'paakaupunki', 'capital of', 'huvudstad', 'столиц', 'pealinn', 'پایتخت', 'عاصمه', 'caasimad',
  'kuupilet', 'bussipilet', 'bussilippu', 'bus ticket', 'busskort', 'проездн', 'проїзн', 'بلیط اتوبوس', 'harrastu', 'hobby', 'hobbies', 'хобби', 'хобі', 'hobi', 'سرگرمی', 'هوایه',
  // Other public services people also ask a municipality's chat about: health care, parking, driving, family
  // benefits, pensions, moving notices, income support, elections.
  'terveyskeskus', 'terveysasema', 'health centre', 'health center', 'halsocentral', 'поликлиник', 'к врачу', 'до лікаря', 'perearst', 'درمانگاه', 'المرکز الصحی', 'xarunta caafimaad',
  'pysakointi', 'parkkisakko', 'parking', 'parkering', 'парковк', 'паркуван', 'parkimis', 'جریمه پارک', 'مخالفه الوقوف', 'baarkin',
  'katsastu', 'car inspection', 'besiktning', 'техосмотр', 'техогляд', 'ulevaatus', 'معاینه فنی', 'baaritaanka baabuur', 'ajokortti', 'driving licen', 'korkort', 'водительск', 'посвідчення водія', 'juhiluba', 'گواهینامه', 'رخصه السواقه', 'shatiga',
  'vanhempainpaiva', 'aitiysraha', 'parental allowance', 'maternity', 'foraldrapenning', 'декрет', 'vanemahuvit', 'مرخصی زایمان',
  'elakkeelle', 'elaketta', 'retire', 'pension', 'пенси', 'пенсі', 'pensionile', 'بازنشستگی', 'تقاعد', 'hawlgab',
  'muuttoilmoitus', 'flyttanmalan', 'toimeentulotu', 'utkomststod', 'income support', 'social assistance', 'vaalit', 'eduskuntavaal', 'election', 'выборы', 'выборах', 'вибори', 'виборах', 'valimis', 'doorashad',
  'ekaluokka', 'eskari', 'paivakoti', 'paivakotiin', 'first grade', 'daycare', 'kindergarten', 'ettan i skolan', 'dagis', 'первый класс', 'перший клас', 'детский сад', 'садок', 'lasteaed', 'fasalka koowaad', 'کلاس اول', 'الصف الاول', 'مهدکودک', 'روضه', 'xannaanad',
  'poliisi', 'police', 'полици', 'поліці', 'پلیس', 'الشرطه', 'booliska', 'passport', 'baasaboor', 'vanhuuselak', 'alderspension', 'maksutagastus',
  'jullov', 'joululoma', 'канікул', 'каникул', 'عطله المدارس', 'تعطیلات', 'fasaxa', 'night bus', 'last bus', 'seuraava bussi', 'bussi ei', 'sparvagn', 'laev', 'автобус', 'اتوبوس', 'الباص', 'baska',
  'bussikort', 'bus card', 'bussikaart', '=elake', 'prepaid', 'phone operator', 'liittyma', 'sahkosopimus', 'electricity', 'قرارداد برق', 'roskat', 'garbage', 'الزباله', 'pottery', 'керамик', 'малюван', 'just for fun', 'для себя', 'для себе', 'للتسلیه', 'madadaalo',
  'vero', 'taxes', '=tax', 'skatt', 'налог', 'податк', '=maks', '=maksud', 'ضریبه', 'مالیات', 'canshuur', 'aanesta', 'vote', 'rosta', 'голосов', 'haaleta', 'انتخابات', 'codee', 'joke', 'vitsi', 'weather',
];
