import type * as Y from 'yjs';
import { localEditOrigin } from '@concord/shared/cases/case-file.ts';
import { mapIndexThroughDelta, rangedEdit } from '@concord/shared/text/ranged-edit.ts';

type TextControl = HTMLInputElement | HTMLTextAreaElement;

/**
 * Binds an input or textarea to a Y.Text, both ways, in one place (a Svelte attachment). Typing becomes a ranged
 * edit; a remote edit updates the field and keeps the caret where the person left it. While an input method is
 * composing (pinyin), nothing is written and remote edits wait, so the composition is never broken.
 */
export function bindText(text: Y.Text, options: { readOnly?: boolean } = {}) {
  return (element: TextControl): (() => void) => {
    // what the field showed when it last matched the text; local edits are measured against it
    let shown = text.toString();
    let composing = false;
    let waitingRemote: Y.YTextEvent['delta'][] = [];
    element.value = shown;
    element.readOnly = options.readOnly ?? false;

    const commit = () => {
      const edit = rangedEdit(shown, element.value);
      // remote edits that arrived during a composition shift where the local edit lands
      let start = edit.start;
      let end = edit.start + edit.deleteCount;
      for (const delta of waitingRemote) {
        start = mapIndexThroughDelta(start, delta);
        end = mapIndexThroughDelta(end, delta);
      }
      const hadRemote = waitingRemote.length > 0;
      waitingRemote = [];
      if (edit.deleteCount > 0 || edit.insert.length > 0) {
        text.doc?.transact(() => {
          if (end > start) text.delete(start, end - start);
          if (edit.insert.length > 0) text.insert(start, edit.insert);
        }, localEditOrigin);
      }
      shown = text.toString();
      if (hadRemote) {
        element.value = shown;
        const caret = start + edit.insert.length;
        element.setSelectionRange(caret, caret);
      }
    };

    const onChange = (event: Y.YTextEvent) => {
      // this field's own edit: it shows the text already
      if (!composing && text.toString() === element.value) {
        shown = element.value;
        return;
      }
      if (composing) {
        waitingRemote.push(event.delta);
        return;
      }
      const focused = document.activeElement === element;
      const selStart = element.selectionStart ?? 0;
      const selEnd = element.selectionEnd ?? 0;
      shown = text.toString();
      element.value = shown;
      if (focused) {
        element.setSelectionRange(
          mapIndexThroughDelta(selStart, event.delta),
          mapIndexThroughDelta(selEnd, event.delta),
        );
      }
    };

    const onInput = () => {
      if (!composing) commit();
    };
    const onCompositionStart = () => {
      composing = true;
    };
    const onCompositionEnd = () => {
      composing = false;
      commit();
    };

    text.observe(onChange);
    element.addEventListener('input', onInput);
    element.addEventListener('compositionstart', onCompositionStart);
    element.addEventListener('compositionend', onCompositionEnd);
    return () => {
      text.unobserve(onChange);
      element.removeEventListener('input', onInput);
      element.removeEventListener('compositionstart', onCompositionStart);
      element.removeEventListener('compositionend', onCompositionEnd);
    };
  };
}
