import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { PublicAction, PublicNotice } from '@concord/shared/meetings/public-notice.ts';
import type { ArchiveAction, ArchiveMinutes } from './minutes-archive.ts';
import type { PaperWords } from './paper-labels.ts';

/**
 * The meeting's papers as Word files (SPEC M-DOCX-1): the archive minutes, whole, and the public notice, redacted.
 * This module is the only one that imports `docx` (about a megabyte): the page loads it with `import()` when a
 * person asks for a file, so no other page pays for it.
 */

/** A4 in twentieths of a point, with margins as the printed notice has them (20 mm top and bottom, 18 mm sides). */
const a4 = { width: 11906, height: 16838 };
const margins = { top: 1134, bottom: 1134, left: 1020, right: 1020 };
const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun' };

interface RunLook {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  /** In half-points. */
  size?: number;
}

function text(value: string, look: RunLook = {}): TextRun {
  return new TextRun({ text: value, font, size: 24, ...look });
}

function para(value: string, look: RunLook = {}): Paragraph {
  return new Paragraph({ children: [text(value, look)], spacing: { after: 80 } });
}

/** Several lines of a text, one paragraph each, as the minutes were written. */
function lines(value: string, empty: string): Paragraph[] {
  const written = value.split('\n').filter((line) => line.trim() !== '');
  return written.length > 0 ? written.map((line) => para(line)) : [para(empty, { italics: true })];
}

function heading(value: string, level: 'title' | 'h2' | 'h3'): Paragraph {
  const sizes = { title: 36, h2: 28, h3: 24 };
  return new Paragraph({
    heading: { title: HeadingLevel.TITLE, h2: HeadingLevel.HEADING_2, h3: HeadingLevel.HEADING_3 }[level],
    alignment: level === 'title' ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: level === 'title' ? 0 : 240, after: 120 },
    children: [text(value, { bold: true, size: sizes[level], color: '000000' })],
  });
}

function bullet(value: string): Paragraph {
  return new Paragraph({ children: [text(value)], bullet: { level: 0 }, spacing: { after: 60 } });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '1D2733' };
const borders = { top: border, bottom: border, left: border, right: border };

/** The facts of the meeting as a two-column table: label, value. */
function factsTable(rows: [string, string][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          children: [
            new TableCell({
              borders,
              width: { size: 22, type: WidthType.PERCENTAGE },
              children: [para(label, { bold: true })],
            }),
            new TableCell({
              borders,
              width: { size: 78, type: WidthType.PERCENTAGE },
              children: [para(value)],
            }),
          ],
        }),
    ),
  });
}

function when(date: string | null, time: string | null, words: PaperWords): string {
  if (date === null) return '—';
  return time ? `${words.day(date)} ${time}` : words.day(date);
}

function section(children: (Paragraph | Table)[]): Document {
  return new Document({
    styles: { default: { document: { run: { font, size: 24 } } } },
    sections: [{ properties: { page: { size: a4, margin: margins } }, children }],
  });
}

function archiveActionLine(action: ArchiveAction, words: PaperWords): string {
  const { t } = words;
  const parts = [
    action.text,
    action.owner ? t('archive_owner', { name: action.owner }) : t('archive_no_owner'),
  ];
  if (action.deadline) parts.push(t('notice_action_deadline', { date: words.day(action.deadline) }));
  if (action.caseId) parts.push(t('archive_case', { id: action.caseId }));
  parts.push(
    action.done
      ? t('archive_done_by', { name: action.done.by, time: words.dateTime(action.done.at) })
      : t('notice_action_open'),
  );
  if (action.carried) parts.push(t('archive_carried'));
  return parts.join(words.locale === 'zh-CN' ? ';' : '; ');
}

/** An agenda item as both papers write it: its minutes, decisions and actions. */
interface PaperItem<A> {
  topic: string;
  minutes: string;
  decisions: string[];
  actions: A[];
}

/** The agenda, item by item, then the actions decided on no item: the same on the archive and on the notice. */
function itemParagraphs<A, I extends PaperItem<A>>(
  items: readonly I[],
  otherActions: readonly A[],
  words: PaperWords,
  say: { actionLine: (action: A) => string; caseLine: (item: I) => string | null },
): Paragraph[] {
  const { t } = words;
  const none = () => para(t('notice_none'));
  const out: Paragraph[] = [heading(t('notice_items_heading'), 'h2')];
  if (items.length === 0) out.push(para(t('notice_no_items'), { italics: true }));
  items.forEach((item, i) => {
    out.push(heading(t('notice_item', { n: i + 1, topic: item.topic }), 'h3'));
    const caseLine = say.caseLine(item);
    if (caseLine !== null) out.push(para(caseLine, { color: '3D4A57' }));
    out.push(para(t('notice_minutes'), { bold: true }), ...lines(item.minutes, t('notice_minutes_empty')));
    out.push(para(t('notice_decisions'), { bold: true }));
    out.push(...(item.decisions.length > 0 ? item.decisions.map(bullet) : [none()]));
    out.push(para(t('notice_actions'), { bold: true }));
    out.push(...(item.actions.length > 0 ? item.actions.map((a) => bullet(say.actionLine(a))) : [none()]));
  });
  if (otherActions.length > 0) {
    out.push(heading(t('notice_other_actions'), 'h2'));
    out.push(...otherActions.map((a) => bullet(say.actionLine(a))));
  }
  return out;
}

