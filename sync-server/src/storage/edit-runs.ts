import type { DocEdit, DocEditRecord } from './doc-store.ts';

/** Edits by one person within this long of their last one are one run in the history (SPEC A-ATTR-2). */
export const editRunMs = 5 * 60 * 1000;

/**
 * The history row `edit` should become: merged into `last` when it continues the same person's run of typing,
 * or null when it starts a new row. Keeps the history readable (one line per sitting, not per keystroke batch)
 * and its length bounded by sittings, not keystrokes.
 */
export function continueRun(
  last: DocEditRecord | undefined,
  edit: DocEdit,
  at: number,
): DocEditRecord | null {
  if (!last || last.author !== edit.author || at - last.at > editRunMs) return null;
  return {
    author: last.author,
    at,
    fields: [...new Set([...last.fields, ...edit.fields])].sort(),
    bytes: last.bytes + edit.bytes,
  };
}
