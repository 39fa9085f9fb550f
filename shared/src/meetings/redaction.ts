import type { Party } from '../cases/parties.ts';
import { findVillage } from '../org/jurisdiction.ts';

/**
 * What a public notice (公开公示) must not show of the people a meeting talked about (SPEC M-PUBLIC-1): read from
 * the parties of the meeting's cases. The notice is a Chinese paper posted in the village, so the marks it leaves
 * (某, （住址略）) are Chinese whatever the reader's interface language.
 */
export interface PrivateDetails {
  /** The parties' names as recorded. */
  names: readonly string[];
  /** Whatever each party gave as contact (a phone number, a WeChat id). */
  contacts: readonly string[];
  /** Places named in words where a party lives (a village of the town is public and not listed). */
  addresses: readonly string[];
}

export const noPrivateDetails: PrivateDetails = { names: [], contacts: [], addresses: [] };

/** What stands for an address that names no village. */
export const addressMark = '（住址略）';

/** Two-character surnames (复姓): the name keeps both, 欧阳锋 → 欧阳某. */
const compoundSurnames = new Set(
  (
    '欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 司空 夏侯 轩辕 端木 独孤 南宫 西门 ' +
    '百里 呼延 澹台 公冶 太史 申屠 闻人 万俟 钟离 濮阳 淳于 单于 赫连 第五 拓跋 完颜 东郭 微生 仲孙 ' +
    '乐正 漆雕 左丘 梁丘 巫马 公良 谷梁 段干 宰父 羊舌 颛孙 司寇 公西 呼延 叱干'
  ).split(' '),
);

/** A party that is an organisation keeps its name: it is not a private person (公司, 村民委员会, 合作社...). */
const organisationEnding =
  /(公司|委员会|合作社|集团|工厂|厂|局|所|院|店|站|中心|学校|医院|银行|协会|社区|村|组|队|部|处|办)$/;

const digit = '[0-9０-９]';
const notDigitBefore = '(?<![0-9０-９])';
const notDigitAfter = '(?![0-9０-９])';
/** One separator people put inside numbers: a space, a dash of any width. */
const sep = '[\\s\\-－‐—]?';

/** Mainland ID card numbers: 18 characters (the last may be X) or the old 15 digits, perhaps grouped 6-8-4. */
const idCardPattern = new RegExp(
  `(?<![0-9０-９A-Za-z])(?:${digit}{6}\\s?${digit}{8}\\s?${digit}{3}[0-9０-９XxＸｘ]|${digit}{15})(?![0-9０-９A-Za-z])`,
  'g',
);
/** Mobile numbers 1[3-9]xxxxxxxxx, with or without +86 and separators anywhere. */
const mobilePattern = new RegExp(
  `${notDigitBefore}(?:[+＋]?(?:86|８６)${sep})?[1１]${sep}[3-9３-９](?:${sep}${digit}){9}${notDigitAfter}`,
  'g',
);
/** Landlines with their area code: (0857) 7221234, 0857-7221234, 010 88886666, an extension perhaps. */
const landlinePattern = new RegExp(
  `${notDigitBefore}(?:[(（][0０]${digit}{2,3}[)）]\\s?|[0０]${digit}{2,3}[\\s\\-－‐—])${digit}{3,4}${sep}${digit}{4}` +
    `(?:\\s?(?:转|-|ext\\.?)\\s?${digit}{1,5})?${notDigitAfter}`,
  'g',
);
/** Any long run of digits (a landline written without separators, a bank card, an account): never needed in a
 * public notice, and amounts or dates are shorter. */
const longNumberPattern = new RegExp(
  `${notDigitBefore}(?:[0０]${digit}{9,}|${digit}{11,})${notDigitAfter}`,
  'g',
);

const numeral = '[0-9０-９一二三四五六七八九十百零〇两]+';
/** A door-level address after the village or street: 5组23号, 18号3栋2单元501室. The group alone stays (a grid is
 * named after it); a house number goes. */
const addressTailPattern = new RegExp(
  `(村|社区|屯|寨|路|街|巷|弄|道)\\s*(?:第?${numeral}(?:组|队|社|栋|幢|单元|号楼|楼|层)\\s*)*第?${numeral}(?:号|室|户)` +
    `(?:\\s*${numeral}(?:栋|幢|单元|号楼|楼|层|号|室|户))*`,
  'g',
);

/** Every digit and ID letter of a number becomes *, separators stay: the shape tells a reader it was a number. */
function maskNumber(found: string): string {
  return found.replace(/[0-9０-９XxＸｘ]/g, '*');
}

/** The characters of a text, one each, whatever its code units: for counting and cutting names. */
function codePoints(text: string): string[] {
  return Array.from(text);
}

function isHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A name as a public notice writes it: the surname and 某 (张三丰 → 张某, 欧阳锋 → 欧阳某); a name written in
 * Latin letters keeps its first letter (John Smith → J某): which word is the surname is not known, and one letter
 * says no more than the Chinese surname does.
 */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (!isHan(trimmed)) {
    const initial = /\p{L}/u.exec(trimmed)?.[0];
    return initial ? `${initial.toUpperCase()}某` : '某';
  }
  const chars = codePoints(trimmed.replace(/\s+/g, ''));
  const two = chars.slice(0, 2).join('');
  if (chars.length >= 3 && compoundSurnames.has(two)) return `${two}某`;
  return `${chars[0] ?? ''}某`;
}

