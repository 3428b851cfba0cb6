/**
 * Cue words for each topic, in every shipped language and in the mixed Finnish-and-other
 * language people actually type. A cue matches the start of a word ("tyomarkkinatu" finds
 * "työmarkkinatukea"), a cue starting with "=" only a whole word, and an Arabic-script cue
 * anywhere (prefixes attach to words). Weights: 1 for a word that points to the topic, 2–3 for
 * one that alone names it. Written from how jobseekers ask, tuned only on the tuning part of
 * test/knowledge/understanding.
 */

export type Cue = string | readonly [string, number];

/** Words that mean the pilot itself; many topics mention it, so alone they weigh little. */
export const PILOT_WORDS: readonly string[] = [
  'kuntakokeilu', 'kokeilu', 'tyollisyyskokeilu', 'tyollisyyden kuntakokeilu', 'pilot', 'trial', 'experiment', 'scheme', 'forsok', 'sysselsattningsforsok', 'kommunforsok',
  'пилот', 'эксперимент', 'проект', 'пілот', 'експеримент', 'katse', 'piloot', 'تجربه', 'التجربه', 'مشروع', 'tijaabad', 'mashruuc', 'ازمایش', 'طرح', 'پایلوت',
];

export const TOPIC_CUES: Record<string, readonly Cue[]> = {
  pilot: [
    ['tahendas', 0.8], ['mida tahendab', 0.8], ['miksi', 0.6], ['why', 0.6], ['varfor', 0.6], ['почему', 0.6], ['чому', 0.6], ['miks', 0.6], ['لیش', 0.6], ['چرا', 0.6], ['sababta', 0.6], ['siirrettiin kuntaan', 1.5], ['moved to the municipality', 1.5],
    ['mika oli', 0.6], ['mita tarkoitti', 0.8], ['mita taa', 0.6], ['mika juttu', 0.8], ['tarkott', 0.6], ['what was', 0.6], ['what exactly', 0.6], ['explain', 0.8], ['tell me about', 0.8],
    ['vad handlade', 0.8], ['vad var', 0.6], ['forklara', 0.8], ['что такое', 0.6], ['что за', 0.6], ['объясни', 0.8], ['що таке', 0.6], ['що за', 0.6], ['поясни', 0.8],
    ['mis oli', 0.6], ['mis on', 0.4], ['selgita', 0.8], ['ما معنی', 0.8], ['اشرح', 0.8], ['شو هو', 0.4], ['چیست', 0.4], ['توضیح', 0.8], ['یعنی چه', 0.8], ['micnaheedu', 0.8],
    ['sharax', 0.8], ['simple words', 0.6], ['simply', 0.4], ['простыми словами', 0.8], ['простими словами', 0.8], ['si fudud', 0.6], ['بکلام بسیط', 0.8], ['به زبان ساده', 0.8],
    ['mihin mut siirrettiin', 1], ['siirrettiin', 0.6], ['moved me', 0.6], ['towns ran', 0.6],
  ],
  'target-groups': [
    ['keta varten', 1.5], ['kenen', 1], ['mitka ihmiset', 1.5], ['ketka', 1], ['siirtyi kunnalle', 1.5], ['koiki tootuid', 1.5], ['ainult osa', 1.5], ['kes olid', 1], ['тільки деяких', 1.5], ['лише деяких', 1.5], ['همه بیکار', 1.5], ['فقط بعضی', 1.5], ['مشتری', 1.2], ['کیا بودن', 1], ['kuka kuului', 1.5], ['who belonged', 1.5], ['who was included', 1.5],
    'keille', 'kenelle', 'keita koski', 'mitka ryhmat', 'kohderyhm', 'ketka', ['siirty kunnan asiakkaaksi', 2], 'who was it for', 'who were the customers', 'customers of', 'target group',
    'all unemployed', 'just some', 'only some', 'vilka var kunder', 'gallde det alla', 'bara vissa', 'malgrupp', 'для кого', 'кто были', 'клиентами', 'всех безработных', 'только некоторых',
    'цільов', 'хто були', 'клієнтами', 'всіх безробітних', 'лише деяких', 'sihtruhm', 'kellele', 'koik tootud', 'kliendid', 'لکل العاطلین', 'لبعضهم', 'عملاء', 'الفیات', 'لمن کانت',
    'برای چه کسانی', 'گروه هدف', 'همه بیکاران', 'مشتریان', 'yaa ahaa', 'dhammaan shaqo', 'qaar kaliya', 'macaamiisha', 'kaikki tyottomat', 'vai vain osa', 'koskiko kaikkia', 'asiakkaita',
  ],
  'under-30': [
    ['=30', 1.2], ['30v', 1.2], ['kolmekymp', 1.5], ['thirty', 1.5], ['trettio', 1.5], ['тридцат', 1.5], ['тридцят', 1.5], ['kolmkumne', 1.5], ['الثلاثین', 1.5], ['soddon', 1.5], ['=سی', 1.2],
    'nuori', 'nuoret', 'nuoria', 'young', 'youth', 'unga', 'ungdom', 'молод', 'noor', 'noored', 'شباب', 'الشباب', 'جوان', 'dhalinyar', 'nuorille',
  ],
  immigrants: [
    ['maahanmuuttaj', 2], ['ulkomaalai', 2], ['vieraskiel', 2], ['immigrant', 2], ['foreigner', 2], ['foreign', 1], ['invandrare', 2], ['utlanning', 2], ['иммигрант', 2], ['иностран', 2],
    ['іммігрант', 2], ['іноземц', 2], ['sisserandaja', 2], ['valismaala', 2], ['مهاجر', 2], ['الاجانب', 2], ['اجنبی', 2], ['muhaajir', 2], ['ajaanib', 2], ['خارجی', 2], ['مهاجران', 1],
    ['muutin suomeen', 1.5], ['moved here', 1.5], ['moved to finland', 1.5], ['flyttade hit', 1.5], ['переехал', 1.5], ['переїхал', 1.5], ['kolisin', 1.5], ['soo guuray', 1.5], ['امدم', 1],
    ['koskeeko tama minua', 1], ['apply to me', 1], ['does this apply', 1],
  ],
  benefits: [
    ['tuen', 0.6], ['tootushuvit', 2], ['huvitist', 1.5], ['مستمری', 1.5], ['بیمه بیکاری', 2], ['ضمان', 1], 
    ['=kela', 1.5], ['kelalta', 1.5], ['kassa', 1.2], ['kassasta', 1.5], ['tyomarkkinatu', 1.5], ['peruspaivarah', 2], ['ansiosidonnai', 2], ['ansiopaivarah', 2], ['paivarah', 1.5],
    ['tyottomyysturv', 2], ['tyottomyysetu', 2], ['tyottomyysrah', 2], ['paljonko', 1], ['rahaa', 1], ['=tuki', 0.6], ['etuu', 1.2], ['benefit', 1.5], ['allowance', 1.5], ['subsidy', 1], ['who pays', 1.5],
    ['how much', 1], ['money', 1], ['the fund', 1.2], ['fund', 0.8], ['=fpa', 1.5], ['fpas', 0.5], ['kassan', 1.2], ['arbetsloshetsersattning', 2], ['arbetsmarknadsstod', 2], ['dagpenning', 2], ['formaner', 1],
    ['formanen', 1], ['ersattning', 1.5], ['vem betalar', 1.5], ['hur mycket', 1], ['пособи', 1.5], ['выплат', 1], ['сколько составляет', 1.5], ['сколько', 0.6], ['касс', 1.2], ['кто платит', 1.5],
    ['допомог', 1.2], ['скільки', 0.6], ['хто платить', 1.5], ['=каса', 1.2], ['=касу', 1.2], ['=каси', 1.2], ['toetus', 1.2], ['huvitis', 1.5], ['kui palju', 1], ['kes maksab', 1.5], ['tootuskassa', 1.5], ['اعانه', 1.5],
    ['الصندوق', 1.2], ['قدیش', 0.8], ['مین بیدفع', 1.5], ['من یدفع', 1.5], ['مزایا', 1.5], ['کمک هزینه', 1.5], ['حقوق بیکاری', 2], ['صندوق', 1], ['چقدر', 0.8], ['کی پرداخت', 1.5], ['gunnad', 1.5],
    ['gunno', 1.5], ['lacag', 1], ['sanduuq', 1.2], ['imisa', 0.6], ['yaa bixiya', 1.5], ['unemployment money', 1.5], ['unemployment benefit', 1],
  ],
  dates: [
    ['تموم', 1], ['کی تموم', 1.5], ['lopp', 0.6],
    ['milloin', 1.5], ['kauanko', 1.5], ['loppu', 1], ['alko', 1], ['kesti', 1.2], ['=when', 1.5], ['how long', 1.5], ['end', 0.6], ['last', 0.6], ['=nar', 1.5], ['hur lange', 1.5], ['slut', 0.8],
    ['holl', 0.6], ['когда', 1.5], ['сколько длил', 1.5], ['закончил', 1], ['коли', 1.5], ['скільки трива', 1.5], ['закінчи', 1], ['millal', 1.5], ['kui kaua', 1.5], ['loppes', 1], ['kestis', 1],
    ['متی', 1.5], ['انتهت', 1], ['استمرت', 1.2], ['کی تمام', 1.5], ['چه زمانی', 1.5], ['تمام شد', 1], ['چقدر طول', 1.5], ['goorma', 1.5], ['dhammaatay', 1], ['intee', 1], ['socotay', 1.2], ['2021', 0.5], ['2024', 0.5],
  ],
  'after-pilot': [
    ['2024 jalkeen', 2], ['after 2024', 2], ['efter 2024', 2], ['после 2024', 2], ['після 2024', 2], ['parast 2024', 2], ['بعد 2024', 2], ['بعد از 2024', 2], ['2024 kadib', 2], ['mita kokeilun jalkeen', 1],
    ['kokeilun jalkeen', 1.5], ['nyt kun', 1], ['=after', 0.8], ['now that', 1], ['over now', 1], ['efter forsoket', 1.5], ['после', 0.8], ['після', 0.8], ['parast', 0.8], ['بعد انتهاء', 1.5],
    ['پس از', 0.8], ['kadib', 0.8], ['tyollisyysalue', 1.2], ['employment area', 1.2], ['sysselsattningsomrade', 1.2], ['область занят', 1.2], ['область зайнят', 1.2], ['tooh', 0.8],
    ['منطقه التوظیف', 1.2], ['منطقه اشتغال', 1.2], ['aagga shaqada', 1.2], ['te24', 2], ['2025', 0.8],
  ],
  municipalities: [
    ['mitka kunnat', 2], ['kunnat', 1.2], ['kunta', 0.6], ['municipalit', 1.2], ['which towns', 1.5], ['which cities', 1.5], ['kommuner', 1.2], ['kommunen', 0.6], ['муниципалитет', 1.2],
    ['какие города', 1.5], ['муніципалітет', 1.2], ['які міста', 1.5], ['omavalitsus', 1.2], ['البلدیات', 1.2], ['بلدیه', 1], ['شهرها', 1.2], ['شهرداری', 0.6], ['degmooyin', 1.2], ['degmo', 0.6],
  ],
  coach: [
    ['maxaan helayaa', 2], ['mita saan', 1.5], ['what do i get', 1.5], ['what did customers get', 1.5], ['vad far jag', 1.5], ['что я получу', 1.5], ['що я отримаю', 1.5], ['mida ma saan', 1.5], ['ماذا احصل', 1.5], ['شو باخد', 1.5], ['چه چیزی میگیرم', 1.5],
    ['valmentaja', 1.5], ['oma valmentaja', 2], ['valmentajan', 1], ['coach', 1.5], ['oma coach', 2], ['personal coach', 2], ['personlig coach', 2], ['коуч', 1.5], ['наставник', 1.5], ['тренер', 1],
    ['coachi', 1], ['مدرب', 1.5], ['مربی', 1.5], ['tababar', 1.5], ['mita se tekee', 1], ['mita se mulle', 1], ['help with', 0.6], ['hjalper', 0.6], ['помогает', 0.6], ['допомагає', 0.6],
    ['aitab', 0.6], ['بیساعد', 0.8], ['کمک میکند', 0.6], ['caawiyaa', 0.6], ['oma valmentaja', 1], ['what is an oma', 1],
  ],
  booking: [
    ['varata', 2], ['varaa', 2], ['varaus', 2], ['ajan', 0.8], ['tapaamis', 1.5], ['juttelemaan', 1.5], ['puhumaan', 1.5], ['puhua', 1.5], ['jutella', 1.5], ['=book', 2], ['booking', 2], ['appointment', 2], ['meeting', 1.5],
    ['talk to', 1.5], ['speak to', 1.5], ['speak with', 1.5], ['talk with', 1.5], ['=boka', 2], ['mote', 1.5], ['prata med', 1.5], ['traffa', 1.2], ['записат', 2], ['встреч', 1.5], ['поговорит', 1.5],
    ['записати', 2], ['зустріч', 1.5], ['поговорити', 1.5], ['broneeri', 2], ['kohtumi', 1.5], ['raakida', 1.5], ['aeg', 0.8], ['موعد', 2], ['احکی', 1.5], ['احجز', 2], ['وقت بگیر', 2], ['نوبت', 2],
    ['قرار ملاقات', 2], ['صحبت', 1.5], ['ballan', 2], ['ula hadl', 1.5], ['la hadl', 1.5], ['la kulan', 1.5],
  ],
  eligibility: [
    ['am i in', 1.5], ['am i part', 1.5], ['olenko', 1], ['hor jag', 1.5], ['tillhor jag', 1.5], ['вхожу ли', 1.5], ['чи входжу', 1.5], ['kas ma kuulun', 1.5], ['هل انا', 1], ['ایا من', 1], ['ma ka mid ahay', 1.5],
    ['kuulua tahan', 1.5], ['kuulunko', 1.5], ['kuuluinko', 1], ['kuulunko tahan', 1.5], ['voinko kuulua', 1.5], ['حقش', 1.5], ['حق دارم', 1.5], ['do i belong', 1.5], ['hor jag till', 1.5], ['отношусь ли', 1.5], ['належу', 1.5], ['kas ma kuulun', 1.5], ['ma ka mid ahaa', 1.5],
    ['oikeutettu', 2], ['olisinko', 2], ['kuuluisinko', 2], ['olisinko ollut', 2], ['oonko oikeutettu', 2], ['eligible', 2], ['would i have', 2], ['do i qualify', 2], ['qualify', 1.5], ['am i entitled', 2],
    ['berattigad', 2], ['skulle jag ha', 2], ['имею ли я право', 2], ['имею право', 1.5], ['был бы я', 2], ['была бы я', 2], ['подхожу ли', 2], ['чи маю право', 2], ['маю право', 1.5], ['чи був би', 2], ['була б я', 2],
    ['oleksin', 2], ['kas mul on oigus', 2], ['oigustatud', 2], ['یحق لی', 2], ['رح اکون', 2], ['کنت سا', 1.5], ['واجد شرایط', 2], ['حق دارم', 1.5], ['xaq ma u leeyahay', 2], ['xaq u leeyahay', 1.5], ['ku jiri lahaa', 2],
    ['target group', 0.5], ['kohderyhmaan', 1], ['would have been', 2], ['olisin ollut', 2],
  ],
  offices: [
    ['toimisto', 1.5], ['osoite', 2], ['toimipiste', 1.5], ['puhelin', 2], ['puhelinnumero', 2], ['aukiolo', 2], ['office', 1.5], ['address', 2], ['phone', 2], ['service point', 1.5], ['opening hours', 2],
    ['visit', 1], ['kontor', 1.5], ['adress', 2], ['servicepunkt', 1.5], ['telefon', 2], ['oppettider', 2], ['офис', 1.5], ['адрес', 2], ['телефон', 2], ['пункт обслуж', 1.5], ['офіс', 1.5], ['buroo', 1.5],
    ['aadress', 2], ['kontaktandmed', 1.5], ['مکتب', 1.5], ['عنوان', 2], ['هاتف', 2], ['رقم', 1], ['نقطه الخدمه', 1.5], ['دفتر', 1.5], ['ادرس', 2], ['تلفن', 2], ['شماره', 1], ['xafiis', 1.5], ['cinwaan', 2],
    ['telefoon', 2], ['lambar', 1], ['xarunta', 1.5], ['missa teidan', 1.5], ['where is your', 1.5], ['var ligger', 1.5], ['где ваш', 1.5], ['де ваш', 1.5], ['kus on teie', 1.5], ['وین مکتب', 1.5],
  ],
  'work-trial': [
    ['tyokokeilu', 3], ['kokeilemaan', 1.5], ['kokeilla', 1], ['work trial', 3], ['try out a job', 3], ['try a job', 3], ['try out', 1.5], ['prova pa', 2], ['arbetsprovning', 3], ['попробовать поработать', 3],
    ['попробовать', 1.5], ['спробувати', 1.5], ['пробн', 1.5], ['tooproov', 3], ['proovida', 1.5], ['جرب شغل', 3], ['اجرب', 1.5], ['جرب', 1.5], ['کار ازمایشی', 3], ['امتحان کنم', 1.5], ['isku dayi', 2], ['isku day', 1.5],
  ],
  'rehab-work': [
    ['kuntouttav', 3], ['rehabilit', 3], ['реабилит', 3], ['реабіліт', 3], ['rehabiliteeriv', 3], ['تاهیلی', 3], ['توانبخش', 3], ['baxnaanin', 3],
  ],
  duties: [
    ['montako tyopaikkaa', 2], ['hakea kuussa', 2], ['kuukaudessa', 1], ['kuussa', 1], ['velvollisuu', 2], ['pitaako', 0.6], ['en hae', 1.5], ['nelja paikkaa', 2], ['neljaa', 1.2], ['how many jobs', 2],
    ['each month', 1], ['per month', 1], ['a month', 1], ['obligation', 2], ['must i', 0.8], ['dont apply', 1.5], ['hur manga jobb', 2], ['i manaden', 1], ['per manad', 1], ['skyldighet', 2], ['inte soker', 1.5],
    ['сколько ваканс', 2], ['откликаться', 1.5], ['в месяц', 1], ['обязан', 2], ['не подам', 1.5], ['заявки', 0.8], ['скільки ваканс', 2], ['на місяць', 1], ['обовязк', 2], ['mitu tood', 2], ['kuus', 0.8],
    ['kohustus', 2], ['کم وظیفه', 2], ['بالشهر', 1], ['ما قدمت', 1.5], ['چند شغل', 2], ['در ماه', 1], ['ماهی', 1], ['وظایف', 1.5], ['immisa shaqo', 2], ['bishii', 1], ['codsan', 0.8], ['=4', 1],
    ['alkuhaastattelu', 2], ['initial interview', 2],
  ],
  privacy: [
    ['tiedot', 1.2], ['tietoni', 1.5], ['poista', 2], ['data', 1.5], ['delete', 2], ['gdpr', 2], ['privacy', 2], ['radera', 2], ['uppgifter', 1.2], ['данные', 1.5], ['удали', 2], ['дані', 1.5], ['видали', 2],
    ['andmed', 1.5], ['kustuta', 2], ['بیانات', 1.5], ['احذف', 2], ['حذف', 2], ['داده', 1.5], ['اطلاعات', 1], ['xogt', 1.5], ['tirtir', 2],
  ],
  register: [
    ['جوینده کار', 1], ['jobbsokande', 0.8], ['arbetssokande', 0.8],
    ['ilmoittaud', 2], ['ilmottaud', 2], ['ilmoittautu', 2], ['ilmottautu', 2], ['rekisteroi', 2], ['tyonhakijaks', 1.5], ['tyomarkkinatori', 2.5], ['=tmt', 2], ['sign up', 2], ['=register', 2], ['registration', 2],
    ['job market finland', 2.5], ['anmal', 2], ['anmalan', 2], ['skriver in mig', 2], ['skriva in', 2], ['jobbmarknaden', 2.5], ['registrer', 2], ['зарегистр', 2], ['встать на учет', 2], ['регистрац', 2],
    ['зареєстр', 2], ['реєстрац', 2], ['стати на облік', 2], ['registreeru', 2], ['registreeri', 2], ['تسجیل', 2], ['سجل', 2], ['بسجل', 2], ['ثبتنام', 2], ['ثبت نام', 2], ['diiwaangel', 2], ['iska qor', 2], ['isku diiwaan', 2],
  ],
  'te-offices': [
    ['te toimisto', 3], ['te toimiston', 3], ['=te', 1.5], ['te office', 3], ['te byra', 3], ['te byran', 3], ['te офис', 3], ['te офіс', 3], ['te buroo', 3], ['te bur', 2], ['te palvelut', 2],
    ['مکتب العمل', 2], ['اداره کار', 2.5], ['دفتر te', 3], ['xafiiska te', 3], ['katos', 1], ['disappear', 1], ['closed', 1], ['lakkautet', 1.5], ['lopetettiin', 1], ['what happened', 1], ['vad hande', 1],
    ['что случилось', 1], ['що сталося', 1], ['mis sai', 1], ['شو صار', 1], ['چه شد', 1], ['maxaa ku dhacay', 1],
  ],
  'language-courses': [
    ['kurssi', 0.6], ['course', 0.6], ['=kurs', 0.6], ['курс', 0.6], ['kursus', 0.6], ['دوره', 0.6], ['کلاس', 1.2], ['koorso', 0.6], ['class', 1.2], ['klass', 1],
    ['suomea', 2.5], ['ruotsia', 2.5], ['suomen kiel', 2], ['ruotsin kiel', 2], ['suomen kurssi', 2.5], ['ruotsin kurssi', 2.5], ['kielikurss', 2.5], ['kotoutumiskoulutu', 3], ['finnish', 2.5], ['swedish', 2.5],
    ['language', 1.5], ['finska', 2.5], ['svenska', 2.5], ['sprakkurs', 2.5], ['integrationsutbildning', 3], ['финск', 2.5], ['шведск', 2.5], ['язык', 1.5], ['фінськ', 2.5], ['шведськ', 2.5], ['мов', 1],
    ['soome keel', 2], ['rootsi keel', 2], ['keelekursus', 2.5], ['loimumiskoolitus', 3], ['فنلندی', 2.5], ['سویدی', 2.5], ['اللغه', 1.5], ['زبان', 1.5], ['فنلاندی', 2.5], ['سوئدی', 2.5], ['finnishka', 2.5],
    ['iswiidhish', 2.5], ['luqad', 1.5], ['fasal', 1], ['learn', 0.8], ['oppia', 0.8], ['lara mig', 0.8], ['выучить', 0.8], ['учить', 0.6], ['вивчити', 0.8], ['oppida', 0.8], ['اتعلم', 0.8], ['یاد بگیرم', 0.8], ['barto', 0.8],
  ],
  'cv-help': [
    ['motivatsioonikir', 2.5], ['درخواست کار', 2.5], ['رزومه', 2.5], ['kaaskiri', 2.5], ['labi lugeda', 1],
    ['=cv', 2.5], ['cvn', 2.5], ['ansioluettel', 2.5], ['hakemus', 2], ['tyohakemus', 2.5], ['hakemuksen', 2], ['resume', 2.5], ['cover letter', 2.5], ['job application', 2.5], ['application', 1.5],
    ['ansokan', 2], ['personligt brev', 2.5], ['jobbansokan', 2.5], ['резюме', 2.5], ['сопроводительн', 2.5], ['заявление на работу', 2.5], ['супровідн', 2.5], ['заява на роботу', 2.5], ['заяву', 1.5],
    ['avaldus', 2], ['motivatsioonikiri', 2.5], ['سیره الذاتیه', 2.5], ['طلب توظیف', 2.5], ['رساله التحفیز', 2.5], ['رزومه', 2.5], ['نامه', 1.5], ['codsi shaqo', 2.5], ['warqadd', 2], ['codsiga', 1.5],
  ],
  'pay-subsidy': [
    ['palkkatu', 3], ['tyonantaja', 1.5], ['employer', 1.5], ['wage subsid', 3], ['pay subsid', 3], ['subsidised job', 3], ['hire me', 1.5], ['arbetsgivare', 1.5], ['lonesubvention', 3], ['anstaller mig', 1.5],
    ['работодател', 1.5], ['наймет', 1.5], ['роботодав', 1.5], ['найме', 1.5], ['tooandja', 1.5], ['palgatoetus', 3], ['صاحب العمل', 1.5], ['وظفنی', 1.5], ['کارفرما', 1.5], ['استخدام', 1], ['shaqo bixiye', 1.5],
    ['loo shaqeeye', 1.5], ['shaqaaleysiiy', 1.5], ['palkkaa mut', 1.5], ['palkkaa minut', 1.5],
  ],
  studying: [
    ['algatus', 2], ['oppim', 1.5], ['oppima', 1.5], ['opetust', 1],
    ['opiskel', 1.5], ['opinnot', 1.5], ['kurssi', 1.2], ['kurssin', 1.2], ['koulu', 1.2], ['omaehtoi', 3], ['=study', 1.5], ['studies', 1.5], ['studying', 1.5], ['course', 1.2], ['school', 1.2],
    ['self motivated', 3], ['studera', 1.5], ['studier', 1.5], ['=kurs', 1.2], ['frivilliga studier', 3], ['учеб', 1.5], ['учит', 0.8], ['курс', 1.2], ['самостоятельн', 2], ['навча', 1.5], ['вчит', 0.8],
    ['самостійн', 2], ['opi', 1.2], ['kursus', 1.2], ['omaalgatuslik', 3], ['دراسه', 1.5], ['ادرس', 1.2], ['کورس', 1.2], ['دوره', 1.2], ['تحصیل', 1.5], ['درس', 1.2], ['الذاتیه', 1], ['waxbarash', 1.5],
    ['koorso', 1.2], ['wax baran', 1.5], ['iskaa ah', 1.5], ['tyovoimakoulutu', 2.5], ['labour market training', 2.5], ['while unemployed', 0.5], ['tyottomana', 0.5],
  ],
  appeal: [
    ['valita', 2], ['valitus', 2], ['muutosta', 2], ['oikaisu', 2.5], ['paatok', 1.2], ['paatos', 1.2], ['appeal', 2.5], ['challenge', 2], ['disagree', 2], ['complain', 1.5], ['decision', 1.2], ['overklag', 2.5],
    ['bestrida', 2.5], ['omprovning', 2.5], ['beslut', 1.2], ['обжал', 2.5], ['оспор', 2.5], ['решени', 1.2], ['оскарж', 2.5], ['рішен', 1.2], ['vaidlust', 2.5], ['otsus', 1.2], ['اعترض', 2.5], ['الطعن', 2.5],
    ['قرار', 1.2], ['اعتراض', 2.5], ['تصمیم', 1.2], ['racfaan', 2.5], ['goaan', 1.2], ['doodi', 2],
  ],
  'residence-permit': [
    ['elamislo', 2.5], ['elamislu', 2.5], ['perekonna', 1], ['اقامتم', 2], ['پیوند خانوادگی', 2],
    ['oleskelulup', 3], ['=lupa', 1.5], ['luvan', 1], ['perhesiteen', 2.5], ['perhesite', 2.5], ['tyonteko oikeus', 2], ['permit', 2.5], ['residence', 1.5], ['family ties', 2], ['right to work', 2],
    ['tillstand', 2.5], ['uppehallstillstand', 3], ['familjeband', 2.5], ['вид на жительство', 3], ['внж', 3], ['разрешени', 2], ['по семье', 1.5], ['дозвіл', 2], ['посвідк', 2.5], ['elamisluba', 3], ['=luba', 1.5],
    ['اقامه', 2.5], ['لم شمل', 2.5], ['تصریح', 2], ['اقامت', 2.5], ['ruqsad', 2.5], ['sharciga degan', 3], ['ruqsad qoys', 3],
  ],
  'temporary-protection': [
    ['tilapai', 2], ['suojelu', 2], ['temporary protection', 4], ['tillfalligt skydd', 4], ['временн', 1.5], ['защит', 2], ['тимчасов', 1.5], ['захист', 2], ['ajutine kaitse', 4], ['ajutise kaitse', 4],
    ['kaitse', 2], ['الحمایه المویقته', 4], ['الحمایه', 2], ['المویقته', 2], ['حمایت موقت', 4], ['ilaalinta', 2], ['ku meel gaar', 2], ['ukrain', 1.5], ['украин', 1.5], ['україн', 1.5], ['اوکران', 1.5],
  ],
  'integration-plan': [
    ['integratsiooniplaan', 4], ['integratsioonikava', 4], ['kotoutumis', 1.5],
    ['kotoutumissuunnitelm', 4], ['integration plan', 4], ['integrationsplan', 4], ['план интеграц', 4], ['план інтеграц', 4], ['loimumiskava', 4], ['خطه الاندماج', 4], ['برنامه ادغام', 4],
    ['qorshah', 1.5], ['is dhexgal', 2], ['alkukartoitu', 2.5], ['initial assessment', 2], ['integraatio', 1.5], ['الاندماج', 1.5], ['ادغام', 1.5], ['интеграц', 1.5], ['інтеграц', 1.5],
  ],
};

/** Matters outside employment services that share words with its topics (housing allowance, taxes, elections). */
export const OUT_OF_SCOPE: readonly string[] = [
  'asumistu', 'asumistuki', 'housing', 'rent', 'vuokra', 'bostadsbidrag', 'hyra', 'жилищн', 'аренд', 'житлов', 'оренд', 'eluaseme', '=uur', 'uuri', 'السکن', 'ایجار', 'مسکن', 'اجاره', 'guriga', 'kirada',
  'vero', 'taxes', '=tax', 'skatt', 'налог', 'податк', '=maks', '=maksud', 'ضریبه', 'مالیات', 'canshuur', 'aanesta', 'vote', 'rosta', 'голосов', 'haaleta', 'انتخابات', 'codee', 'joke', 'vitsi', 'weather',
];
