import Quill from 'quill/core.js';
import Bold from 'quill/formats/bold.js';
import Header from 'quill/formats/header.js';
import Italic from 'quill/formats/italic.js';
import List from 'quill/formats/list.js';
import Strike from 'quill/formats/strike.js';
import Underline from 'quill/formats/underline.js';
import { noteFormats } from '@concord/shared/cases/notes-format.ts';
import type { NotesEditorPort } from './notes-binding.ts';

// only the formats notes may carry (SPEC C-NOTES-1): text pasted from elsewhere keeps these and loses the rest
Quill.register(
  {
    'formats/bold': Bold,
    'formats/italic': Italic,
    'formats/underline': Underline,
    'formats/strike': Strike,
    'formats/header': Header,
    'formats/list': List,
  },
  true,
);

/** Where a character of the notes is drawn, in pixels from the editor's top-left corner; null when hidden. */
export type Locate = (index: number) => { top: number; left: number; height: number } | null;

/** A Quill editor for a case's notes in `container`. */
export function notesQuill(container: HTMLElement): Quill {
  return new Quill(container, {
    formats: noteFormats,
    // undo takes back only the person's own edits, moved past everyone else's
    modules: { history: { userOnly: true } },
  });
}

/** The notes binding's view of a Quill editor. */
export function quillPort(quill: Quill): NotesEditorPort {
  return {
    show: (ops) => quill.setContents(ops, 'api'),
    apply: (ops) => quill.updateContents(ops, 'api'),
    onEdit(listener) {
      const onTextChange = (
        delta: { ops: Parameters<typeof listener>[0] },
        _old: unknown,
        source: string,
      ) => {
        if (source === 'user') listener(delta.ops);
      };
      quill.on('text-change', onTextChange);
      return () => quill.off('text-change', onTextChange);
    },
    composing: () => quill.composition.isComposing,
    onCompositionEnd(listener) {
      // Quill says the composition ended just before it clears its flag: wait for that
      const onEnd = () => queueMicrotask(listener);
      quill.on('composition-end', onEnd);
      return () => quill.off('composition-end', onEnd);
    },
  };
}
