import { describe, expect, it } from 'vitest';
import { noteFormats, objectPlaceholder, readableNotesDelta } from './notes-format.ts';

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
