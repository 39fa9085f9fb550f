import type * as Y from 'yjs';

// Names of the top-level shared types of a meeting document. Never rename: stored documents use them.
const fieldsKey = 'meeting';
const titleKey = 'title';

/** A joint meeting's agenda and minutes; this slice holds its title and who it invited (SPEC A-RIGHT-7). */
export class MeetingFile {
  readonly doc: Y.Doc;

  constructor(doc: Y.Doc) {
    this.doc = doc;
  }

  get title(): Y.Text {
    return this.doc.getText(titleKey);
  }

  /** Invited parties: town agencies by role, departments as `dept:<id>`, villages as `village:<id>`. */
  get invited(): string[] {
    const value = this.doc.getMap(fieldsKey).get('invited');
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  }

  setInvited(parties: readonly string[]): void {
    this.doc.transact(() => this.doc.getMap(fieldsKey).set('invited', [...parties]));
  }
}
