import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyRangedEdit, mapIndexThroughDelta, rangedEdit, type TextDelta } from './ranged-edit.ts';
import { mulberry32 } from '../random/prng.ts';

/** A Y.Text holding `initial`, in a document of its own. */
function textWith(initial: string): Y.Text {
  const text = new Y.Doc().getText('t');
  text.insert(0, initial);
  return text;
}

/** Applies `next` to a text holding `before` and returns what the text reads afterwards. */
function applied(before: string, next: string): string {
  const text = textWith(before);
  applyRangedEdit(text, next);
  return text.toString();
}

/** True when `index` falls between the two halves of a surrogate pair in `s`. */
function splitsPair(s: string, index: number): boolean {
  if (index <= 0 || index >= s.length) return false;
  const before = s.charCodeAt(index - 1);
  const after = s.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

// Pieces random strings are made of: ASCII, Chinese, emoji (surrogate pairs, including two that share a high
// half and two that share a low half), a flag and a family (several pairs joined), and a combining accent.
const alphabet = [
  'a',
  'b',
  ' ',
  '江',
  '亭',
  '村',
  '纠',
  '纷',
  '😀',
  '😃',
  '🙂',
  '\u{1FA00}', // shares its low half with 😀
  '\u{1F900}', // shares its high half with the one above
  '🇨🇳',
  '👨‍👩‍👧',
  'e\u0301',
  '\n',
] as const;

function randomString(random: () => number, maxPieces: number): string {
  const pieces = Math.floor(random() * (maxPieces + 1));
  let s = '';
  for (let i = 0; i < pieces; i++) s += alphabet[Math.floor(random() * alphabet.length)] ?? '';
  return s;
}

/**
 * A string derived from `base` by a few random inserts and deletes of whole code points, as typing would. Code
 * points, not graphemes: a backspace can take one person off a joined family emoji, and that must work too.
 */
function randomEditOf(random: () => number, base: string): string {
  const codePoints = Array.from(base);
  const edits = 1 + Math.floor(random() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (codePoints.length + 1));
    if (random() < 0.5 && codePoints.length > 0) codePoints.splice(at, 1 + Math.floor(random() * 2));
    else codePoints.splice(at, 0, randomString(random, 3));
  }
  return codePoints.join('');
}

