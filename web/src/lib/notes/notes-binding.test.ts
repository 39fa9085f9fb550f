import fc from 'fast-check';
import Delta, { type Op } from 'quill-delta';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { localEditOrigin } from '@concord/shared/cases/case-file.ts';
import { objectPlaceholder } from '@concord/shared/cases/notes-format.ts';
import { bindNotes, type NotesEditorPort } from './notes-binding.ts';

/** An editor in memory: what it shows is a delta document, and the test plays the person at the keyboard. */
class EditorInMemory implements NotesEditorPort {
  shown = new Delta();
  isComposing = false;
  readonly #edits = new Set<(ops: Op[]) => void>();
  readonly #compositionEnds = new Set<() => void>();

  show(ops: Op[]) {
    this.shown = new Delta().compose(new Delta(ops));
  }
  apply(ops: Op[]) {
    this.shown = this.shown.compose(new Delta(ops));
  }
  onEdit(listener: (ops: Op[]) => void) {
    this.#edits.add(listener);
    return () => this.#edits.delete(listener);
  }
  composing() {
    return this.isComposing;
  }
  onCompositionEnd(listener: () => void) {
    this.#compositionEnds.add(listener);
    return () => this.#compositionEnds.delete(listener);
  }

  /** The person changes the notes, as the editor reports it. */
  edit(change: Delta) {
    this.shown = this.shown.compose(change);
    for (const listener of this.#edits) listener(change.ops);
  }
  /** The input method finishes: the composed text arrives as one edit, then the composition is over. */
  finishComposing(change: Delta) {
    this.edit(change);
    this.isComposing = false;
    for (const listener of this.#compositionEnds) listener();
  }
  /** The text the person reads: what is shown, less the editor's own last newline. */
  get text(): string {
    const shown = this.shown.ops.map((op) => (typeof op.insert === 'string' ? op.insert : objectPlaceholder));
    return shown.join('').slice(0, -1);
  }
}

/** What an editor shows of a document: the document and a last newline of the editor's own. */
const asShown = (ops: Op[]) => new Delta(ops).insert('\n').ops;

/** Two replicas of one case's notes, each change sent to the other at once, as over a live connection. */
function twoReplicas() {
  const here = new Y.Doc();
  const there = new Y.Doc();
  here.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'wire') Y.applyUpdate(there, update, 'wire');
  });
  there.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'wire') Y.applyUpdate(here, update, 'wire');
  });
  return { here: here.getText('notes'), there: there.getText('notes') };
}

