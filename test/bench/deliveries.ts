import type * as Y from 'yjs';

/** Every edit is an insert of exactly this many ASCII characters, so it advances its client's clock by this much. */
export const editLength = 8;

/**
 * Times each edit from the local insert to its arrival at every other client, all clients being in this process.
 * An edit is known by its author's client id and clock: after a remote transaction, the clock ranges by which
 * the document's state vector advanced are exactly the edits that just arrived, whatever the server did to them.
 */
export class DeliveryTracker {
  /** Send time of each edit, by author client id and edit number (clock / editLength). */
  readonly #sentAt = new Map<number, number[]>();
  #windowStart = Number.POSITIVE_INFINITY;
  #windowEnd = Number.POSITIVE_INFINITY;
  /** Latencies of deliveries of edits sent within the window, in milliseconds. */
  readonly latencies: number[] = [];
  /** Deliveries of any edit that arrived within the window. */
  deliveredInWindow = 0;

  /** Call before the client makes its first edit. */
  addAuthor(doc: Y.Doc): void {
    if (this.#sentAt.has(doc.clientID)) throw new Error(`two clients share the client id ${doc.clientID}`);
    this.#sentAt.set(doc.clientID, []);
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (!transaction.local) this.#arrived(transaction);
    });
  }

  /** Records that `doc` is about to make its next edit. */
  sent(doc: Y.Doc, at: number): void {
    this.#sentAt.get(doc.clientID)?.push(at);
  }

  openWindow(at: number): void {
    this.#windowStart = at;
  }

  closeWindow(at: number): void {
    this.#windowEnd = at;
  }

  inWindow(at: number): boolean {
    return at >= this.#windowStart && at < this.#windowEnd;
  }

  #arrived(transaction: Y.Transaction): void {
    const now = performance.now();
    const countsForRate = this.inWindow(now);
    for (const [client, after] of transaction.afterState) {
      const before = transaction.beforeState.get(client) ?? 0;
      if (after <= before) continue;
      const sentAt = this.#sentAt.get(client);
      if (!sentAt) continue;
      for (let edit = before / editLength; edit < after / editLength; edit++) {
        const at = sentAt[edit];
        if (at === undefined) continue;
        if (countsForRate) this.deliveredInWindow++;
        if (this.inWindow(at)) this.latencies.push(now - at);
      }
    }
  }
}
