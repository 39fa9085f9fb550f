import type * as Y from 'yjs';

/**
 * Turns "the field now reads `next`" into the smallest ranged edit of `text` (SPEC C-DOC-4): one delete and one
 * insert between the common prefix and suffix. Replacing the whole text instead would make two concurrent edits
 * duplicate each other's text on merge.
 */
export function applyRangedEdit(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  const { start, deleteCount, insert } = rangedEdit(current, next);
  if (deleteCount > 0) text.delete(start, deleteCount);
  if (insert.length > 0) text.insert(start, insert);
}

export interface RangedEdit {
  start: number;
  deleteCount: number;
  insert: string;
}

export function rangedEdit(current: string, next: string): RangedEdit {
  const max = Math.min(current.length, next.length);
  let prefix = 0;
  while (prefix < max && current.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
  // never cut a surrogate pair in two: an emoji must stay whole on every replica
  if (prefix > 0 && isHighSurrogate(current.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    current.charCodeAt(current.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(current.charCodeAt(current.length - suffix))) suffix--;
  return {
    start: prefix,
    deleteCount: current.length - prefix - suffix,
    insert: next.slice(prefix, next.length - suffix),
  };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** One change to a text as Yjs reports it in `YTextEvent.delta`. */
export type TextDelta = readonly {
  insert?: unknown;
  delete?: number | undefined;
  retain?: number | undefined;
}[];

/**
 * Where a position in the text before a change stands after it: text inserted before it pushes it right, text
 * deleted before it pulls it left. Keeps a caret in place when someone else edits (SPEC W-EDIT-1).
 */
export function mapIndexThroughDelta(index: number, delta: TextDelta): number {
  let oldPos = 0; // position in the text before the change
  let mapped = index;
  for (const op of delta) {
    if (op.retain !== undefined) {
      oldPos += op.retain;
    } else if (op.delete !== undefined) {
      if (oldPos < index) mapped -= Math.min(op.delete, index - oldPos);
      oldPos += op.delete;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      // insert exactly at the caret lands before it: the other person's text goes in front of the caret
      if (oldPos <= index) mapped += length;
    }
    if (oldPos > index) break;
  }
  return mapped;
}
