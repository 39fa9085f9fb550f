import * as Y from 'yjs';
import type { Subject } from '../../shared/src/access/rights.ts';
import type { AccountId } from '../../shared/src/auth/user.ts';
import { sampleLedgerRow, type LedgerRow } from '../../shared/src/ledger/ledger-row.ts';
import { proposeAgenda } from '../../shared/src/meetings/agenda-proposals.ts';
import { linksOfMeeting, writeLinksIntoCase } from '../../shared/src/meetings/case-links.ts';
import { MeetingFile } from '../../shared/src/meetings/meeting-file.ts';
import { redactForPublic, type PrivateDetails } from '../../shared/src/meetings/redaction.ts';
import { Prng } from '../../shared/src/random/prng.ts';
import { applyGuarded } from '../../sync-server/src/sync/guarded-apply.ts';
import { archiveMinutes } from '../../web/src/lib/meetings/minutes-archive.ts';
import { archiveDocument, docxBytes } from '../../web/src/lib/meetings/minutes-docx.ts';
import { paperWords } from '../../web/src/lib/meetings/paper-labels.ts';

/**
 * The joint meetings' own benchmark: what the server's guard costs per keystroke of the minutes, open and
 * finalized; what the agenda builder, the public notice's redaction, the links into cases and the archive .docx
 * cost on a meeting of a real size. In-process, on the code the server and the page run; prints numbers only.
 */

const items = 20;
const minutesChars = 2000;
const keystrokes = 2000;
const repeats = 7;

const centre: Subject = { id: 'centre' as AccountId, role: 'governanceCentre', village: null, agency: null };
const police: Subject = { id: 'police' as AccountId, role: 'policePost', village: null, agency: null };
const stamp = (by: string) => ({ by, at: Date.UTC(2026, 10, 20) });

function line(what: string, value: string, note = ''): void {
  console.log(`  ${what.padEnd(58)} ${value.padStart(12)}${note ? `  ${note}` : ''}`);
}

/** The median time of `repeats` runs after one to warm up, and the last result. */
async function time<T>(work: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  let result = await work();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    result = await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? Number.NaN, result };
}

/** A meeting of `items` agenda items on cases, each with minutes, a decision and an action. */
function bigMeeting(random: Prng): { doc: Y.Doc; itemIds: string[] } {
  const doc = new Y.Doc();
  const meeting = MeetingFile.create(doc, {
    id: 'bench-meeting',
    kind: 'topical',
    title: '沫阳镇信访工作联席会议(专题会)',
    date: '2026-11-20',
    time: '09:00',
    place: '镇综治中心',
    village: null,
    invited: ['policePost', 'judicialOffice'],
    convener: centre.id,
    createdAt: Date.UTC(2026, 10, 19),
  });
  const itemIds: string[] = [];
  for (let i = 0; i < items; i++) {
    const item = meeting.addAgendaItem(
      { caseId: `case-${i}`, topic: `张${i}某与李${i}某宅基地纠纷` },
      stamp(centre.id),
    );
    itemIds.push(item.id);
    let text = '';
    while (text.length < minutesChars)
      text += `张三${i}(电话138${String(random.int(10000000, 99999999))})称李四占地约两米。`;
    meeting.minutes(item.id).insert(0, text.slice(0, minutesChars));
    meeting.addDecision(item.id, `由司法所组织第${i}案双方现场勘界`, stamp(centre.id));
    meeting.addAction(
      {
        itemId: item.id,
        caseId: `case-${i}`,
        text: `通知双方勘界时间(第${i}案)`,
        owner: police.id,
        deadline: '2026-11-30',
      },
      stamp(centre.id),
    );
  }
  return { doc, itemIds };
}

