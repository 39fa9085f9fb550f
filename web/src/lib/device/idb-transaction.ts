/**
 * Resolves once an IndexedDB transaction is on disk, rejects if it fails or is aborted. A request's success comes
 * before that, and a page closed in between loses the write: whatever says "kept" waits for this.
 */
export function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}
