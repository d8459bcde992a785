/**
 * A small hand-written customer-experience extension of the AFINN lexicons, valence −5…5 like
 * AFINN. It was written from the vocabulary of complaints and praise in general (delays,
 * cancellations, waiting on hold, broken or missing items, refunds, quick and friendly service),
 * not learned from any labelled data set; the English entries from "nightmare" on were added
 * after reading errors on the development half of the airline tweets (bench/text-accuracy.ts),
 * and are words of any complaint channel, not of airlines. Entries override the package lexicons; a value of 0
 * removes a word that AFINN scores but that in customer messages is a request, a preposition or
 * a chat marker rather than a feeling ("please help", "like", "want", "yes", "lol", "wow"). Multi-word
 * entries match as phrases and win over their words ("on time", "não chegou").
 */
export const CX_LEXICON: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  en: {
    please: 0, help: 0, like: 0, want: 0, joke: -2, "no problem": 2, "no worries": 2,
    delay: -2, delayed: -2, delays: -2, late: -2, cancelled: -2, canceled: -2, cancellation: -2,
    cancellations: -2, "on hold": -2, "still waiting": -2, "no response": -2, "no answer": -2,
    "hung up": -2, stranded: -3, stuck: -2, overbooked: -2, rebooked: -1, "missed connection": -2,
    "never received": -2, "never arrived": -2, "not received": -2, unhelpful: -2, useless: -2,
    refund: -1, broken: -2, missing: -2, lost: -2, rude: -3, "waste of": -2, worst: -3,
    "on time": 2, early: 1, smooth: 2, quick: 1, fast: 1, seamless: 2, upgraded: 2, upgrade: 1,
    thx: 2, ty: 2, kudos: 3, props: 2, shoutout: 2, rock: 2, rocks: 3, courteous: 2, attentive: 2,
    comfy: 2, comfortable: 2, professional: 1, nightmare: -3, waiting: -1, waited: -1,
    "wait time": -1, "still no": -2, "still not": -2, "no one": -2, lol: 0, wow: 0, yes: 0, smh: -2,
    substandard: -2, disrespectful: -2, lie: -2, lies: -2, expired: -1,
  },
  pt: {
    como: 0, atraso: -2, atrasado: -2, atrasada: -2, atrasou: -2, demorou: -2, demora: -2,
    "não chegou": -2, "não recebi": -2, "ainda não": -2, "nunca mais": -2, defeito: -2,
    defeituoso: -2, quebrado: -2, quebrada: -2, danificado: -2, errado: -2, faltando: -2,
    incompleto: -2, péssimo: -3, péssima: -3, horrível: -3, ruim: -2, "antes do prazo": 3,
    "no prazo": 2, recomendo: 2, parabéns: 2, ótimo: 3, ótima: 3, excelente: 3, perfeito: 3,
    perfeita: 3, adorei: 3, amei: 3, rápido: 2, rápida: 2, satisfeito: 2, satisfeita: 2,
    "tudo certo": 2, lindo: 2, linda: 2, "bem embalado": 2, obrigado: 2, obrigada: 2,
  },
  es: {
    como: 0, retraso: -2, retrasado: -2, "no llegó": -2, cancelado: -2, roto: -2, rota: -2,
    defectuoso: -2, pésimo: -3, pésima: -3, horrible: -3, malo: -2, mala: -2, excelente: 3,
    perfecto: 3, recomiendo: 2, rápido: 2, rápida: 2, gracias: 2, bueno: 2, buena: 2,
    encantó: 3, genial: 3,
  },
  fr: {
    comme: 0, retard: -2, "en retard": -2, annulé: -2, cassé: -2, cassée: -2, défectueux: -2,
    nul: -3, nulle: -3, décevant: -2, déçu: -2, déçue: -2, horrible: -3, excellent: 3,
    parfait: 3, rapide: 2, recommande: 2, merci: 2, bon: 2, bonne: 2, mauvais: -2, mauvaise: -2,
    "pas reçu": -2, génial: 3, impoli: -2, désagréable: -2,
  },
  de: {
    wie: 0, verspätet: -2, verspätung: -2, storniert: -2, kaputt: -2, defekt: -2, beschädigt: -2,
    schlecht: -2, schrecklich: -3, super: 3, toll: 3, schnell: 2, empfehlenswert: 2,
    empfehlen: 2, danke: 2, gut: 2, freundlich: 2, unfreundlich: -2, enttäuscht: -2, mag: 2,
    gefällt: 2,
  },
  it: {
    come: 0, ritardo: -2, "in ritardo": -2, rotto: -2, difettoso: -2, pessimo: -3, ottimo: 3,
    perfetto: 3, veloce: 2, consiglio: 2, grazie: 2, buono: 2, male: -2,
  },
  nl: {
    vertraging: -2, "te laat": -2, kapot: -2, slecht: -2, goed: 2, snel: 2, aanrader: 2,
    bedankt: 2, top: 3, prima: 2,
  },
  he: {
    כמו: 0, נורא: -2, איחור: -2, באיחור: -2, "לא הגיע": -2, שבור: -2, גרוע: -3, מעולה: 3,
    מצוין: 3, טוב: 2, מהיר: 2, ממליץ: 2, ממליצה: 2, תודה: 2, "גס רוח": -3, אדיב: 2,
    אדיבה: 2, "איכות ירודה": -2, מאכזב: -2, אכזבה: -2, מאוכזב: -2,
  },
  ar: {
    مثل: 0, تأخير: -2, متأخر: -2, سيء: -2, سيئ: -2, سيئة: -2, رائع: 3, ممتاز: 3, جيد: 2, شكرا: 2,
    سريع: 2, مكسور: -2, بطيء: -2, أنصح: 2, فظيع: -3,
  },
  fa: {
    مثل: 0, تاخیر: -2, دیر: -1, خراب: -2, بد: -2, عالی: 3, خوب: 2, ممنون: 2, مرسی: 2, سریع: 2,
    کند: -1, ضعیف: -2, افتضاح: -3, بداخلاق: -2, "برخورد بد": -2, "کیفیت پایین": -2, گران: -1,
  },
  zh: {
    延迟: -2, 慢: -1, 差: -2, 质量差: -2, 坏了: -2, 破损: -2, 好: 2, 不错: 2, 满意: 2, 推荐: 2,
    谢谢: 2, 快: 1, 垃圾: -3, 失望: -2, 退款: -1, 闪退: -2, 崩溃: -2, 态度恶劣: -3, 棒: 3, 赞: 2,
    太贵: -2, 还没收到: -2,
  },
  ru: {
    задержка: -2, опоздание: -2, сломан: -2, сломано: -2, плохо: -2, плохой: -2, ужасно: -3,
    отлично: 3, хорошо: 2, спасибо: 2, быстро: 2, рекомендую: 2,
  },
};
