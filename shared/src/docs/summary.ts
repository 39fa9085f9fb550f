import type * as Y from 'yjs';
import type { DocFacts } from '../access/rights.ts';
import { CaseFile } from '../cases/case-file.ts';
import { ledgerEntryOf, type LedgerEntry } from '../ledger/ledger-of.ts';
import { MeetingFile, type MeetingSummary } from '../meetings/meeting-file.ts';
import type { DocKind } from '../sync/doc-name.ts';

/**
 * What a list of documents shows of one document, and what decides who may open it, read from its content
 * (SPEC S-LIST-1, A-RIGHT-9).
 */
export interface DocSummary {
  kind: DocKind;
  title: string;
  village: string | null;
  facts: DocFacts;
  /** A case's ledger row, kept beside its listing so the ledger opens without the documents (SPEC L-LEDGER-1). */
  ledger: LedgerEntry | null;
  /** A meeting's summary, kept beside its listing so the calendar opens without the documents (SPEC M-LIST-1). */
  meeting: MeetingSummary | null;
}

export function summarizeDoc(kind: DocKind, doc: Y.Doc): DocSummary {
  switch (kind) {
    case 'case': {
      const summary = new CaseFile(doc).summary();
      return {
        kind,
        title: summary.title,
        village: summary.village,
        facts: {
          kind,
          village: summary.village,
          level: summary.level,
          leaders: summary.leaders,
          departments: summary.departments,
        },
        ledger: ledgerEntryOf(doc),
        meeting: null,
      };
    }
    case 'meeting': {
      const summary = new MeetingFile(doc).summary();
      return {
        kind,
        title: summary.title,
        village: null,
        facts: { kind, invited: summary.invited },
        ledger: null,
        meeting: summary,
      };
    }
  }
}
