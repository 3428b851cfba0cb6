/**
 * Tokens that carry no evidence of the writer's language: Finnish service terms that
 * users of every locale type verbatim, Finnish place names, and chat fillers. They are
 * removed before detection so that "I need help with työmarkkinatuki" is English and
 * "Tampere" alone is nobody's language.
 */

/** Matched as prefixes, so Finnish inflections (työmarkkinatukea, OMA-valmentajan) are covered too. */
const SERVICE_TERM_STEMS = [
  'oma-valmentaja', 'omavalmentaja', 'valmentaja', 'työmarkkinatu', 'tyomarkkinatu', 'peruspäiväraha', 'ansiopäiväraha',
  'työkokeilu', 'tyokokeilu', 'kuntakokeilu', 'kuntouttava', 'osallistava', 'työtoiminta', 'te-toimisto', 'te-palvelu',
  'työllisyysalue', 'työmarkkinatori', 'työttömyyskassa', 'palkkatuki', 'kotoutumis', 'henkilötunnus', 'selkokieli',
  'kela', 'ohjaamo', 'te24', 'työvoimapalvelu', 'työnhakija', 'asiakaspalvelu',
];

const PLACE_STEMS = [
  'salo', 'marttila', 'koski', 'helsinki', 'helsingi', 'espoo', 'savonlinna', 'vantaa', 'tamper', 'pirkanmaa', 'akaa',
  'hämeenkyrö', 'ikaalinen', 'ikaalis', 'juupajoki', 'kangasala', 'kihniö', 'lempäälä', 'mänttä', 'nokia', 'orivesi', 'parkano',
  'pirkkala', 'punkalaidun', 'pälkäne', 'ruovesi', 'sastamala', 'urjala', 'valkeakoski', 'vesilahti', 'virrat', 'ylöjärvi',
  'mikkeli', 'hirvensalmi', 'juva', 'kangasniemi', 'mäntyharju', 'pertunmaa', 'puumala', 'pori', 'kankaanpää', 'karvia',
  'kokemäki', 'ulvila', 'seinäjoki', 'ilmajoki', 'hämeenlinna', 'hattula', 'janakkala', 'lahti', 'lahde', 'kajaani', 'jyväskylä',
  'hanko', 'raasepori', 'kalajoki', 'ylivieska', 'oulainen', 'merijärvi', 'alavieska', 'oulu', 'turku', 'kuopio', 'joensuu',
  'lappeenranta', 'kotka', 'kouvola', 'rovaniemi', 'vaasa', 'porvoo', 'lohja', 'kerava', 'järvenpää', 'tuusula', 'hyvinkää',
  'riihimäki', 'rauma', 'kokkola', 'uusimaa', 'helsingfors', 'esbo', 'vanda', 'tammerfors', 'åbo', 'borgå', 'vasa',
  // Common transliterations in Cyrillic and Arabic script.
  'хельсинк', 'гельсінк', 'тампере', 'эспоо', 'еспоо', 'вантаа', 'турку', 'міккелі', 'миккели', 'сало',
  'هلسنكي', 'هلسینکی', 'تامبيري', 'تامپره', 'اسبو', 'فانتا', 'ونتا',
];

/** Whole tokens only: fillers and acronyms common to every language. */
const NEUTRAL_WORDS = new Set([
  'ok', 'okay', 'okei', 'oki', 'k', 'kk', 'hmm', 'hm', 'hmmm', 'mm', 'mmm', 'ah', 'oh', 'aa', 'eh', 'lol', 'xd', 'haha', 'hehe',
  'pdf', 'te', 'sms', 'email', 'e-mail', 'www', 'http', 'https', 'oma', 'id',
]);

const STREET_SUFFIX = /(katu|kuja|polku|gatan|vägen|gränd)$/u;

export function isNeutralToken(token: string): boolean {
  if (NEUTRAL_WORDS.has(token)) return true;
  if (token.length > 5 && STREET_SUFFIX.test(token)) return true;
  for (const stem of SERVICE_TERM_STEMS) if (token.startsWith(stem)) return true;
  for (const stem of PLACE_STEMS) if (token.startsWith(stem) && token.length <= stem.length + 6) return true;
  return false;
}
