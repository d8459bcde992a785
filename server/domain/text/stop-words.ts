import { foldForMatching } from "./normalise";

/**
 * Small hand-written lists of function words (articles, pronouns, prepositions, auxiliaries,
 * conjunctions) per language, written in normalised lower case. Negations ("not", "não", "לא",
 * "不") are deliberately absent: "not delivered" and "não chegou" are the phrases a theme is made
 * of. Content words that bigger lists include ("problem", "help", "order", "service") are absent
 * too, for the same reason.
 */
const LISTS: Record<string, string> = {
  en: `a an the and or but if then so than that this these those there here it its it's i i'm i've
    i'd i'll me my mine we we're our ours you you're your yours he him his she her hers they they're
    them their theirs what which who whom whose when where why how all any both each few more most
    other some such only own same too very can will just should would could may might must shall
    is am are was were be been being have has had having do does did doing to of in on at by for
    with about against between into through during before after above below from up down out off
    over under again further once also as until while because just get got gets let lets u ur im
    yes much many really one us via`,
  fr: `le la les l' un une des du de d' et ou mais donc or ni car que qu' qui quoi dont où ce c' cet
    cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs je j' tu il elle on nous
    vous ils elles me m' te t' se s' lui y en au aux à dans par pour sur sous avec chez entre vers
    est sont suis es sommes êtes était étaient été être ai as a avons avez ont avait avaient eu avoir
    fait faire très plus aussi comme tout tous toute toutes si bien alors encore déjà`,
  es: `el la los las lo un una unos unas y o u pero sino que qué quien quién cual cuál donde dónde
    cuando cuándo como cómo de del al a en por para con sin sobre entre hasta desde hacia mi mis tu tus
    su sus nuestro nuestra nuestros nuestras yo tú él ella ellos ellas nosotros vosotros me te se le
    les nos es son soy eres somos era eran fue fueron ser estar está están estoy estaba he has ha hemos
    han había hay haber muy más también ya este esta estos estas ese esa esos esas eso esto aquí allí
    todo todos toda todas`,
  pt: `o a os as um uma uns umas e ou mas que quem qual quais onde quando como de do da dos das no na
    nos nas em por pelo pela pelos pelas para pra com sobre entre até desde ao aos à às meu minha meus
    minhas seu sua seus suas nosso nossa eu tu ele ela eles elas nós vós você vocês me te se lhe lhes
    é são sou era eram foi foram ser estar está estão estou estava estavam tem têm tenho tinha ter há
    havia muito muita muitos muitas mais também já este esta estes estas esse essa esses essas isso
    isto aquele aquela aqui ali todo toda todos todas pois porque então`,
  de: `der die das den dem des ein eine einer eines einem einen und oder aber denn sondern dass daß
    wer was wo wann wie warum welche welcher welches ich du er sie es wir ihr mich mir dich dir sich
    uns euch ihm ihn ihnen mein meine meinen meinem dein deine sein seine ihre unser unsere in im an am
    auf aus bei mit nach von vom zu zum zur für über unter vor hinter zwischen durch gegen ohne um ist
    sind bin bist war waren gewesen sein hat habe hast haben hatte hatten wird werden wurde wurden
    kann können soll sollte muss auch noch schon sehr so nur dann da hier dort alle alles`,
  it: `il lo la i gli le un uno una e o ma che chi cui dove quando come di del dello della dei degli
    delle a al allo alla ai agli alle da dal dalla in nel nella nei con su sul sulla per tra fra mio
    mia miei mie tuo tua suo sua suoi sue nostro nostra io tu lui lei noi voi loro mi ti si ci vi è
    sono sei era erano stato essere ho hai ha abbiamo hanno avevo aveva avere molto più anche già
    questo questa questi queste quello quella tutto tutti tutta l' un' dell' nell' all' c'`,
  nl: `de het een en of maar dat die dit deze wie wat waar wanneer hoe ik jij je hij zij ze wij we
    jullie mij me jou hem haar ons hun mijn jouw zijn haar onze in op aan bij met van voor naar uit
    door over onder tot om te is ben bent was waren geweest heb hebt heeft hebben had hadden wordt
    worden werd kan kunnen moet moeten zal zou ook nog al zeer er hier daar`,
  ru: `и в во на с со к ко по о об от до из за для у при без над под а но или что чтобы как так
    это этот эта эти тот та те я ты он она оно мы вы они меня мне тебя тебе его ему её ей нас нам вас
    вам их им мой моя мои твой ваш наш свой был была было были быть есть уже ещё еще тоже также очень
    бы же ли вот`,
  uk: `і й та але що щоб як це цей ця ці той я ти він вона воно ми ви вони мене мені тебе його йому
    її їй нас нам вас вам їх мій моя мої твій ваш наш свій був була було були бути є дуже вже ще також
    теж би ж чи у в на з із зі до від для по про за без над під при`,
  he: `של את ה ו על עם אל מן מ ב ל כ ש זה זו זאת אלה הוא היא הם הן אני אנחנו אתה את אתם אתן שלי שלך
    שלו שלה שלנו שלהם גם כי אם או אבל רק כבר עוד היה הייתה היו יש מה מי איפה מתי איך כל כמו אחרי לפני
    עד בין אצל`,
  ar: `في من إلى الى على عن مع هذا هذه ذلك تلك هو هي هم هن أنا انا نحن أنت انت أنتم و أو او ثم أن
    ان إن كان كانت كانوا يكون قد لقد كل بعض الذي التي الذين ما ماذا متى أين كيف لماذا عند بين حتى
    أيضا ايضا جدا فقط بعد قبل`,
  fa: `و در به از که این آن را با برای تا یا هم اما اگر چون هر همه من تو او ما شما آنها ایشان است
    هست بود بودند شد شده شود کرد کرده کند کنند می ها های یک دیگر خود روی بر پس پیش بین هیچ چه چرا
    کجا کی`,
  zh: `的 了 和 是 在 我 你 他 她 它 我们 你们 他们 这 那 这个 那个 就 也 都 而 及 与 或 把 被 让 给 从
    对 向 到 着 过 吗 呢 吧 啊 呀 之 其 个 一个 有 还 又 再 得 地`,
};

const SETS = new Map<string, ReadonlySet<string>>(
  Object.entries(LISTS).map(([language, words]) => [
    language,
    new Set(words.split(/\s+/).filter(Boolean).map(foldForMatching)),
  ]),
);
const EMPTY: ReadonlySet<string> = new Set();

/** Languages with a stop-word list. */
export const STOP_WORD_LANGUAGES: readonly string[] = Object.keys(LISTS);

/**
 * Stop words of a language as matching keys ({@link foldForMatching}), empty for a language
 * without a list.
 */
export function stopWords(language: string | null): ReadonlySet<string> {
  return (language && SETS.get(language)) || EMPTY;
}