describe('rangedEdit', () => {
  it('C-DOC-4: typing one character at the end is a pure insert there', () => {
    expect(rangedEdit('Boundary', 'Boundary!')).toEqual({ start: 8, deleteCount: 0, insert: '!' });
  });

  it('C-DOC-4: typing in the middle inserts only the typed characters', () => {
    expect(rangedEdit('forest dispute', 'forest boundary dispute')).toEqual({
      start: 7,
      deleteCount: 0,
      insert: 'boundary ',
    });
  });

  it('C-DOC-4: deleting a character with backspace deletes just that character', () => {
    expect(rangedEdit('abcd', 'abd')).toEqual({ start: 2, deleteCount: 1, insert: '' });
  });

  it('C-DOC-4: replacing a selection is one delete and one insert at the selection', () => {
    expect(rangedEdit('the red house', 'the blue house')).toEqual({
      start: 4,
      deleteCount: 3,
      insert: 'blue',
    });
  });

  it('C-DOC-4: no change is an empty edit', () => {
    expect(rangedEdit('江亭村', '江亭村')).toEqual({ start: 3, deleteCount: 0, insert: '' });
    expect(rangedEdit('', '')).toEqual({ start: 0, deleteCount: 0, insert: '' });
  });

  it('C-DOC-4: clearing the field deletes everything, filling an empty one inserts everything', () => {
    expect(rangedEdit('江亭村', '')).toEqual({ start: 0, deleteCount: 3, insert: '' });
    expect(rangedEdit('', '江亭村')).toEqual({ start: 0, deleteCount: 0, insert: '江亭村' });
  });

  it('C-DOC-4: a repeated letter typed once more is a one-letter insert', () => {
    const edit = rangedEdit('aaa', 'aaaa');
    expect(edit.deleteCount).toBe(0);
    expect(edit.insert).toBe('a');
  });

  it('C-DOC-4: Chinese text is edited character by character', () => {
    expect(rangedEdit('两户之间林地纠纷', '两户之间山林地界纠纷')).toEqual({
      start: 4,
      deleteCount: 2,
      insert: '山林地界',
    });
    expect(rangedEdit('沫阳镇江亭村', '沫阳镇红岩村')).toEqual({ start: 3, deleteCount: 2, insert: '红岩' });
  });

  it('C-DOC-4: replacing an emoji by one with the same high half replaces the whole pair', () => {
    // 😀 is D83D DE00 and 😃 is D83D DE03: they share their first half
    const edit = rangedEdit('a😀b', 'a😃b');
    expect(edit).toEqual({ start: 1, deleteCount: 2, insert: '😃' });
  });

  it('C-DOC-4: replacing an emoji by one with the same low half replaces the whole pair', () => {
    const a = '\u{1F600}'; // D83D DE00
    const b = '\u{1FA00}'; // D83E DE00
    expect(a.charCodeAt(1)).toBe(b.charCodeAt(1));
    expect(rangedEdit(`x${a}y`, `x${b}y`)).toEqual({ start: 1, deleteCount: 2, insert: b });
  });

  it('C-DOC-4: deleting an emoji removes both halves of the pair', () => {
    expect(rangedEdit('ok😀😃ok', 'ok😀ok')).toEqual({ start: 4, deleteCount: 2, insert: '' });
    expect(applied('ok😀😃ok', 'ok😀ok')).toBe('ok😀ok');
    // of two equal emoji either may go, but always as a whole pair
    const twin = rangedEdit('ok😀😀ok', 'ok😀ok');
    expect('ok😀😀ok'.slice(twin.start, twin.start + twin.deleteCount)).toBe('😀');
    expect(applied('ok😀😀ok', 'ok😀ok')).toBe('ok😀ok');
  });

  it('C-DOC-4: typing an emoji next to an emoji inserts a whole pair', () => {
    const edit = rangedEdit('😀', '😀😃');
    expect(edit.insert).toBe('😃');
    expect(edit.insert.isWellFormed()).toBe(true);
    const before = rangedEdit('😃', '😀😃');
    expect(before.insert).toBe('😀');
    expect(before.deleteCount).toBe(0);
  });

  it('C-DOC-4: flags and joined emoji families stay whole when text is typed around them', () => {
    expect(applied('🇨🇳江亭', '🇨🇳江亭村')).toBe('🇨🇳江亭村');
    expect(applied('👨‍👩‍👧', '👨‍👩‍👧👨‍👩‍👧')).toBe('👨‍👩‍👧👨‍👩‍👧');
  });
});

describe('applyRangedEdit', () => {
  it('C-DOC-4: the text then reads what the field reads', () => {
    expect(applied('Boundary dispute', 'Forest boundary dispute')).toBe('Forest boundary dispute');
    expect(applied('两户之间林地纠纷', '两户之间山林地界纠纷')).toBe('两户之间山林地界纠纷');
    expect(applied('', 'new')).toBe('new');
    expect(applied('old', '')).toBe('');
  });

  it('C-DOC-4: an unchanged value makes no change to the document', () => {
    const text = textWith('江亭村');
    let updates = 0;
    text.doc?.on('update', () => updates++);
    applyRangedEdit(text, '江亭村');
    expect(updates).toBe(0);
  });

  it('C-DOC-4: typing one letter changes only that letter, so concurrent typing elsewhere survives', () => {
    const a = new Y.Doc();
    a.getText('t').insert(0, 'Boundary dispute');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    applyRangedEdit(a.getText('t'), 'Forest boundary dispute');
    applyRangedEdit(b.getText('t'), 'Boundary dispute at Jiangting');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    expect(a.getText('t').toString()).toBe('Forest boundary dispute at Jiangting');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });

  it('C-DOC-4: concurrent edits next to an emoji never leave half a pair in the merged text', () => {
    const a = new Y.Doc();
    a.getText('t').insert(0, 'a😀b');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    applyRangedEdit(a.getText('t'), 'a😃b'); // same high half as 😀
    applyRangedEdit(b.getText('t'), 'a😀😀b');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    const merged = a.getText('t').toString();
    expect(merged).toBe(b.getText('t').toString());
    expect(merged.isWellFormed()).toBe(true);
  });

  it('C-DOC-4: random edits of strings with CJK and emoji round-trip and never split a pair', () => {
    const seed = 0xc0ffee;
    const random = mulberry32(seed);
    for (let run = 0; run < 500; run++) {
      const before = randomString(random, 12);
      const after = random() < 0.7 ? randomEditOf(random, before) : randomString(random, 12);
      const context = `seed ${seed}, run ${run}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`;

      const edit = rangedEdit(before, after);
      expect(splitsPair(before, edit.start), context).toBe(false);
      expect(splitsPair(before, edit.start + edit.deleteCount), context).toBe(false);
      expect(edit.insert.isWellFormed(), context).toBe(true);
      expect(edit.start + edit.deleteCount, context).toBeLessThanOrEqual(before.length);
      // the edit as plain string surgery, and as it lands in a Y.Text
      const spliced = before.slice(0, edit.start) + edit.insert + before.slice(edit.start + edit.deleteCount);
      expect(spliced, context).toBe(after);
      expect(applied(before, after), context).toBe(after);
    }
  });
});