/** The village an address names (湖北省…青山村5组12号 → 青山村), or null when it names none. */
export function villageOfAddress(address: string): string | null {
  const match = /([^\s省市州盟县区旗乡镇道街,，、]{1,12}?(?:村|社区))/u.exec(address);
  return match?.[1] ?? null;
}

/** A pattern that finds a Han name also written with spaces between its characters (张  三, as forms align them). */
function hanNamePattern(name: string): string {
  return codePoints(name).map(escape).join('\\s*');
}

interface Replacement {
  pattern: RegExp;
  by: string;
  /** Characters it covers, to take longer names before the shorter names inside them. */
  length: number;
}

function nameReplacements(names: readonly string[]): Replacement[] {
  const found: Replacement[] = [];
  for (const raw of new Set(names.map((name) => name.trim()))) {
    if (raw.length === 0 || raw.includes('某')) continue;
    if (isHan(raw)) {
      const chars = codePoints(raw.replace(/\s+/g, ''));
      // one character is no name to look for, and an organisation's name is public
      if (chars.length < 2 || (chars.length > 4 && organisationEnding.test(raw))) continue;
      const whole = chars.join('');
      found.push({
        pattern: new RegExp(hanNamePattern(whole), 'g'),
        by: maskName(whole),
        length: chars.length,
      });
      // the given name alone (三丰 of 张三丰) is as telling, when it is two characters or more
      const surname = maskName(whole).slice(0, -1);
      const given = chars.slice(codePoints(surname).length).join('');
      if (codePoints(given).length >= 2 && !given.includes('·')) {
        found.push({
          pattern: new RegExp(hanNamePattern(given), 'g'),
          by: '某',
          length: codePoints(given).length,
        });
      }
      continue;
    }
    // a Latin name: whole, then each word of it alone, as whole words, whatever the case
    const words = raw.split(/[\s.·]+/).filter((word) => word.length >= 2);
    const pattern = (text: string) => new RegExp(`(?<![\\p{L}])${escape(text)}(?![\\p{L}])`, 'giu');
    found.push({ pattern: pattern(raw), by: maskName(raw), length: raw.length });
    if (words.length > 1) {
      for (const word of words) found.push({ pattern: pattern(word), by: '某', length: word.length });
    }
  }
  return found;
}

function contactTokens(contacts: readonly string[]): string[] {
  const tokens = contacts
    .flatMap((contact) => [contact, ...contact.split(/[,，;；/、\s]+/)])
    .map((token) => token.trim())
    // short words ("无", "同上") are no contact and would mask ordinary text
    .filter((token) => codePoints(token).length >= 5 && /[\p{L}\p{N}]/u.test(token));
  return [...new Set(tokens)].sort((a, b) => b.length - a.length);
}

/**
 * The text as a public notice may show it (SPEC M-PUBLIC-1): the parties' names reduced to surname and 某, their
 * contacts, every phone number and ID card number masked, their addresses cut back to the village, door numbers
 * dropped. Longer names go first, so 张三丰 is never left as 张某丰 by 张三; a name inside a longer word is masked
 * too, since Chinese has no spaces to tell words apart.
 */
export function redactForPublic(text: string, details: PrivateDetails): string {
  let out = text;
  // whole addresses first: they hold numbers the patterns below would only half mask
  const addresses = [
    ...new Set(details.addresses.map((a) => a.trim()).filter((a) => codePoints(a).length >= 2)),
  ];
  for (const address of addresses.sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(hanNamePattern(address), 'g'), villageOfAddress(address) ?? addressMark);
  }
  for (const token of contactTokens(details.contacts)) {
    out = out.replace(new RegExp(escape(token), 'gi'), (found) => found.replace(/[\p{L}\p{N}]/gu, '*'));
  }
  out = out.replace(idCardPattern, maskNumber);
  out = out.replace(mobilePattern, maskNumber);
  out = out.replace(landlinePattern, maskNumber);
  out = out.replace(longNumberPattern, maskNumber);
  out = out.replace(addressTailPattern, '$1');
  for (const { pattern, by } of nameReplacements(details.names).sort((a, b) => b.length - a.length)) {
    out = out.replace(pattern, by);
  }
  return out;
}

/**
 * The private details of the parties of one or more cases. A party's village is an address only when it is not a
 * village of the town (a place named in words for someone from elsewhere); the town's villages are public.
 */
export function privateDetailsOf(
  parties: readonly Pick<Party, 'name' | 'village' | 'contact'>[],
  isTownVillage: (id: string) => boolean = (id) => findVillage(id) !== undefined,
): PrivateDetails {
  const nonEmpty = (values: string[]) => values.map((value) => value.trim()).filter((value) => value !== '');
  return {
    names: nonEmpty(parties.map((party) => party.name)),
    contacts: nonEmpty(parties.map((party) => party.contact)),
    addresses: nonEmpty(parties.map((party) => party.village).filter((village) => !isTownVillage(village))),
  };
}

/** The details of several cases as one. */
export function joinDetails(all: readonly PrivateDetails[]): PrivateDetails {
  return {
    names: all.flatMap((details) => details.names),
    contacts: all.flatMap((details) => details.contacts),
    addresses: all.flatMap((details) => details.addresses),
  };
}
