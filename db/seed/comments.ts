import type { Language } from "./catalog";
import type { ThemeKey } from "./themes";

/**
 * Comment templates per language. Negative templates of a theme contain at least one of that
 * theme's keywords (checked by a test); neutral and positive ones contain none. `{n}` is replaced
 * by a small number of days.
 */
export interface CommentPool {
  negative: Record<ThemeKey | "generic", readonly string[]>;
  neutral: readonly string[];
  positive: readonly string[];
  /** Written by staff about the way they work (source "employee"): problems, then praise. */
  employee: readonly string[];
  employeePositive: readonly string[];
}

const en: CommentPool = {
  negative: {
    delivery_delay: [
      "Late delivery again: the parcel came {n} days after the promised date.",
      "Still waiting for my order after {n} days, and nobody can tell me where it is.",
      "The package arrived late and the tracking page never updated.",
      "The delivery delay ruined the gift, it was meant for the weekend.",
    ],
    rude_staff: [
      "The agent was rude and hung up on me.",
      "Staff at the counter were unfriendly and ignored my question.",
      "I was treated in an impolite way when I asked for help.",
      "The manager shouted at me in front of other customers.",
    ],
    app_crash: [
      "The app keeps crashing at checkout.",
      "The app froze when I tried to pay, I had to start over three times.",
      "After the update the app crashes every time I open my account.",
      "The app won't load my orders, just a blank screen.",
    ],
    billing: [
      "I was charged twice for the same order.",
      "The invoice shows fees I never agreed to.",
      "Overcharged on my last bill and the refund is still pending.",
      "Billing support sent me in circles for a week.",
    ],
    product_quality: [
      "The item arrived broken and the box was damaged.",
      "Poor quality: it stopped working after {n} days.",
      "Defective product, second replacement in a month.",
    ],
    price: [
      "Too expensive for what you get.",
      "Another price increase? I'm looking at other options.",
      "I found the same thing cheaper elsewhere.",
      "Overpriced compared with last year.",
    ],
    generic: [
      "Very disappointed with the whole experience.",
      "Not what I expected, I won't recommend you.",
      "Nobody followed up on my request.",
    ],
  },
  neutral: [
    "It was okay, nothing special.",
    "Average experience, did the job.",
    "Fine overall, a few things could be smoother.",
    "No complaints, no surprises.",
  ],
  positive: [
    "Great service, thank you!",
    "Quick and easy, exactly what I needed.",
    "The team went above and beyond to help me.",
    "Love the new store layout, very easy to find things.",
    "Smooth checkout and fast shipping.",
  ],
  employee: [
    "We need more staff on weekends; queues get long.",
    "The returns tool is slow and customers notice.",
    "Customers keep asking about late delivery and we have no tracking info to give them.",
  ],
  employeePositive: [
    "The new handheld scanners make click-and-collect much faster.",
    "Customers love the new loyalty app; sign-ups are easy now.",
  ],
};

const he: CommentPool = {
  negative: {
    delivery_delay: ["איחור במשלוח של {n} ימים, ואף אחד לא עונה לי.", "עדיין מחכה להזמנה שלי כבר {n} ימים."],
    rude_staff: ["הנציג היה גס רוח וניתק לי את השיחה.", "המוכר לא אדיב בכלל ולא עזר לי."],
    app_crash: ["האפליקציה קורסת בכל פעם שאני מנסה לשלם.", "אחרי העדכון יש קריסה כל הזמן."],
    billing: ["קיבלתי חיוב כפול על אותה הזמנה.", "החשבונית לא תואמת את מה שסוכם."],
    product_quality: ["המוצר הגיע שבור והאריזה קרועה.", "איכות ירודה, הפסיק לעבוד אחרי שבוע."],
    price: ["יקר מדי ביחס למה שמקבלים.", "שוב העלאת מחיר? מצאתי זול יותר במקום אחר."],
    generic: ["חוויה מאכזבת מאוד.", "לא אמליץ לחברים."],
  },
  neutral: ["בסדר, שום דבר מיוחד.", "חוויה סבירה."],
  positive: ["שירות מצוין, תודה רבה!", "מהיר ונוח, בדיוק מה שהייתי צריך.", "הצוות היה אדיב ומקצועי."],
  employee: ["חסרים עובדים במשמרות הערב.", "הלקוחות מתלוננים על איחור במשלוח ואין לנו מידע למסור להם."],
  employeePositive: ["הכלי החדש לניהול משמרות חוסך לנו הרבה זמן."],
};

