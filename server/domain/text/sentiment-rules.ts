import { foldForMatching } from "./normalise";

/** Word lists that steer the lexicon score of the words near them, per language. */
export interface SentimentRules {
  /** Flip the next sentiment word within {@link NEGATION_SCOPE} words of the same clause. */
  negators: ReadonlySet<string>;
  /** Multiply the next sentiment word (within two words): "very", "très", "很"; < 1 dampens. */
  boosters: ReadonlyMap<string, number>;
  /** Multiply the sentiment word just before them: Hebrew "טוב מאוד", Arabic "جيد جدا". */
  postBoosters: ReadonlyMap<string, number>;
  /** "but": what follows weighs more than what came before in the sentence. */
  contrasts: ReadonlySet<string>;
  /**
   * Irrealis markers (modals, "if", "wish"): sentiment words after them in the same clause are
   * ignored, as in SO-CAL (Taboada et al., 2011): "it would be nice if…", "you could do better".
   */
  irrealis: ReadonlySet<string>;
  /** "never" followed (within two words) by one of {@link emphatics} is emphasis, not negation: "never been more frustrated". */
  emphaticNegators: ReadonlySet<string>;
  emphatics: ReadonlySet<string>;
  /**
   * German and Dutch put "nicht"/"niet" after the verb, Persian negates the final verb ("خوب
   * نبود", was not good): a negator that finds nothing ahead flips the word before it.
   */
  negationLooksBack: boolean;
}

/** Words after a negator that it can still reach. */
export const NEGATION_SCOPE = 3;

/** Multiplier of a booster ("very") and of a dampener ("slightly"). */
export const BOOSTER_FACTOR = 1.5;
export const DAMPENER_FACTOR = 0.6;

interface RawRules {
  negators: string;
  emphaticNegators?: string;
  emphatics?: string;
  irrealis?: string;
  boosters: string;
  dampeners?: string;
  postBoosters?: string;
  contrasts: string;
  negationLooksBack?: boolean;
}

const RAW: Record<string, RawRules> = {
  en: {
    negators: `not no never n't don't doesn't didn't isn't wasn't aren't weren't can't cannot couldn't
      won't wouldn't shouldn't haven't hasn't hadn't ain't nothing nobody none neither nor without
      dont doesnt didnt isnt wasnt cant couldnt wont wouldnt havent`,
    boosters: `very really so extremely super totally absolutely incredibly truly completely highly
      seriously utterly most such`,
    dampeners: "slightly somewhat barely kinda fairly quite",
    contrasts: "but however although though yet",
    emphaticNegators: "never",
    emphatics: "more so such this",
    irrealis: "would could should might if wish hoping",
  },
  fr: {
    negators: "ne n' pas jamais rien aucun aucune sans ni personne",
    boosters: "très vraiment trop super extrêmement tellement totalement absolument si",
    dampeners: "assez plutôt peu",
    contrasts: "mais cependant pourtant toutefois",
  },
  es: {
    negators: "no nunca jamás nada nadie ningún ninguno ninguna sin tampoco ni",
    boosters: "muy realmente super demasiado tan totalmente absolutamente extremadamente",
    dampeners: "bastante algo poco",
    contrasts: "pero aunque",
  },
  pt: {
    negators: "não nao nunca jamais nada nenhum nenhuma nem sem ninguém",
    boosters: "muito muita muitos muitas super extremamente totalmente tão bastante",
    postBoosters: "demais",
    dampeners: "pouco meio",
    contrasts: "mas porém entretanto contudo",
  },
  de: {
    negators: "nicht kein keine keinen keinem keiner keines nie niemals nichts ohne weder",
    boosters: "sehr wirklich total extrem echt absolut äußerst besonders so",
    dampeners: "ziemlich etwas eher kaum",
    contrasts: "aber jedoch trotzdem",
    negationLooksBack: true,
  },
  it: {
    negators: "non mai niente nulla nessuno nessuna senza né",
    boosters: "molto davvero troppo super estremamente veramente proprio così",
    dampeners: "abbastanza poco",
    contrasts: "ma però tuttavia",
  },
  nl: {
    negators: "niet geen nooit niets zonder",
    boosters: "heel erg zeer echt super ontzettend enorm",
    dampeners: "redelijk nogal",
    contrasts: "maar echter",
    negationLooksBack: true,
  },
  he: {
    negators: "לא אין אינו אינה אינם בלי ללא אף מעולם",
    boosters: "ממש נורא הכי",
    postBoosters: "מאוד ביותר",
    contrasts: "אבל אולם אך",
  },
  ar: {
    negators: "لا ليس ليست لم لن ما غير بدون بلا",
    boosters: "حقا كثيرا للغاية اكثر أكثر",
    postBoosters: "جدا للغاية",
    contrasts: "لكن لكنه ولكن",
  },
  fa: {
    negators: "نه نمی نیست نبود هیچ بدون نمیشه",
    boosters: "خیلی بسیار واقعا کاملا",
    contrasts: "اما ولی",
    negationLooksBack: true,
  },
  zh: {
    negators: "不 没 没有 别 未 无 非 不是 毫不 并不",
    boosters: "很 非常 太 特别 十分 真 超 极 最 挺",
    dampeners: "有点 有些 稍微 比较",
    postBoosters: "极了 死了",
    contrasts: "但 但是 可是 不过 然而",
  },
  ru: {
    negators: "не нет ни никогда ничего без",
    boosters: "очень совсем крайне действительно слишком супер",
    dampeners: "довольно немного",
    contrasts: "но однако",
  },
};

function keys(list: string | undefined): string[] {
  return (list ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => foldForMatching(w.toLowerCase()));
}

function compile(raw: RawRules): SentimentRules {
  const boosters = new Map<string, number>();
  for (const k of keys(raw.boosters)) boosters.set(k, BOOSTER_FACTOR);
  for (const k of keys(raw.dampeners)) boosters.set(k, DAMPENER_FACTOR);
  return {
    negators: new Set(keys(raw.negators)),
    boosters,
    postBoosters: new Map(keys(raw.postBoosters).map((k) => [k, BOOSTER_FACTOR])),
    contrasts: new Set(keys(raw.contrasts)),
    negationLooksBack: raw.negationLooksBack ?? false,
    emphaticNegators: new Set(keys(raw.emphaticNegators)),
    emphatics: new Set(keys(raw.emphatics)),
    irrealis: new Set(keys(raw.irrealis)),
  };
}

const COMPILED = new Map(Object.entries(RAW).map(([language, raw]) => [language, compile(raw)]));

/** The rules of a language, or null when it has none (then only the lexicon counts). */
export function sentimentRules(language: string): SentimentRules | null {
  return COMPILED.get(language) ?? null;
}
