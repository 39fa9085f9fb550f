import { createSubscriber } from 'svelte/reactivity';
import type { CaseFile } from '@concord/shared/cases/case-file.ts';
import type { Party } from '@concord/shared/cases/parties.ts';

/**
 * The parties of a case, read through to the case document (the one Yjs bridge for them): any change, a merge
 * included, shows at once.
 */
export class PartiesView {
  readonly #caseFile: CaseFile;
  readonly #subscribe: () => void;

  constructor(caseFile: CaseFile) {
    this.#caseFile = caseFile;
    this.#subscribe = createSubscriber((update) => {
      const doc = caseFile.doc;
      doc.on('update', update);
      return () => doc.off('update', update);
    });
  }

  get parties(): Party[] {
    this.#subscribe();
    return this.#caseFile.parties;
  }
}
