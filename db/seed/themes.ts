import type { Language } from "./catalog";

export const THEME_KEYS = ["delivery_delay", "rude_staff", "app_crash", "billing", "product_quality", "price"] as const;
export type ThemeKey = (typeof THEME_KEYS)[number];

export interface ThemeDefinition {
  key: ThemeKey;
  name: string;
  /** Lower-case phrases per language; a comment containing one belongs to the theme. */
  keywords: Record<Language, string[]>;
}

// Some keywords are word stems ("niegrzeczn", "grosseir") so that every inflection matches.
export const THEMES: readonly ThemeDefinition[] = [
  {
    key: "delivery_delay",
    name: "Delivery delay",
    keywords: {
      en: ["late delivery", "delivery delay", "arrived late", "still waiting"],
      he: ["איחור במשלוח", "הגיע באיחור", "עדיין מחכה"],
      fa: ["تاخیر در ارسال", "دیر رسید", "هنوز منتظر"],
      zh: ["配送延迟", "还没收到"],
      pl: ["opóźnienie dostawy", "nadal czekam"],
      fr: ["livraison en retard", "toujours pas reçu"],
      pt: ["atraso na entrega", "entrega atrasada", "ainda não recebi"],
    },
  },
  {
    key: "rude_staff",
    name: "Rude staff",
    keywords: {
      en: ["rude", "unfriendly", "impolite", "shouted"],
      he: ["גס רוח", "לא אדיב"],
      fa: ["برخورد بد", "بداخلاق"],
      zh: ["态度恶劣", "不礼貌"],
      pl: ["niegrzeczn", "opryskliw"],
      fr: ["impoli", "désagréable", "mal reçu"],
      pt: ["grosseir", "mal educad"],
    },
  },
  {
    key: "app_crash",
    name: "App crash",
    keywords: {
      en: ["crash", "froze", "won't load"],
      he: ["קורסת", "קריסה"],
      fa: ["کرش", "هنگ کرد"],
      zh: ["闪退", "崩溃"],
      pl: ["zawiesza się", "wywala"],
      fr: ["plante", "se ferme toute seule"],
      pt: ["trava", "fecha sozinho"],
    },
  },
  {
    key: "billing",
    name: "Billing",
    keywords: {
      en: ["billing", "charged twice", "invoice", "overcharged"],
      he: ["חיוב כפול", "חשבונית"],
      fa: ["صورتحساب", "دو بار"],
      zh: ["重复扣款", "账单"],
      pl: ["faktur", "podwójnie"],
      fr: ["facture", "facturé deux fois"],
      pt: ["fatura", "cobrado duas vezes", "cobrança"],
    },
  },
  {
    key: "product_quality",
    name: "Product quality",
    keywords: {
      en: ["broken", "defective", "poor quality", "damaged", "stopped working"],
      he: ["שבור", "איכות ירודה"],
      fa: ["خراب", "کیفیت پایین", "معیوب"],
      zh: ["质量差", "坏了", "破损"],
      pl: ["uszkodzon", "zepsu", "słaba jakość"],
      fr: ["cassé", "défectueu", "mauvaise qualité", "abîmé"],
      pt: ["quebrad", "má qualidade", "defeito"],
    },
  },
  {
    key: "price",
    name: "Price",
    keywords: {
      en: ["too expensive", "overpriced", "price increase", "cheaper elsewhere"],
      he: ["יקר מדי", "העלאת מחיר", "זול יותר"],
      fa: ["گران", "افزایش قیمت"],
      zh: ["太贵", "涨价"],
      pl: ["za drog", "podwyżk", "taniej"],
      fr: ["trop cher", "hausse de prix", "moins cher"],
      pt: ["caro demais", "aumento de preço", "mais barato"],
    },
  },
];

/**
 * The themes whose keywords occur in `text`, in THEMES order. Looks at the comment's own language
 * and at English, since customers often mix English terms into other languages.
 */
export function matchThemes(text: string, language: Language): ThemeKey[] {
  const lower = text.toLowerCase();
  const found: ThemeKey[] = [];
  for (const theme of THEMES) {
    const own = theme.keywords[language];
    const hit =
      own.some((k) => lower.includes(k)) || (language !== "en" && theme.keywords.en.some((k) => lower.includes(k)));
    if (hit) found.push(theme.key);
  }
  return found;
}
