import { z } from 'zod';

/**
 * The formatting a case's notes may carry (SPEC C-NOTES-1): attributes on the notes' Y.Text in the rich-text delta
 * shape (Quill's), inline on characters and, for headings and lists, on the newline that ends a line. Nothing
 * else: a mediator's notes need emphasis and structure, not fonts and colours that print badly.
 */
export const noteAttributesSchema = z.object({
  bold: z.literal(true).nullable().optional().catch(undefined),
  italic: z.literal(true).nullable().optional().catch(undefined),
  underline: z.literal(true).nullable().optional().catch(undefined),
  strike: z.literal(true).nullable().optional().catch(undefined),
  header: z
    .union([z.literal(1), z.literal(2), z.literal(3)])
    .nullable()
    .optional()
    .catch(undefined),
  list: z.enum(['bullet', 'ordered']).nullable().optional().catch(undefined),
});
export type NoteAttributes = z.infer<typeof noteAttributesSchema>;
export type NoteFormat = keyof NoteAttributes;
export const noteFormats = Object.keys(noteAttributesSchema.shape) as NoteFormat[];

/** Shown in place of anything in the notes that is not text (an embed written by some other program). */
export const objectPlaceholder = '\uFFFC';

/** One change to the notes, as an editor applies it. */
export type NotesOp =
  | { insert: string; attributes?: NoteAttributes }
  | { retain: number; attributes?: NoteAttributes }
  | { delete: number };

/** One change as Yjs reports it (`Y.Text.toDelta()` or `YTextEvent.delta`): untyped, since it came off the network. */
export interface RawTextOp {
  insert?: unknown;
  retain?: number | undefined;
  delete?: number | undefined;
  attributes?: unknown;
}

/**
 * What an editor may show of a change to the notes (SPEC C-NOTES-2): attributes outside the set above, or with
 * values it does not know, are left out; anything inserted that is not text shows as one placeholder character, so
 * every position still matches the document. The document itself keeps all of it: only the view is narrowed.
 */
export function readableNotesDelta(delta: readonly RawTextOp[]): NotesOp[] {
  const ops: NotesOp[] = [];
  for (const op of delta) {
    const attributes = readableAttributes(op.attributes);
    if (op.insert !== undefined) {
      const insert = typeof op.insert === 'string' ? op.insert : objectPlaceholder;
      ops.push(attributes ? { insert, attributes } : { insert });
    } else if (op.retain !== undefined) {
      ops.push(attributes ? { retain: op.retain, attributes } : { retain: op.retain });
    } else if (op.delete !== undefined) {
      ops.push({ delete: op.delete });
    }
  }
  return ops;
}

function readableAttributes(raw: unknown): NoteAttributes | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const parsed = noteAttributesSchema.parse(raw);
  const kept = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** A stretch of one line's text with the same inline formatting. */
export interface NoteRun {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
}

/** One line of the notes as a reader sees it: its kind and its runs of text. */
export interface NoteLine {
  kind: 'paragraph' | 'heading' | 'bullet' | 'ordered';
  runs: NoteRun[];
}

/**
 * The notes as lines to print (SPEC C-NOTES-3): a line's kind comes from the newline that ends it; what cannot be
 * shown is narrowed as on screen (SPEC C-NOTES-2); blank lines at the start and the end are left out.
 */
export function notesLines(delta: readonly RawTextOp[]): NoteLine[] {
  const lines: NoteLine[] = [];
  let runs: NoteRun[] = [];
  for (const op of readableNotesDelta(delta)) {
    if (!('insert' in op)) continue;
    const attributes = op.attributes ?? {};
    const pieces = op.insert.split('\n');
    pieces.forEach((piece, i) => {
      if (piece !== '') {
        runs.push({
          text: piece,
          bold: attributes.bold === true,
          italic: attributes.italic === true,
          underline: attributes.underline === true,
          strike: attributes.strike === true,
        });
      }
      // every piece but the last ended with a newline, which carries the line's kind
      if (i < pieces.length - 1) {
        lines.push({ kind: lineKind(attributes), runs });
        runs = [];
      }
    });
  }
  if (runs.length > 0) lines.push({ kind: 'paragraph', runs });
  const blank = (line: NoteLine | undefined) =>
    line !== undefined && line.runs.every((run) => run.text.trim() === '');
  while (blank(lines[0])) lines.shift();
  while (blank(lines.at(-1))) lines.pop();
  return lines;
}

function lineKind(attributes: NoteAttributes): NoteLine['kind'] {
  if (attributes.header) return 'heading';
  if (attributes.list === 'bullet') return 'bullet';
  if (attributes.list === 'ordered') return 'ordered';
  return 'paragraph';
}
