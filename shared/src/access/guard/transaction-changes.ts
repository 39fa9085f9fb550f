import * as Y from 'yjs';

/**
 * What one transaction changed in a document, read while Yjs still holds the content it deleted (in the
 * `afterTransaction` event, before garbage collection): the guard decides from it what stands and what the
 * server undoes (SPEC A-GUARD-1).
 */

/** One key of a top-level map: what it held before and holds now (`undefined`: absent). */
export interface KeyChange {
  key: string;
  before: unknown;
  after: unknown;
}

/** An element a transaction added to a top-level array, with the Yjs item that holds it (to take it out again). */
export interface AddedElement {
  value: unknown;
  item: Y.Item;
  /** Where in the item the element is: one push of several values is one item. */
  offset: number;
}

/** A rich-text run as Yjs deltas carry it. */
export interface DeltaOp {
  insert: string | object;
  attributes?: Record<string, unknown>;
}

/** The document's top-level types by name, so a transaction's types can be named. */
function rootNames(doc: Y.Doc): Map<object, string> {
  const names = new Map<object, string>();
  for (const [name, type] of doc.share) names.set(type, name);
  return names;
}

/** Changes of the keys of the top-level map `name` (only its own keys, not what is nested in its values). */
export function mapChanges(doc: Y.Doc, transaction: Y.Transaction, name: string): KeyChange[] {
  const map = doc.share.get(name);
  if (!(map instanceof Y.Map)) return [];
  // shared types by identity: Yjs types them with generics that do not meet, and identity is all that matters
  let event: { changes: { keys: Map<string, { oldValue: unknown }> } } | undefined;
  for (const [type, events] of transaction.changedParentTypes) {
    if ((type as object) === map) event = events.find((e) => (e.target as object) === map);
  }
  if (!event) return [];
  const changes: KeyChange[] = [];
  for (const [key, change] of event.changes.keys) {
    changes.push({ key, before: change.oldValue, after: (map as Y.Map<unknown>).get(key) });
  }
  return changes;
}

/**
 * The keys of the top-level map `name` the transaction wrote, whether or not its value won: a write that lost to a
 * concurrent one is integrated as a deleted item beside the winner, and is still a write.
 */
export function keysWritten(doc: Y.Doc, transaction: Y.Transaction, name: string): Set<string> {
  const map = doc.share.get(name);
  const keys = new Set<string>();
  if (!(map instanceof Y.Map)) return keys;
  for (const [key, newest] of (map as Y.Map<unknown>)._map) {
    for (let item: Y.Item | null = newest; item !== null; item = item.left) {
      if (madeIn(transaction, item)) {
        keys.add(key);
        break;
      }
    }
  }
  return keys;
}

/** True when the item was made in this transaction. */
function madeIn(transaction: Y.Transaction, item: Y.Item): boolean {
  return item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
}

/** True when the item stood before this transaction and the transaction deleted it. */
function deletedIn(transaction: Y.Transaction, item: Y.Item): boolean {
  return !madeIn(transaction, item) && item.deleted && Y.isDeleted(transaction.deleteSet, item.id);
}

/** The items of a top-level type, in document order, tombstones included. */
function* itemsOf(type: Y.AbstractType<unknown>): Generator<Y.Item> {
  for (let item = type._start; item !== null; item = item.right) yield item;
}

/** The top-level type `name` if the transaction touched it, else null. */
function touched(doc: Y.Doc, transaction: Y.Transaction, name: string): Y.AbstractType<unknown> | null {
  const type = doc.share.get(name);
  if (!type) return null;
  for (const changed of transaction.changed.keys()) {
    if ((changed as object) === type) return type as Y.AbstractType<unknown>;
  }
  return null;
}

/** Elements a transaction added to the top-level array `name` that are still there. */
export function addedElements(doc: Y.Doc, transaction: Y.Transaction, name: string): AddedElement[] {
  const array = touched(doc, transaction, name);
  if (!array) return [];
  const added: AddedElement[] = [];
  for (const item of itemsOf(array)) {
    if (item.deleted || !madeIn(transaction, item)) continue;
    const values = item.content.getContent() as unknown[];
    values.forEach((value, offset) => added.push({ value, item, offset }));
  }
  return added;
}

/**
 * Elements of the top-level array `name` that the transaction deleted, as they were: plain values as stored, and a
 * nested map (a party) as the plain object of its entries.
 */
export function deletedElements(doc: Y.Doc, transaction: Y.Transaction, name: string): unknown[] {
  const array = touched(doc, transaction, name);
  if (!array) return [];
  const deleted: unknown[] = [];
  for (const item of itemsOf(array)) {
    if (!deletedIn(transaction, item)) continue;
    if (item.content instanceof Y.ContentType) {
      const type = item.content.type;
      if (type instanceof Y.Map) deleted.push(mapEntriesBefore(transaction, type));
      continue;
    }
    deleted.push(...(item.content.getContent() as unknown[]));
  }
  return deleted;
}

/** The entries a nested map held before the transaction deleted it with its parent. */
function mapEntriesBefore(transaction: Y.Transaction, map: Y.Map<unknown>): Record<string, unknown> {
  const entries: Record<string, unknown> = {};
  for (const [key, item] of map._map) {
    // the newest item of a key holds its value; it stood before unless made in this transaction
    if (madeIn(transaction, item) || (item.deleted && !deletedIn(transaction, item))) continue;
    const content = item.content.getContent() as unknown[];
    if (content.length > 0) entries[key] = content[content.length - 1];
  }
  return entries;
}

/** The top-level text `name` as it was before the transaction, as a rich-text delta; null if untouched. */
export function textBefore(doc: Y.Doc, transaction: Y.Transaction, name: string): DeltaOp[] | null {
  const text = touched(doc, transaction, name);
  if (!text) return null;
  const ops: DeltaOp[] = [];
  let attributes: Record<string, unknown> = {};
  for (const item of itemsOf(text)) {
    const stood = !madeIn(transaction, item) && (!item.deleted || deletedIn(transaction, item));
    if (!stood) continue;
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      // a format ends where its key is set to null (Yjs types the value as an object, but null is what it holds)
      const value = content.value as unknown;
      attributes = Object.fromEntries(Object.entries(attributes).filter(([key]) => key !== content.key));
      if (value !== null) attributes[content.key] = value;
    } else if (content instanceof Y.ContentString) {
      push(ops, content.str, attributes);
    } else if (content instanceof Y.ContentEmbed) {
      push(ops, content.embed, attributes);
    }
  }
  return ops;
}

function push(ops: DeltaOp[], insert: string | object, attributes: Record<string, unknown>): void {
  const keys = Object.keys(attributes);
  const last = ops[ops.length - 1];
  if (
    typeof insert === 'string' &&
    last &&
    typeof last.insert === 'string' &&
    JSON.stringify(last.attributes ?? {}) === JSON.stringify(attributes)
  ) {
    last.insert += insert;
    return;
  }
  ops.push(keys.length > 0 ? { insert, attributes } : { insert });
}

/** The names of the top-level types a transaction touched. */
export function touchedRoots(doc: Y.Doc, transaction: Y.Transaction): Set<string> {
  const names = rootNames(doc);
  const touchedNames = new Set<string>();
  for (const type of transaction.changed.keys()) {
    let top: Y.AbstractType<unknown> = type as Y.AbstractType<unknown>;
    while (top._item !== null && top._item.parent instanceof Y.AbstractType) top = top._item.parent;
    const name = names.get(top);
    if (name !== undefined) touchedNames.add(name);
  }
  return touchedNames;
}