const fa: CommentPool = {
  negative: {
    delivery_delay: [
      "تاخیر در ارسال {n} روزه و هیچ کس جواب نمی دهد.",
      "سفارشم دیر رسید و هنوز منتظر پاسخ پشتیبانی هستم.",
    ],
    rude_staff: ["برخورد بد کارمند فروشگاه واقعا ناراحتم کرد.", "اپراتور بداخلاق بود و تلفن را قطع کرد."],
    app_crash: ["برنامه موقع پرداخت کرش می کند.", "بعد از به روزرسانی، اپلیکیشن هنگ کرد و بسته شد."],
    billing: ["صورتحساب این ماه اشتباه است.", "برای یک سفارش دو بار پول از حسابم کم شد."],
    product_quality: ["کالا خراب به دستم رسید.", "کیفیت پایین؛ بعد از یک هفته معیوب شد."],
    price: ["خیلی گران است.", "دوباره افزایش قیمت؟ جای دیگر ارزان تر است."],
    generic: ["تجربه خیلی ناامیدکننده ای بود.", "به دوستانم پیشنهاد نمی کنم."],
  },
  neutral: ["معمولی بود، چیز خاصی نبود.", "در کل بد نبود."],
  positive: ["خدمات عالی، خیلی ممنون!", "سریع و راحت بود.", "کارکنان بسیار مودب و حرفه ای بودند."],
  employee: ["در شیفت عصر نیروی کافی نداریم.", "مشتری ها مدام از تاخیر در ارسال شکایت می کنند."],
  employeePositive: ["سیستم جدید نوبت دهی کار ما را خیلی راحت تر کرده است."],
};

const zh: CommentPool = {
  negative: {
    delivery_delay: ["配送延迟了{n}天，客服也没有回复。", "下单一周了还没收到货。"],
    rude_staff: ["店员态度恶劣，完全不理人。", "客服很不礼貌，直接挂了电话。"],
    app_crash: ["付款的时候应用闪退。", "更新以后App一直崩溃。"],
    billing: ["同一笔订单被重复扣款。", "这个月的账单有问题。"],
    product_quality: ["收到的商品坏了，包装也破损。", "质量差，用了几天就不能用了。"],
    price: ["太贵了，不值这个价。", "又涨价了，别家更便宜。"],
    generic: ["整体体验很失望。", "不会再推荐给朋友。"],
  },
  neutral: ["还可以，没什么特别的。", "总体一般。"],
  positive: ["服务很好，谢谢！", "又快又方便。", "工作人员非常热情专业。"],
  employee: ["周末人手不够，排队太长。", "顾客经常问配送延迟的问题，我们没有物流信息。"],
  employeePositive: ["新的排班系统让我们的工作轻松多了。"],
};

const pl: CommentPool = {
  negative: {
    delivery_delay: [
      "Opóźnienie dostawy o {n} dni i brak jakiejkolwiek informacji.",
      "Nadal czekam na zamówienie, kurier się nie pojawił.",
    ],
    rude_staff: ["Konsultant był niegrzeczny i rozłączył rozmowę.", "Obsługa w sklepie była opryskliwa."],
    app_crash: ["Aplikacja zawiesza się przy płatności.", "Po aktualizacji aplikacja ciągle się wywala."],
    billing: [
      "Na fakturze są opłaty, na które się nie zgadzałem.",
      "Zostałem obciążony podwójnie za to samo zamówienie.",
    ],
    product_quality: ["Produkt przyszedł uszkodzony.", "Słaba jakość, zepsuł się po tygodniu."],
    price: ["Za drogo jak na to, co oferujecie.", "Kolejna podwyżka? Gdzie indziej jest taniej."],
    generic: ["Bardzo rozczarowujące doświadczenie.", "Nie polecę was znajomym."],
  },
  neutral: ["W porządku, nic specjalnego.", "Przeciętnie, ale bez większych problemów."],
  positive: ["Świetna obsługa, dziękuję!", "Szybko i wygodnie, polecam.", "Bardzo miły i pomocny personel."],
  employee: [
    "Brakuje ludzi na zmianie weekendowej.",
    "Klienci ciągle pytają o opóźnienie dostawy, a my nie mamy informacji.",
  ],
  employeePositive: ["Nowy system grafików bardzo ułatwia nam pracę."],
};