/** Keystrokes typed into the minutes by one client, each sent to the server through its guard. */
function keystrokeCost(server: Y.Doc, itemIds: string[], random: Prng, guarded: boolean): number {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  const file = new MeetingFile(client);
  for (let i = 0; i < keystrokes; i++) {
    const text = file.minutes(random.pick(itemIds));
    text.insert(random.int(0, text.length), '记');
  }
  const origin = {};
  const started = performance.now();
  for (const update of updates) {
    if (!guarded) Y.applyUpdate(server, update, origin);
    else
      applyGuarded({
        doc: server,
        kind: 'meeting',
        update,
        origin,
        sender: police,
        now: Date.now(),
        ownClients: new Set([client.clientID]),
      });
  }
  return ((performance.now() - started) / updates.length) * 1000;
}

export async function runMeetingBench(): Promise<void> {
  const random = new Prng(14);
  console.log(
    `\nJoint meetings benchmark: a meeting of ${items} items on cases, ${minutesChars} characters of minutes each ` +
      `(median of ${repeats} runs, Node ${process.version})`,
  );
  const fresh = () => {
    const { doc, itemIds } = bigMeeting(new Prng(14));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    return { server: copy, itemIds };
  };
  const plain = fresh();
  line(
    'a keystroke of the minutes, applied without the guard',
    `${keystrokeCost(plain.server, plain.itemIds, random, false).toFixed(1)} µs`,
  );
  const open = fresh();
  line(
    'a keystroke of the minutes through the guard, meeting open',
    `${keystrokeCost(open.server, open.itemIds, random, true).toFixed(1)} µs`,
  );
  const locked = fresh();
  new MeetingFile(locked.server).lock(stamp(centre.id));
  const lockedCost = keystrokeCost(locked.server, locked.itemIds, random, true);
  line(
    'a keystroke into finalized minutes, undone by the guard',
    `${lockedCost.toFixed(1)} µs`,
    `each puts back its item's ${minutesChars} characters`,
  );

  const now = Date.UTC(2026, 10, 20);
  const rows: LedgerRow[] = Array.from({ length: 5000 }, (_, i) =>
    sampleLedgerRow(`c${i}`, {
      stage: random.pick(['registered', 'dispatched', 'handling', 'closed'] as const),
      risk: random.pick(['low', 'medium', 'high', 'criminal'] as const),
      level: random.pick(['village', 'village', 'town', 'county'] as const),
      deadline: now + random.int(-20, 20) * 86_400_000,
      attemptsAtLevel: random.int(0, 3),
    }),
  );
  const proposed = await time(() => proposeAgenda(rows, now, new Set()));
  line(
    'the agenda builder over 5,000 ledger rows',
    `${proposed.ms.toFixed(2)} ms`,
    `${proposed.result.length} proposed`,
  );

  const { doc } = bigMeeting(new Prng(14));
  const meeting = new MeetingFile(doc);
  const details: PrivateDetails = {
    names: Array.from({ length: items }, (_, i) => [`张三${i}`, `李四${i}`]).flat(),
    contacts: [],
    addresses: ['青山村5组12号'],
  };
  const minutesText = meeting.agendaItems.map((item) => meeting.minutes(item.id).toString()).join('\n');
  const redacted = await time(() => redactForPublic(minutesText, details));
  line(
    `redact the minutes for the public notice (${(minutesText.length / 1000).toFixed(0)} K chars, ${details.names.length} names)`,
    `${redacted.ms.toFixed(2)} ms`,
  );

  const linked = await time(() => {
    let wrote = 0;
    for (const [caseId, links] of linksOfMeeting(meeting)) {
      const caseDoc = new Y.Doc();
      if (writeLinksIntoCase(caseDoc, 'bench-meeting', links)) wrote++;
      if (caseId === '') throw new Error('a link without a case');
    }
    return wrote;
  });
  line('links of the meeting written into its cases', `${linked.ms.toFixed(2)} ms`, `${linked.result} cases`);

  const words = paperWords('zh-CN');
  const archived = await time(() =>
    docxBytes(
      archiveDocument(
        archiveMinutes(meeting, (id) => id),
        words,
      ),
    ),
  );
  line(
    'the archive minutes as .docx',
    `${archived.ms.toFixed(1)} ms`,
    `${(archived.result.length / 1024).toFixed(0)} KiB`,
  );
}
