import * as Y from 'yjs';
import type { Subject } from '@concord/shared/access/rights.ts';
import type { AccountId } from '@concord/shared/auth/user.ts';
import { applyGuarded, type GuardedApplyResult } from './guarded-apply.ts';

/** People, a server document and their replicas, for the unit tests of the server's guard (SPEC A-GUARD-*). */

export const person = (
  id: string,
  role: Subject['role'],
  village: string | null = null,
  agency: string | null = null,
) => ({ id: id as AccountId, role, village, agency }) satisfies Subject;

export const centre = person('centre', 'governanceCentre');
export const judicial = person('judicial', 'judicialOffice');
export const cadre = person('cadre', 'villageCadre', 'jiangting');
export const grid = person('grid', 'gridWorker', 'jiangting');
export const police = person('police', 'policePost');
export const dept = person('dept', 'department', null, 'naturalResources');
export const admin = person('admin', 'admin');

/** The server's clock in these tests. */
export const now = 5_000_000;

/** A case update from `sender`'s socket, which announced `own` as its client id, through the guard. */
export const sendCase = (
  server: Y.Doc,
  update: Uint8Array,
  sender: Subject,
  own: number,
): GuardedApplyResult =>
  applyGuarded({ doc: server, kind: 'case', update, origin: {}, sender, now, ownClients: new Set([own]) });

/** A server document and the replicas of signed-in people, each sending its edits through the guard. */
export function town(kind: 'case' | 'meeting' = 'case') {
  const server = new Y.Doc();
  const replica = (sender: Subject) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    const pending: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'from-server') pending.push(update);
    });
    const origin = { sender };
    return {
      doc,
      /** Sends what was edited since the last send; the replica then hears the server back. */
      send(): GuardedApplyResult[] {
        const results = pending.splice(0).map((update) =>
          applyGuarded({
            doc: server,
            kind,
            update,
            origin,
            sender,
            now,
            ownClients: new Set([doc.clientID]),
          }),
        );
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)), 'from-server');
        return results;
      },
    };
  };
  return { server, replica };
}

/** Each refused part as `reason:field`, or the account a client id is bound to when refused whole. */
export const refusals = (results: GuardedApplyResult[]) =>
  results.flatMap((r) => (r.ok ? r.refused.map((x) => `${x.reason}:${x.field}`) : [`bound:${r.boundTo}`]));
