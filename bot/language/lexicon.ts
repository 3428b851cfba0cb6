/**
 * Small embedded word lists for the own language detector: frequent function words,
 * greetings and chat vocabulary a jobseeker uses. They serve twice: as exact-match
 * evidence, and as the training text for the per-language character trigram model.
 * Words are lower-case; a word may appear in several languages (it then counts for each).
 */
import type { DetectableLanguage } from './types.js';

const words = (s: string): readonly string[] => s.trim().split(/\s+/u);

export const LEXICON: Record<DetectableLanguage, readonly string[]> = {
  fi: words(`
    ilmoittaa ilmoitus sanoi sanoa kertoa kerro tiedä tiedän tietää muista muistaa
    vanha uusi iso pieni nopea hidas helppo vaikea tärkeä valmis ahkera kiva mukava
    koti kotona kotiin auto bussi juna matka koulu opiskelu opiskelija tutkinto todistus
    vuosi vuotta vuoden viikolla huomenna eilen tänään aamulla illalla heti pian kohta
    joka jokin joku kaikki mitään mikään kukaan ehkä aina koskaan usein joskus
    lääkäri kela verokortti palkka vuokra lasku laskut kirje lomake hakemukseen työnhaku
    olisi olisiko olisin voisin voisinko haluaisin pitäisi kannattaa tulee tulen menen
    minulla sinulla hänellä meillä teillä heillä minua sinua häntä meitä teitä
    sama eri toinen toisen ensimmäinen viimeinen oikea väärä totta
      hei moi moikka terve heippa huomenta päivää iltaa kiitos kiitti kiitoksia apua
    minä mä sinä sä hän me te he minun mun sinun meidän teidän ja tai mutta että kun jos
    on ole olen olet olla oli ei en et emme eivät kyllä joo juu niin no
    mitä mikä mitkä miksi miten kuinka milloin missä mistä mihin kuka ketä kenelle paljonko
    voinko voiko voisitko saanko saako pitää täytyy haluan tarvitsen tarvii osaa osaan
    tämä tuo se tässä siellä täällä nyt vielä jo myös vain hyvin hyvä huono paljon vähän
    apu apua rahaa raha tuki tukea työ työtä työn työtön työpaikka hakemus hakea haen haku
    koulutus koulutukseen kurssi aika ajan tapaaminen tapaamisen seuraava seuraavan
    toimisto toimistoon numero soitan soittaa kuukausi kuukaudessa kuussa päivä viikko
    ymmärrä ymmärrän ymmärtänyt suomea suomeksi puhua kanssa asun asua osoite
    saanut saanu saada sain mulle minulle sinulle meille kuka tehdä teen teet anteeksi
    sairas lapsi lapset perhe opiskella opiskelen ilmoittaudun ilmottaudun voimassa
  `),
  sv: words(`
    trevlig trevligt helg helgen vecka veckan år året idag imorgon igår snart alltid aldrig
    gammal ny stor liten snabb svår lätt viktig färdig hemma hem bil buss tåg resa skola
    läkare hyra lön räkning brev blankett skatt skattekort kassa facket anställning
    skulle kunna borde också ännu väldigt ganska alla allt någonting ingenting kanske ofta
    min mitt mina sin sitt sina hans hennes deras första sista samma annan andra rätt fel
    finns fanns blev blir gick går kom kommer tog tar fick sade säga veta vet tycker tror
      hej hejsan tjena hallå tack tackar morgon dag kväll god goddag
    jag du han hon vi ni de mig mej dig oss min mitt mina din ditt er
    och eller men att som om när var vad vem hur varför vilken vilket
    är var har hade kan kunde vill ska skulle måste får fått behöver inte ingen inget
    ja jo nej okej bra dåligt mycket lite nu här där också bara redan
    hjälp hjälpa pengar stöd arbete jobb jobbet arbetslös ansöka ansökan ansökningar
    utbildning kurs möte mötet nästa kontor kontoret nummer ringa månad vecka
    förstår förstå svenska prata tala med på av för till från i om det den detta
    bor bo adress göra gör ursäkta sjuk barn familj studera registrera registrerar
    ligger betyder skicka service nån något någon mycket
  `),
  en: words(`
    hello hi hey thanks thank thx please plz pls morning evening good
    i you he she we they me my mine your our their it this that these there here
    and or but if when where what who how why which whose
    is are am was were be been do does did don't didnt dont doesn't can could will would
    should must need want have has had get got not no yes yeah yep ok okay
    help money benefit work job jobs unemployed apply application applications
    training course meeting next office number call month week day today tomorrow yesterday
    understand speak english talk with to from of in on at for about the a an
    live address sorry sick child children family study register lost still running
    documents very much send many payment pilot trial there's i'm
  `),
  ru: words(`
    привет здравствуйте здравствуй спасибо пожалуйста добрый день утро вечер хорошо
    я ты он она мы вы они мне меня мой моя моё мои ваш вас вам нас нам
    и или но что если когда где как почему кто какой какая сколько чем
    да нет не ни это этот эта тот там тут здесь сейчас уже ещё тоже только очень
    есть был была было быть могу можно нужно нужен нужна надо хочу хотел хотела
    помощь помогите помочь деньги пособие работа работу работы безработный заявление заявлений
    обучение курсы встреча встречи следующая офис номер позвонить месяц неделя
    понимаю понял поняла говорить по-русски русский с в на о от для к из по
    живу жить адрес делать извините ребёнок дети семья учиться зарегистрироваться
    потерял потеряла пришли находится отправлять такое што чё так ага
  `),
  uk: words(`
    привіт вітаю дякую будь ласка добрий день ранок вечір добре
    я ти він вона ми ви вони мені мене мій моя моє мої ваш вас вам нас нам
    і й та або але що якщо коли де як чому хто який яка скільки
    так ні не це цей ця той там тут зараз вже ще теж тільки дуже
    є був була було бути можу можна треба потрібно потрібна потрібен хочу хотів хотіла
    допомога допомогу допоможіть допомогти гроші допомоги робота роботу роботи безробітний заява заяв
    навчання курси зустріч зустрічі наступна офіс номер зателефонувати місяць тиждень
    розумію зрозумів говорити українською українська з в у на про від для до із по
    живу жити адреса робити вибачте дитина діти родина сім'я вчитися зареєструватися
    втратив втратила прийшли знаходиться надсилати звичайно шукаю шукач україни ага
    чи маю маєте брав брала участь
  `),
  et: words(`
    homme eile täna praegu varsti kohe alati kunagi tihti mõnikord uuesti jälle veel
    vana uus suur väike kiire aeglane lihtne raske tähtis valmis tore hea halb aus
    kodu kodus koju auto buss rong sõit kool õpe õpilane diplom tunnistus töökoht
    aasta aastat nädalas nädala kuus kuud tund tundi tunni päeva hommikul õhtul
    iga kõik midagi mitte keegi miski võib-olla ikka ju nii see need seda selle sellest
    arst kela maksukaart palk palka üür arve kiri blankett avaldus tööotsing otsin otsida
    oleks oleksin võiksin tahaksin peaksin saaksin tuleb lähen läks
    mulle sulle talle meile teile neile minuga sinuga temaga mind sind teda meid
    sama teine esimene viimane õige vale tõesti pole polnud ütles öelda tean teada mäletan
    helistan helistas kirjutan kirjutasin loen loodan ootan jäin läksin kolisin elu
      tere tervist tšau aitäh tänan palun hommikust päevast õhtust head hea
    mina ma sina sa tema ta meie me teie te nemad nad mu mul sul tal meil minu sinu
    ja või aga et kui kus mis kes kuidas miks millal milline kas kaua palju
    on ole olen oled oli ei jah jaa ka ainult juba veel nüüd siin seal väga
    saan saab saanud saada võin võib tahan tahaksin vaja pean peab peaks tohin
    abi aidake aidata raha toetus töö tööd töötu tööotsija tööotsijaks taotlus taotlusi
    koolitus kursus kohtumine järgmine kontor number helistada kuu nädal päev
    aru saa eesti keeles keel rääkida suhelda koos elan elada aadress teha vabandust
    haige laps lapsed pere õppida registreeruda kaotasin saatma sobib oma
  `),
  so: words(`
    salaan salaam nabad haye mahadsanid mahadsanahay fadlan subax wanaagsan galab habeen
    aniga adiga isaga iyada annaga innaga idinka iyaga waxaan waxaad wuxuu waxay
    iyo ama laakiin haddii marka xaggee halkee maxay maxaa maxaan yaa sidee goorma immisa
    waa ma aan haa maya ayuu ayay ayaan buu bay baan ku ka u la loo isku
    waan wuu way yahay tahay ahay jira jiraa rabaa rabtaa doonayaa baahanahay
    caawimaad caawi caawin lacag shaqo shaqada shaqadaydii shaqo la'aan codsi
    waxbarasho koorso ballan ballanka xiga xafiis xafiiska lambar wac bil bishan toddobaad maalin
    fahmin fahmay fahansan hadli hadlo hadlaa kartaa karaa soomaali af
    degenahay deggan cinwaan sameeyaa samee raali xanuunsan carruur qoys baro
    helaa helin heli diiwaangeliyaa waayay warran iska inaan yaal
    sheeg
  `),
  ar: words(`
    مرحبا اهلا أهلا السلام عليكم شكرا شكراً جزيلا صباح مساء الخير من فضلك لو سمحت
    انا أنا أنت انت هو هي نحن هم لي لك
    و أو لكن إذا اذا عندما أين اين ماذا ما من كيف لماذا متى كم هل
    نعم لا ليس هذا هذه ذلك هنا هناك الآن أيضا فقط جدا
    أريد اريد أحتاج احتاج يمكنني يجب أستطيع ابغى
    مساعدة مساعده المال فلوس عمل العمل عملي وظيفة طلب التسجيل تدريب دورة موعد موعدي القادم
    المكتب مكتب رقم شهر الشهر أسبوع يوم أفهم افهم التحدث بالعربية العربية مع في على عن الى إلى
    أسكن اسكن عنوان آسف مريض أطفال عائلة فقدت أحصل أسجل كباحث أرسل أستلم هو
  `),
  fa: words(`
    سلام درود ممنون مرسی خیلی متشکرم صبح بخیر شب لطفا لطفاً خوبی خوبم
    من تو او ما شما آنها ایشان
    و یا اما اگر وقتی کجا چه چی کی چرا چطور چگونه چند آیا
    بله آره نه نخیر این آن اینجا آنجا الان هم فقط
    است هست نیست بود میخواهم می خواهم میخوام لازم دارم باید میتونم می‌توانم
    کمک پول کار کارم درخواست ثبت نام آموزش دوره جلسه بعدی دفتر شماره ماه هفته روز
    فهمم نمی نمیفهمم فارسی صحبت کنم با در به از را برای
    زندگی میکنم آدرس ببخشید مریض بچه خانواده دست دادم بگیرم بفرستم نگرفتم کارجو عنوان کجاست چیست
  `),
};
