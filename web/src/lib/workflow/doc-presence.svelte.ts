import { createSubscriber } from 'svelte/reactivity';
import * as Y from 'yjs';
import type { DocProvider } from '../sync/doc-provider.ts';
import { peersFrom, type Peer, type PresenceField, type PresenceState } from './presence.ts';

/** A caret of someone else in a text, as a position in the text as it is now. */
export interface RemoteCaret {
  peer: Peer;
  index: number;
}

/** What a rich-text editor needs of the presence on its document (SPEC W-PRES-2). */
export interface TextPresence {
  /** Which field the person is in, or null when none. */
  focus(field: PresenceField | null): void;
  /** Where their caret is in `text`, or null when they leave it. */
  caretAt(text: Y.Text, index: number | null): void;
  /** The others' carets in `text`. */
  caretsIn(text: Y.Text): RemoteCaret[];
}

/**
 * Who is on a shared document, from the awareness every device announces (SPEC W-PRES-1, W-PRES-2): a case or a
 * meeting alike. Reads go to the awareness through a subscriber.
 */
export class DocPresence implements TextPresence {
  readonly #provider: DocProvider;
  readonly #subscribePeers: () => void;
  /** Whose presence this device announces, once the page has said. */
  #announced: PresenceState['user'] | null = null;

  constructor(provider: DocProvider) {
    this.#provider = provider;
    const awareness = provider.awareness;
    this.#subscribePeers = createSubscriber((update) => {
      awareness.on('change', update);
      return () => awareness.off('change', update);
    });
  }

  /** Tells the others on the document who is on this device (SPEC S-AWARE-1). */
  announce(user: PresenceState['user']): void {
    const awareness = this.#provider.awareness;
    const known: unknown = awareness.getLocalState()?.['user'];
    this.#announced = user;
    if (JSON.stringify(known) === JSON.stringify(user)) return;
    awareness.setLocalStateField('user', user);
    if (awareness.getLocalState()?.['field'] === undefined) awareness.setLocalStateField('field', null);
  }

  focus(field: PresenceField | null): void {
    if (!this.#announced) return;
    this.#provider.awareness.setLocalStateField('field', field);
  }

  /** The caret stays on the same character while anyone types around it: a Yjs relative position. */
  caretAt(text: Y.Text, index: number | null): void {
    if (!this.#announced) return;
    const caret: unknown =
      index === null ? null : Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index));
    this.#provider.awareness.setLocalStateField('caret', caret);
  }

  caretsIn(text: Y.Text): RemoteCaret[] {
    const doc = text.doc;
    if (!doc) return [];
    const carets: RemoteCaret[] = [];
    for (const peer of this.peers) {
      if (peer.caret === null || peer.caret === undefined) continue;
      try {
        const position = Y.createAbsolutePositionFromRelativePosition(
          Y.createRelativePositionFromJSON(peer.caret),
          doc,
        );
        if (position && position.type === text) carets.push({ peer, index: position.index });
      } catch (error) {
        // a caret from a version that writes them differently is not shown, and nothing else is affected
        console.warn('unreadable caret from', peer.id, error);
      }
    }
    return carets;
  }

  /** The other people on the document now, one entry each, with the field they are in. */
  get peers(): Peer[] {
    this.#subscribePeers();
    const awareness = this.#provider.awareness;
    return peersFrom(awareness.getStates(), {
      clientId: awareness.clientID,
      userId: this.#announced?.id ?? null,
    });
  }

  /** How many devices have the document open, this one included. */
  get editors(): number {
    this.#subscribePeers();
    return this.#provider.awareness.getStates().size;
  }

  /** This person leaves the page; the document may stay open for something else. */
  leave(): void {
    if (this.#announced) this.#provider.awareness.setLocalState(null);
  }
}