/** The archive minutes, whole and unredacted: people are named, as the archive must keep them. */
export function archiveDocument(minutes: ArchiveMinutes, words: PaperWords): Document {
  const { t } = words;
  const children: (Paragraph | Table)[] = [heading(t('archive_heading'), 'title')];
  if (minutes.id)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [text(t('archive_number', { id: minutes.id }))],
      }),
    );
  if (!minutes.final) children.push(para(t('archive_draft'), { bold: true, color: 'A4161A' }));
  children.push(
    factsTable([
      [t('notice_row_meeting'), minutes.title],
      [t('notice_row_kind'), words.kind(minutes.kind)],
      [t('archive_row_time'), when(minutes.date, minutes.time, words)],
      [t('notice_row_place'), minutes.place || '—'],
      [t('notice_row_convener'), minutes.convener ?? '—'],
      [t('archive_row_invited'), words.list(minutes.invited.map(words.body)) || '—'],
      [
        t('archive_row_attendance'),
        minutes.attendance.length > 0
          ? words.list(
              minutes.attendance.map((a) =>
                t('archive_signed_in', { name: a.name, time: words.dateTime(a.at) }),
              ),
            )
          : t('archive_attendance_none'),
      ],
    ]),
  );
  children.push(
    ...itemParagraphs(minutes.items, minutes.otherActions, words, {
      actionLine: (a) => archiveActionLine(a, words),
      caseLine: (item) => (item.caseId ? t('archive_case', { id: item.caseId }) : null),
    }),
  );
  children.push(heading(t('archive_lock_heading'), 'h2'));
  if (minutes.lockLog.length === 0) children.push(para(t('archive_lock_none')));
  for (const entry of minutes.lockLog) {
    const time = words.dateTime(entry.at);
    children.push(
      bullet(
        entry.action === 'lock'
          ? t('archive_lock_line', { time, name: entry.by })
          : t('archive_unlock_line', { time, name: entry.by, reason: entry.reason }),
      ),
    );
  }
  return section(children);
}

function publicActionLine(action: PublicAction, words: PaperWords): string {
  const { t } = words;
  const parts = [action.text];
  if (action.ownerBody) parts.push(t('notice_action_owner', { body: words.body(action.ownerBody) }));
  if (action.deadline) parts.push(t('notice_action_deadline', { date: words.day(action.deadline) }));
  parts.push(action.done ? t('notice_action_done') : t('notice_action_open'));
  return parts.join(words.locale === 'zh-CN' ? ';' : '; ');
}

/** The public notice, redacted as the page shows it (SPEC M-PUBLIC-2): nothing here names a person. */
export function noticeDocument(notice: PublicNotice, words: PaperWords): Document {
  const { t } = words;
  const children: (Paragraph | Table)[] = [heading(t('notice_heading'), 'title')];
  if (!notice.final) children.push(para(t('notice_draft'), { bold: true, color: 'A4161A' }));
  children.push(
    factsTable([
      [t('notice_row_meeting'), notice.title],
      [t('notice_row_kind'), words.kind(notice.kind)],
      [t('notice_row_when'), when(notice.date, notice.time, words)],
      [t('notice_row_place'), notice.place || '—'],
      [t('notice_row_convener'), notice.convenerBody ? words.body(notice.convenerBody) : '—'],
      [t('notice_row_bodies'), words.list(notice.bodies.map(words.body)) || '—'],
    ]),
  );
  children.push(
    ...itemParagraphs(notice.items, notice.otherActions, words, {
      actionLine: (a) => publicActionLine(a, words),
      caseLine: () => null,
    }),
  );
  if (notice.final && notice.lockedAt !== null) {
    children.push(para(t('notice_final', { date: words.dateTime(notice.lockedAt) })));
  }
  children.push(para(t('notice_redacted'), { italics: true, color: '3D4A57' }), para(t('notice_footer')));
  return section(children);
}

export function docxBlob(document: Document): Promise<Blob> {
  return Packer.toBlob(document);
}

/** The file's bytes, where no Blob is wanted (a test reading it back). */
export async function docxBytes(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