describe('the notes editor and the document', () => {
  it('C-NOTES-1: notes written by an earlier version, as plain text, show as they are', () => {
    const doc = new Y.Doc();
    const notes = doc.getText('notes');
    notes.insert(0, '两户对后山杉木林的界线各执一词。');
    const editor = new EditorInMemory();
    bindNotes(notes, editor);
    expect(editor.shown.ops).toEqual([{ insert: '两户对后山杉木林的界线各执一词。\n' }]);
  });

  it('C-NOTES-1: the person’s formatting goes into the document as an edit of theirs, and shows on the other replica', () => {
    const { here, there } = twoReplicas();
    const mine = new EditorInMemory();
    const theirs = new EditorInMemory();
    bindNotes(here, mine);
    bindNotes(there, theirs);
    const origins: unknown[] = [];
    here.doc?.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));

    mine.edit(new Delta().insert('Visited twice\nBoth agreed'));
    mine.edit(new Delta().retain(8).retain(5, { bold: true }).retain(1, { header: 2 }));

    const formatted = [
      { insert: 'Visited ' },
      { insert: 'twice', attributes: { bold: true } },
      { insert: '\n', attributes: { header: 2 } },
      { insert: 'Both agreed' },
    ];
    expect(here.toDelta() as Op[]).toEqual(formatted);
    expect(theirs.shown.ops).toEqual(asShown(formatted));
    expect(origins).toEqual([localEditOrigin, localEditOrigin]);
  });

  it('C-NOTES-1: another replica’s edit shows at once, formatting taken off where they took it off', () => {
    const { here, there } = twoReplicas();
    const mine = new EditorInMemory();
    bindNotes(here, mine);
    there.insert(0, 'Unpaid wages', { bold: true });
    there.format(0, 7, { bold: null });
    expect(mine.shown.ops).toEqual(
      asShown([{ insert: 'Unpaid ' }, { insert: 'wages', attributes: { bold: true } }]),
    );
  });

  it('C-NOTES-1: a heading made on the last line shows the same lines on both screens', () => {
    const { here, there } = twoReplicas();
    const mine = new EditorInMemory();
    const theirs = new EditorInMemory();
    bindNotes(here, mine);
    bindNotes(there, theirs);
    mine.edit(new Delta().insert('Visit'));
    // the editor's own last newline takes the heading: the document gets the newline, the editors a new last line
    mine.edit(new Delta().retain(5).retain(1, { header: 2 }));
    expect(here.toDelta() as Op[]).toEqual([
      { insert: 'Visit' },
      { insert: '\n', attributes: { header: 2 } },
    ]);
    expect(mine.shown.ops).toEqual(asShown(here.toDelta() as Op[]));
    expect(theirs.shown.ops).toEqual(asShown(here.toDelta() as Op[]));

    // typing on the new last line, and making it a list item, keeps both screens alike
    mine.edit(new Delta().retain(6).insert('Both came'));
    mine.edit(new Delta().retain(15).retain(1, { list: 'bullet' }));
    expect(here.toString()).toBe('Visit\nBoth came\n');
    expect(mine.shown.ops).toEqual(asShown(here.toDelta() as Op[]));
    expect(theirs.shown.ops).toEqual(asShown(here.toDelta() as Op[]));
  });

  it('C-NOTES-2: what the editor cannot show is shown as plain text or a placeholder, and stays in the document', () => {
    const doc = new Y.Doc();
    const notes = doc.getText('notes');
    notes.insert(0, 'Photo: ', { color: '#f00', bold: 'yes' });
    notes.insertEmbed(7, { image: 'https://example.org/a.png' });
    notes.insert(8, ' end', { italic: true, header: 9 });
    const editor = new EditorInMemory();
    bindNotes(notes, editor);
    expect(editor.shown.ops).toEqual([
      { insert: `Photo: ${objectPlaceholder}` },
      { insert: ' end', attributes: { italic: true } },
      { insert: '\n' },
    ]);
    expect((notes.toDelta() as Op[])[0]).toEqual({
      insert: 'Photo: ',
      attributes: { color: '#f00', bold: 'yes' },
    });

    // the placeholder stands where the object is: deleting it deletes the object, and nothing else moves
    editor.edit(new Delta().retain(7).delete(1));
    expect(notes.toString()).toBe('Photo:  end');
    expect(editor.text).toBe('Photo:  end');
  });

  it('W-EDIT-1: others’ edits wait while pinyin is composing, then both the composed words and theirs are kept', () => {
    const { here, there } = twoReplicas();
    const mine = new EditorInMemory();
    bindNotes(here, mine);
    there.insert(0, '调解记录:');
    mine.isComposing = true;
    // while the person composes at the end, someone else adds to the front and to the very same place
    there.insert(0, '【急】');
    there.insert(there.length, '双方');
    expect(mine.text).toBe('调解记录:');

    mine.finishComposing(new Delta().retain(5).insert('已和解'));
    expect(here.toString()).toBe('【急】调解记录:双方已和解');
    expect(there.toString()).toBe('【急】调解记录:双方已和解');
    expect(mine.text).toBe('【急】调解记录:双方已和解');
  });

  it('W-EDIT-1: any mix of others’ edits during a composition leaves the editor showing what the document holds', () => {
    const otherEdit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 3 }),
      insert: fc.string({ maxLength: 3 }),
      bold: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.string({ maxLength: 8 }),
        fc.array(otherEdit, { maxLength: 6 }),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 4 }),
        (start, edits, composeAt, composed) => {
          const { here, there } = twoReplicas();
          const mine = new EditorInMemory();
          bindNotes(here, mine);
          there.insert(0, start);
          mine.isComposing = true;
          for (const edit of edits) {
            const at = edit.at % (there.length + 1);
            there.delete(at, Math.min(edit.remove, there.length - at));
            there.insert(at, edit.insert, edit.bold ? { bold: true } : {});
          }
          mine.finishComposing(new Delta().retain(composeAt % (start.length + 1)).insert(composed));
          expect(mine.shown.ops).toEqual(asShown(here.toDelta() as Op[]));
          expect(there.toString()).toContain(composed);
        },
      ),
    );
  });
});