const fr: CommentPool = {
  negative: {
    delivery_delay: [
      "Livraison en retard de {n} jours, et aucune nouvelle du transporteur.",
      "Commande toujours pas reçue après deux semaines.",
    ],
    rude_staff: [
      "Le conseiller était impoli et m'a raccroché au nez.",
      "Vendeur désagréable, je me suis senti mal reçu.",
    ],
    app_crash: ["L'application plante au moment du paiement.", "Depuis la mise à jour, l'appli se ferme toute seule."],
    billing: ["J'ai été facturé deux fois pour la même commande.", "La facture ne correspond pas à l'offre souscrite."],
    product_quality: ["Produit reçu cassé, emballage abîmé.", "Mauvaise qualité, défectueux au bout d'une semaine."],
    price: ["Beaucoup trop cher pour ce que c'est.", "Encore une hausse de prix ? C'est moins cher ailleurs."],
    generic: ["Expérience très décevante.", "Je ne vous recommanderai pas."],
  },
  neutral: ["Correct, sans plus.", "Expérience moyenne dans l'ensemble."],
  positive: ["Service excellent, merci !", "Rapide et simple, parfait.", "Personnel très aimable et professionnel."],
  employee: [
    "On manque de personnel le samedi.",
    "Les clients se plaignent de la livraison en retard et nous n'avons pas de suivi.",
  ],
  employeePositive: ["Le nouvel outil de planning nous fait gagner beaucoup de temps."],
};

const pt: CommentPool = {
  negative: {
    delivery_delay: [
      "Atraso na entrega de {n} dias e ninguém responde.",
      "Ainda não recebi meu pedido, a entrega atrasada já virou rotina.",
    ],
    rude_staff: ["O atendente foi grosseiro e desligou na minha cara.", "Funcionários mal educados na loja."],
    app_crash: ["O aplicativo trava na hora do pagamento.", "Depois da atualização o app fecha sozinho."],
    billing: ["Fui cobrado duas vezes pelo mesmo pedido.", "A fatura veio com uma cobrança indevida."],
    product_quality: ["O produto chegou quebrado.", "Má qualidade, parou de funcionar em uma semana."],
    price: ["Caro demais para o que oferece.", "Outro aumento de preço? Encontrei mais barato em outro lugar."],
    generic: ["Experiência muito decepcionante.", "Não recomendo."],
  },
  neutral: ["Foi ok, nada de especial.", "Experiência razoável."],
  positive: [
    "Atendimento excelente, obrigado!",
    "Rápido e fácil, exatamente o que eu precisava.",
    "Equipe muito simpática e profissional.",
  ],
  employee: [
    "Falta gente no turno da noite.",
    "Os clientes reclamam do atraso na entrega e não temos informação de rastreio.",
  ],
  employeePositive: ["A nova ferramenta de escalas facilita muito o nosso trabalho."],
};

export const COMMENTS: Record<Language, CommentPool> = { en, he, fa, zh, pl, fr, pt };

/** Notes written when an item is resolved, by the theme it was about. */
export const RESOLUTION_NOTES: Record<ThemeKey | "generic", readonly string[]> = {
  delivery_delay: [
    "Apologised and refunded the delivery fee.",
    "Courier escalation opened; parcel delivered next day.",
  ],
  rude_staff: ["Coaching session held with the staff member.", "Apologised on behalf of the team; voucher sent."],
  app_crash: ["Fixed in the next app release; customer informed.", "Shared a workaround until the fix ships."],
  billing: ["Duplicate charge credited back.", "Explained the invoice line by line."],
  product_quality: ["Replacement shipped.", "Full refund issued and return label sent."],
  price: ["Explained the plan options; moved to a cheaper plan.", "Shared the current promotions."],
  generic: ["Called the customer and closed the loop.", "Thanked the customer for the feedback."],
};
