import type * as Y from 'yjs';
import { CaseFile } from '../cases/case-file.ts';
import type { DocKind } from '../sync/doc-name.ts';

/** What a list of documents shows of one document, read from its content (SPEC S-LIST-1). */
export interface DocSummary {
  kind: DocKind;
  title: string;
  village: string | null;
}

export function summarizeDoc(kind: DocKind, doc: Y.Doc): DocSummary {
  switch (kind) {
    case 'case': {
      const summary = new CaseFile(doc).summary();
      return { kind, title: summary.title, village: summary.village };
    }
    case 'meeting':
      return { kind, title: doc.getText('title').toString(), village: null };
  }
}
