import * as Y from 'yjs';
import type { RefusedChange } from '@concord/shared/access/guard-refusals.ts';
import { applyCompensation, isEmpty } from '@concord/shared/access/guard/compensation.ts';
import type { GuardVerdict } from '@concord/shared/access/guard/compensation.ts';
import { prepareGuardedTypes, reviewTransaction } from '@concord/shared/access/guard/review.ts';
import { bindWriter, boundAccount } from '@concord/shared/access/guard/writers.ts';
import type { Subject } from '@concord/shared/access/rights.ts';
import type { AccountId } from '@concord/shared/auth/user.ts';
import { receiptsKey } from '@concord/shared/cases/workflow/receipts.ts';
import type { DocKind } from '@concord/shared/sync/doc-name.ts';

/**
 * The origin of what the server itself writes after a client's update (SPEC A-GUARD-1, A-ATTEST-2, A-BIND-1): a
 * transaction of its own, saved and relayed to every member, the sender included. When it undoes something, the
 * history keeps who tried what (`author`, `historyFields`).
 */
export class GuardWrite {
  readonly author: AccountId | undefined;
  readonly historyFields: string[];

  constructor(refusedFrom: AccountId | undefined, refused: readonly RefusedChange[]) {
    this.author = refused.length > 0 ? refusedFrom : undefined;
    this.historyFields = [...new Set(refused.map((r) => `refused:${r.reason}:${r.field}`))].sort();
  }
}

export type GuardedApplyResult =
  | { ok: true; refused: RefusedChange[] }
  /** The update carries a client id bound to another account: nothing of it was applied. */
  | { ok: false; client: number; boundTo: string };

/** The client ids an update writes new items under, with the clock each of them was at here before. */
function newWriters(doc: Y.Doc, update: Uint8Array): Map<number, number> {
  const known = Y.decodeStateVector(Y.encodeStateVector(doc));
  const writers = new Map<number, number>();
  for (const struct of Y.decodeUpdate(update).structs) {
    // Skip structs mark gaps, not content
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    const here = known.get(client) ?? 0;
    if (clock + struct.length > here) writers.set(client, here);
  }
  return writers;
}

/**
 * Applies a client's update under the server's guard: refuses it whole when it writes as another account (a
 * client id bound to someone else), else applies it, undoes what the sender may not change, notes when the steps
 * that stand reached the server and binds the sender's new client ids to their account, all before anything is
 * saved or relayed (SPEC A-GUARD-1, A-BIND-1, A-ATTEST-2).
 */
export function applyGuarded(options: {
  doc: Y.Doc;
  kind: DocKind;
  update: Uint8Array;
  /** The transaction origin of the sender's socket. */
  origin: object;
  sender: Subject;
  now: number;
  /**
   * The client ids the sender's socket announced as its own (its presence): only these are bound to the sender's
   * account. A client resending what another instance missed carries other people's ids, which must not become
   * theirs (SPEC A-BIND-1, S-SCALE-1).
   */
  ownClients: ReadonlySet<number>;
}): GuardedApplyResult {
  const { doc, kind, update, origin, sender } = options;
  const writers = newWriters(doc, update);
  for (const client of writers.keys()) {
    const bound = client === doc.clientID ? 'server' : boundAccount(doc, client);
    if (bound !== null && bound !== sender.id) return { ok: false, client, boundTo: bound };
  }
  prepareGuardedTypes(kind, doc);
  let verdict: GuardVerdict | null = null;
  const review = (transaction: Y.Transaction) => {
    if (transaction.origin === origin) verdict = reviewTransaction(kind, doc, transaction, sender);
  };
  doc.on('afterTransaction', review);
  try {
    Y.applyUpdate(doc, update, origin);
  } finally {
    doc.off('afterTransaction', review);
  }
  // roots the update brought (a meeting's new minutes) get their kinds too
  prepareGuardedTypes(kind, doc);
  const found = verdict as GuardVerdict | null;
  const refused = found?.refused ?? [];
  const after = Y.decodeStateVector(Y.encodeStateVector(doc));
  const toBind = [...writers].filter(
    ([client, before]) =>
      options.ownClients.has(client) &&
      (after.get(client) ?? 0) > before &&
      boundAccount(doc, client) === null,
  );
  // only cases have steps; a step keeps the first receipt it got (a step sent again is not received anew)
  const receipts = kind === 'case' ? doc.getMap<unknown>(receiptsKey) : null;
  const toReceipt = receipts ? (found?.acceptedSteps ?? []).filter((id) => !receipts.has(id)) : [];
  if ((!found || isEmpty(found.compensation)) && toBind.length === 0 && toReceipt.length === 0) {
    return { ok: true, refused };
  }
  doc.transact(
    () => {
      if (found) applyCompensation(doc, found.compensation);
      for (const [client] of toBind) bindWriter(doc, client, sender.id);
      const receiptMap = doc.getMap<unknown>(receiptsKey);
      for (const id of toReceipt) receiptMap.set(id, { at: options.now, by: sender.id });
    },
    new GuardWrite(sender.id, refused),
  );
  return { ok: true, refused };
}
