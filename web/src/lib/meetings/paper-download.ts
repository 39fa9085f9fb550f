import type { PublicNotice } from '@concord/shared/meetings/public-notice.ts';
import type { ArchiveMinutes } from './minutes-archive.ts';
import { archiveFileName, noticeFileName } from './minutes-archive.ts';
import type { PaperWords } from './paper-labels.ts';

/** Hands a file to the browser to save under `name`. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // the click has started the download; the address is not needed after this turn
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Builds and saves the archive minutes; `docx` is loaded only now (SPEC M-DOCX-1). */
export async function downloadArchive(minutes: ArchiveMinutes, words: PaperWords): Promise<void> {
  const { archiveDocument, docxBlob } = await import('./minutes-docx.ts');
  save(await docxBlob(archiveDocument(minutes, words)), archiveFileName(minutes));
}

/** Builds and saves the redacted public notice (SPEC M-DOCX-1, M-PUBLIC-2). */
export async function downloadNotice(notice: PublicNotice, words: PaperWords): Promise<void> {
  const { noticeDocument, docxBlob } = await import('./minutes-docx.ts');
  save(await docxBlob(noticeDocument(notice, words)), noticeFileName(notice));
}
