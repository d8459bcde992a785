import type { Language } from "./catalog";
import type { Rng } from "./random";

/** A name as displayed and its ASCII spelling for e-mail addresses. */
type NamePart = readonly [display: string, ascii: string];

interface NameBook {
  given: readonly NamePart[];
  family: readonly NamePart[];
  /** Family name first, no space (Chinese order). */
  familyFirst?: boolean;
}

const same = (names: string[]): NamePart[] => names.map((n) => [n, n.toLowerCase()] as const);

const BOOKS: Record<Language, NameBook> = {
  en: {
    given: same(["Olivia", "Liam", "Emma", "Noah", "Ava", "James", "Mia", "Lucas", "Grace", "Ethan", "Chloe", "Owen"]),
    family: same(["Smith", "Johnson", "Brown", "Taylor", "Walker", "Clarke", "Evans", "Hughes", "Wright", "Bennett"]),
  },
  he: {
    given: [
      ["נועה", "noa"],
      ["יונתן", "yonatan"],
      ["תמר", "tamar"],
      ["איתי", "itai"],
      ["מאיה", "maya"],
      ["עומר", "omer"],
    ],
    family: [
      ["כהן", "cohen"],
      ["לוי", "levi"],
      ["מזרחי", "mizrahi"],
      ["פרץ", "peretz"],
      ["ביטון", "biton"],
      ["אברהם", "avraham"],
    ],
  },
  fa: {
    given: [
      ["سارا", "sara"],
      ["رضا", "reza"],
      ["مریم", "maryam"],
      ["علی", "ali"],
      ["نگار", "negar"],
      ["امید", "omid"],
    ],
    family: [
      ["احمدی", "ahmadi"],
      ["محمدی", "mohammadi"],
      ["حسینی", "hosseini"],
      ["رضایی", "rezaei"],
      ["کریمی", "karimi"],
    ],
  },
  zh: {
    given: [
      ["伟", "wei"],
      ["芳", "fang"],
      ["磊", "lei"],
      ["静", "jing"],
      ["强", "qiang"],
      ["丽", "li"],
      ["敏", "min"],
    ],
    family: [
      ["王", "wang"],
      ["李", "li"],
      ["张", "zhang"],
      ["刘", "liu"],
      ["陈", "chen"],
      ["杨", "yang"],
    ],
    familyFirst: true,
  },
  pl: {
    given: [
      ["Katarzyna", "katarzyna"],
      ["Piotr", "piotr"],
      ["Agnieszka", "agnieszka"],
      ["Tomasz", "tomasz"],
      ["Zofia", "zofia"],
      ["Paweł", "pawel"],
    ],
    family: [
      ["Nowak", "nowak"],
      ["Kowalski", "kowalski"],
      ["Wiśniewska", "wisniewska"],
      ["Wójcik", "wojcik"],
      ["Zieliński", "zielinski"],
    ],
  },
  fr: {
    given: [
      ["Camille", "camille"],
      ["Louis", "louis"],
      ["Léa", "lea"],
      ["Hugo", "hugo"],
      ["Chloé", "chloe"],
      ["Jules", "jules"],
    ],
    family: [
      ["Martin", "martin"],
      ["Bernard", "bernard"],
      ["Dubois", "dubois"],
      ["Lefèvre", "lefevre"],
      ["Moreau", "moreau"],
    ],
  },
  pt: {
    given: [
      ["João", "joao"],
      ["Ana", "ana"],
      ["Lucas", "lucas"],
      ["Beatriz", "beatriz"],
      ["Mateus", "mateus"],
      ["Júlia", "julia"],
    ],
    family: [
      ["Silva", "silva"],
      ["Santos", "santos"],
      ["Oliveira", "oliveira"],
      ["Souza", "souza"],
      ["Conceição", "conceicao"],
    ],
  },
};

/** A person's display name and an ASCII e-mail local part made unique by `serial`. */
export function generatePerson(rng: Rng, language: Language, serial: number): { name: string; emailLocal: string } {
  const book = BOOKS[language];
  const [given, givenAscii] = rng.pick(book.given);
  const [family, familyAscii] = rng.pick(book.family);
  const name = book.familyFirst ? `${family}${given}` : `${given} ${family}`;
  return { name, emailLocal: `${givenAscii}.${familyAscii}.${serial}` };
}
