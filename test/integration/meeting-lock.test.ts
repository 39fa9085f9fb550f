import { afterEach, describe, expect, it } from 'vitest';
import type { RefusedChange } from '../../shared/src/access/guard-refusals.ts';
import { MeetingFile, minutesKey } from '../../shared/src/meetings/meeting-file.ts';
import { extensionType, readRefused } from '../../shared/src/sync/extensions.ts';
import { savedOnServer, stockClient, synced, until, type StockClient } from '../helpers/clients.ts';
import { serverPool } from '../helpers/test-server.ts';
import { storeMeeting } from '../helpers/stored-meeting.ts';

const servers = serverPool();
const clients: StockClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await servers.disposeAll();
});

function nextRefusal(c: StockClient): Promise<RefusedChange[]> {
  return new Promise((resolve) => {
    c.provider.messageHandlers[extensionType.refused] = (_encoder, decoder) => {
      const refused = readRefused(decoder);
      if (refused) resolve(refused);
    };
  });
}

const lockedText = '双方同意重新丈量地界,由司法所组织。';

describe('finalized minutes on a running server', () => {
  it('M-LOCK-2: a stock client’s edit of a finalized item’s minutes is undone, and a fresh client reads the locked text', async () => {
    const server = await servers.start();
    let itemId = '';
    const name = await storeMeeting(server, {
      id: 'locked-meeting',
      title: '十一月专题会',
      invited: ['judicialOffice', 'policePost'],
      more: (meeting) => {
        const item = meeting.addAgendaItem({ caseId: null, topic: '地界纠纷' }, { by: 'admin', at: 1 });
        itemId = item.id;
        meeting.minutes(item.id).insert(0, lockedText);
        meeting.lock({ by: 'admin', at: 2 });
      },
    });
    const officer = stockClient(server.syncUrl, name, {
      token: await server.signIn('policePost'),
      params: { acks: '1' },
    });
    clients.push(officer);
    await synced(officer);
    const told = nextRefusal(officer);
    // a stock client writes a text it names, as any program would
    officer.doc.getText(minutesKey(itemId)).insert(0, '警务室补记:');
    const saved = savedOnServer(officer);
    expect(await told).toEqual([{ reason: 'guard_minutes_locked', field: minutesKey(itemId) }]);
    await until(officer.doc, () => officer.doc.getText(minutesKey(itemId)).toString() === lockedText);
    await saved;

    const fresh = stockClient(server.syncUrl, name, { token: await server.signIn('judicialOffice') });
    clients.push(fresh);
    await synced(fresh);
    const meeting = new MeetingFile(fresh.doc);
    expect(meeting.minutes(itemId).toString()).toBe(lockedText);
    expect(meeting.locked).toEqual({ by: 'admin', at: 2 });
  });
});
