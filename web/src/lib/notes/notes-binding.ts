import Delta, { type Op } from 'quill-delta';
import type * as Y from 'yjs';
import { localEditOrigin } from '@concord/shared/cases/case-file.ts';
import { readableNotesDelta, type RawTextOp } from '@concord/shared/cases/notes-format.ts';

/** What the binding needs of a rich-text editor; Quill provides it, the unit tests a document in memory. */
export interface NotesEditorPort {
  /** Shows the notes as they are, replacing what was shown; not the person's edit. */
  show(ops: Op[]): void;
  /** Applies a change that came from elsewhere; not the person's edit. */
  apply(ops: Op[]): void;
  /** Calls `listener` with each change the person makes (typing, formatting, undo), in the editor's positions. */
  onEdit(listener: (ops: Op[]) => void): () => void;
  /** Whether an input method (pinyin) is composing: changing the text under it now would break it. */
  composing(): boolean;
  /** Calls `listener` once a composition is over and its text has been reported as an edit. */
  onCompositionEnd(listener: () => void): () => void;
}

/**
 * Binds the notes' Y.Text to a rich-text editor, both ways, in one place (SPEC C-NOTES-1, W-EDIT-1). The person's
 * edits go into the document as they are made; others' edits are shown as they arrive, narrowed to what the
 * editor can show (SPEC C-NOTES-2). While an input method composes, others' edits wait and are then moved past
 * the composed text, so neither the composition nor anyone's words are lost.
 *
 * The editor always shows the document plus one newline of its own at the end (a rich-text editor's last line
 * needs one; the document need not end with one), so every screen shows the same lines.
 */
export function bindNotes(text: Y.Text, editor: NotesEditorPort): () => void {
  // set while this binding writes the person's edit, so the document's echo of it is not shown twice
  let writing = false;
  // others' edits that arrived during a composition, in the document's positions, not yet shown
  let waiting: Delta | null = null;

  editor.show([...readableNotesDelta(text.toDelta() as RawTextOp[]), { insert: '\n' }]);

  const onChange = (event: Y.YTextEvent) => {
    if (writing) return;
    const change = new Delta(readableNotesDelta(event.delta));
    if (editor.composing()) waiting = waiting ? waiting.compose(change) : change;
    else editor.apply(change.ops);
  };

  const onEdit = (ops: Op[]) => {
    let edit = new Delta(ops);
    if (waiting) {
      // the document has the waiting edits and the editor does not: each side gets the other's change moved past
      // its own, the waiting edits first where both insert at one place (the document already has them there)
      const arrived = waiting;
      waiting = edit.transform(arrived, false);
      edit = arrived.transform(edit, true);
    }
    const before = text.length;
    writing = true;
    try {
      text.doc?.transact(() => text.applyDelta(edit.ops), localEditOrigin);
    } finally {
      writing = false;
    }
    const appended = text.length - before - edit.changeLength();
    if (appended > 0) showAppendedLines(appended);
  };

  // Formatting the editor's own last line (a heading, a list item) makes Yjs append to the document the newline
  // that carries the format. The editor's last line is now the document's: it gets a new last line of its own.
  const showAppendedLines = (count: number) => {
    const start = text.length - count;
    const appended = new Delta(readableNotesDelta(text.toDelta() as RawTextOp[])).slice(start);
    const lastLine = appended.ops.at(-1)?.attributes ?? {};
    const plain = Object.fromEntries(Object.keys(lastLine).map((format) => [format, null]));
    editor.apply(new Delta().retain(start).concat(appended).retain(1, plain).ops);
  };

  const onCompositionEnd = () => {
    if (!waiting) return;
    const arrived = waiting;
    waiting = null;
    editor.apply(arrived.ops);
  };

  text.observe(onChange);
  const stopEdits = editor.onEdit(onEdit);
  const stopCompositions = editor.onCompositionEnd(onCompositionEnd);
  return () => {
    text.unobserve(onChange);
    stopEdits();
    stopCompositions();
  };
}
