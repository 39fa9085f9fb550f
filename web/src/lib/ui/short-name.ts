const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The characters of `text` as a person sees them (a surrogate pair or combined mark stays one). */
function characters(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/**
 * A name short enough for a phone's header (SPEC W-PHONE-1). Chinese display names here read "place name" or
 * "office name" (江亭村 陈书记): the last word is the person, kept up to five characters. A name in Latin
 * letters becomes its initials.
 */
export function shortName(displayName: string): string {
  const words = displayName.split(/\s+/).filter((w) => w !== '');
  const last = words.at(-1);
  if (last === undefined) return '';
  const lastChars = characters(last);
  if (/^\p{Script=Han}/u.test(last)) return lastChars.slice(0, 5).join('');
  return words
    .slice(0, 3)
    .map((w) => characters(w)[0]?.toUpperCase() ?? '')
    .join('');
}
