import { describe, expect, it } from 'vitest';
import { noteFormats, notesLines, objectPlaceholder, readableNotesDelta } from './notes-format.ts';

describe('what the notes may carry', () => {
  it('C-NOTES-1: the formats are emphasis, headings and lists, nothing else', () => {
    expect(noteFormats).toEqual(['bold', 'italic', 'underline', 'strike', 'header', 'list']);
  });

  it('C-NOTES-2: unknown attributes and values are left out of the view, a removal passes through', () => {
    expect(
      readableNotesDelta([
        { insert: 'a', attributes: { bold: true, color: 'red', font: 'serif' } },
        { insert: '\n', attributes: { header: 7, list: 'checked' } },
        { retain: 3, attributes: { italic: null, list: 'ordered' } },
        { retain: 2, attributes: { link: 'javascript:alert(1)' } },
        { delete: 1 },
      ]),
    ).toEqual([
      { insert: 'a', attributes: { bold: true } },
      { insert: '\n' },
      { retain: 3, attributes: { italic: null, list: 'ordered' } },
      { retain: 2 },
      { delete: 1 },
    ]);
  });

  it('C-NOTES-2: anything inserted that is not text shows as one placeholder, so positions still match', () => {
    expect(readableNotesDelta([{ insert: { image: 'x.png' } }, { insert: 42 }, { insert: 'text' }])).toEqual([
      { insert: objectPlaceholder },
      { insert: objectPlaceholder },
      { insert: 'text' },
    ]);
  });

  it('C-NOTES-2: attributes that are not an object are ignored', () => {
    expect(
      readableNotesDelta([
        { insert: 'a', attributes: 'bold' },
        { insert: 'b', attributes: null },
      ]),
    ).toEqual([{ insert: 'a' }, { insert: 'b' }]);
  });
});

describe('the notes as printed lines', () => {
  it('C-NOTES-3: each line has the kind its newline gives it and runs of its formatting; blank ends are dropped', () => {
    const plain = { bold: false, italic: false, underline: false, strike: false };
    expect(
      notesLines([
        { insert: '\n' },
        { insert: '两户争执。\n联合调解' },
        { insert: '\n', attributes: { header: 2 } },
        { insert: '约定' },
        { insert: '一个月后', attributes: { bold: true, color: 'red' } },
        { insert: '回访' },
        { insert: '\n', attributes: { list: 'bullet' } },
        { insert: { image: 'x.png' } },
        { insert: '\n\n' },
      ]),
    ).toEqual([
      { kind: 'paragraph', runs: [{ text: '两户争执。', ...plain }] },
      { kind: 'heading', runs: [{ text: '联合调解', ...plain }] },
      {
        kind: 'bullet',
        runs: [
          { text: '约定', ...plain },
          { text: '一个月后', ...plain, bold: true },
          { text: '回访', ...plain },
        ],
      },
      { kind: 'paragraph', runs: [{ text: objectPlaceholder, ...plain }] },
    ]);
  });

  it('C-NOTES-3: plain notes without a final newline are one paragraph; no notes are no lines', () => {
    expect(notesLines([{ insert: '只有一句。' }]).map((line) => line.kind)).toEqual(['paragraph']);
    expect(notesLines([])).toEqual([]);
    expect(notesLines([{ insert: ' \n\n' }])).toEqual([]);
  });
});