describe('mapIndexThroughDelta', () => {
  it('W-EDIT-1: text inserted before the caret pushes it right, text after it leaves it', () => {
    const delta: TextDelta = [{ retain: 2 }, { insert: 'xyz' }];
    expect(mapIndexThroughDelta(1, delta)).toBe(1);
    expect(mapIndexThroughDelta(5, delta)).toBe(8);
  });

  it('W-EDIT-1: text inserted exactly at the caret goes in front of it', () => {
    expect(mapIndexThroughDelta(2, [{ retain: 2 }, { insert: 'xyz' }])).toBe(5);
  });

  it('W-EDIT-1: text deleted before the caret pulls it left, text deleted after it leaves it', () => {
    const delta: TextDelta = [{ retain: 2 }, { delete: 3 }];
    expect(mapIndexThroughDelta(8, delta)).toBe(5);
    expect(mapIndexThroughDelta(2, delta)).toBe(2);
    expect(mapIndexThroughDelta(1, delta)).toBe(1);
  });

  it('W-EDIT-1: a caret inside deleted text lands where the deletion was', () => {
    expect(mapIndexThroughDelta(4, [{ retain: 2 }, { delete: 5 }])).toBe(2);
  });

  it('W-EDIT-1: an embedded object counts as one position', () => {
    expect(mapIndexThroughDelta(3, [{ insert: { image: 'x' } }])).toBe(4);
  });

  it('W-EDIT-1: the caret follows its text through real Yjs edits made by another replica', () => {
    const random = mulberry32(7);
    for (let run = 0; run < 300; run++) {
      const before = randomString(random, 10);
      const after = randomEditOf(random, before);
      const context = `run ${run}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`;
      const text = textWith(before);
      let delta: TextDelta = [];
      text.observe((event) => {
        delta = event.delta;
      });
      text.doc?.transact(() => applyRangedEdit(text, after));
      const { start, deleteCount, insert } = rangedEdit(before, after);

      for (let caret = 0; caret <= before.length; caret++) {
        const mapped = mapIndexThroughDelta(caret, delta);
        if (caret < start) {
          expect(mapped, `${context}, caret ${caret}`).toBe(caret);
          // the text before the caret is the same text after the edit
          expect(after.slice(0, mapped), `${context}, caret ${caret}`).toBe(before.slice(0, caret));
        } else if (caret >= start + deleteCount) {
          expect(mapped, `${context}, caret ${caret}`).toBe(caret - deleteCount + insert.length);
          expect(after.slice(mapped), `${context}, caret ${caret}`).toBe(before.slice(caret));
        } else {
          expect(mapped, `${context}, caret ${caret}`).toBeGreaterThanOrEqual(start);
          expect(mapped, `${context}, caret ${caret}`).toBeLessThanOrEqual(start + insert.length);
        }
      }
    }
  });
});
