import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MeetingFile } from '@concord/shared/meetings/meeting-file.ts';
import { publicMeeting } from '@concord/shared/meetings/public-notice.ts';
import { privateDetailsOf } from '@concord/shared/meetings/redaction.ts';
import { archiveFileName, archiveMinutes, noticeFileName } from './minutes-archive.ts';
import { archiveDocument, docxBytes, noticeDocument } from './minutes-docx.ts';
import { paperWords } from './paper-labels.ts';

const at = Date.UTC(2026, 10, 27, 1, 30);
const names: Record<string, string> = {
  centre1: '周主任',
  judicial1: '司法所吴所长',
  police1: '派出所郑警官',
};
const nameOf = (id: string) => names[id] ?? id;

function lockedMeeting(): MeetingFile {
  const meeting = MeetingFile.create(new Y.Doc(), {
    id: 'docx-m1',
    kind: 'topical',
    title: '信访联席会议专题会:张三丰宅基地纠纷',
    date: '2026-11-27',
    time: '09:30',
    place: '沫阳镇综治中心三楼会议室',
    village: null,
    invited: ['judicialOffice', 'policePost', 'dept:naturalResources'],
    convener: 'centre1',
    createdAt: at,
  });
  const item = meeting.addAgendaItem(
    { caseId: 'case-a', topic: '张三丰与李四宅基地纠纷' },
    { by: 'centre1', at },
  );
  meeting.minutes(item.id).insert(0, '张三丰(电话13812345678)称李四占地。\n司法所建议现场勘界。');
  meeting.addDecision(item.id, '组织张三丰、李四现场勘界', { by: 'centre1', at });
  const action = meeting.addAction(
    {
      itemId: item.id,
      caseId: 'case-a',
      text: '通知李四勘界时间',
      owner: 'judicial1',
      deadline: '2026-12-05',
    },
    { by: 'centre1', at },
  );
  meeting.setDone(action.id, true, { by: 'judicial1', at: at + 1000 });
  meeting.signIn('judicial1', { by: 'judicial1', at });
  meeting.signIn('police1', { by: 'police1', at: at + 60_000 });
  meeting.lock({ by: 'centre1', at: at + 3_600_000 });
  meeting.unlock('补记派出所意见', { by: 'centre1', at: at + 7_200_000 });
  meeting.lock({ by: 'centre1', at: at + 7_300_000 });
  return meeting;
}

/** The text of a .docx's body, read back from its `word/document.xml` as Word would open it. */
async function documentText(bytes: Promise<Uint8Array>): Promise<string> {
  const files = unzipSync(await bytes);
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('no word/document.xml in the file');
  return [...strFromU8(xml).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('the meeting’s papers as .docx', () => {
  it('M-DOCX-1: the archive minutes hold everything, people named: facts, attendance, items, actions, lock record', async () => {
    const meeting = lockedMeeting();
    const minutes = archiveMinutes(meeting, nameOf);
    const body = await documentText(docxBytes(archiveDocument(minutes, paperWords('zh-CN'))));
    for (const expected of [
      '会议纪要',
      '信访联席会议专题会:张三丰宅基地纠纷',
      '联席会议专题会',
      '2026年11月27日 09:30',
      '沫阳镇综治中心三楼会议室',
      '周主任',
      '司法所',
      '派出所',
      '自然资源',
      '司法所吴所长',
      '派出所郑警官',
      '议题1:张三丰与李四宅基地纠纷',
      '关联案件 case-a',
      '张三丰(电话13812345678)称李四占地。',
      '司法所建议现场勘界。',
      '组织张三丰、李四现场勘界',
      '通知李四勘界时间',
      '责任人:司法所吴所长',
      '已完成(司法所吴所长',
      '定稿记录',
      '解除定稿,理由:补记派出所意见',
    ]) {
      expect(body).toContain(expected);
    }
    expect(body).not.toContain('草稿');
    expect(archiveFileName(minutes)).toBe('会议纪要-2026-11-27-docx-m1.docx');
  });

  it('M-DOCX-1: in English the same file reads in English, and unfinalized minutes are marked a draft', async () => {
    const meeting = MeetingFile.create(new Y.Doc(), {
      id: 'docx-m2',
      kind: 'weeklyAnalysis',
      title: 'Weekly analysis',
      date: '2026-11-30',
      time: null,
      place: '',
      village: null,
      invited: [],
      convener: 'centre1',
      createdAt: at,
    });
    const body = await documentText(
      docxBytes(archiveDocument(archiveMinutes(meeting, nameOf), paperWords('en'))),
    );
    expect(body).toContain('Minutes of the meeting');
    expect(body).toContain('Draft: the minutes are not finalized.');
    expect(body).toContain('Weekly analysis meeting');
    expect(body).toContain('November 30, 2026');
    expect(body).toContain('Nobody signed in.');
    expect(body).toContain('Not finalized.');
  });

  it('M-DOCX-1, M-PUBLIC-2: the public notice file is redacted: no party’s name or phone, no staff name', async () => {
    const meeting = lockedMeeting();
    const details = privateDetailsOf([
      { name: '张三丰', village: 'hongyan', contact: '13812345678' },
      { name: '李四', village: 'hongyan', contact: '' },
    ]);
    const bodies: Record<string, string> = { centre1: 'governanceCentre', judicial1: 'judicialOffice' };
    const notice = publicMeeting(meeting, details, (id) => bodies[id] ?? null);
    const body = await documentText(docxBytes(noticeDocument(notice, paperWords('zh-CN'))));
    expect(body).toContain('会议议定事项公示');
    expect(body).toContain('议题1:张某与李某宅基地纠纷');
    expect(body).toContain('张某(电话***********)称李某占地。');
    expect(body).toContain('组织张某、李某现场勘界');
    expect(body).toContain('责任单位:司法所');
    expect(body).toContain('召集单位');
    expect(body).toContain('综治中心');
    for (const secret of ['张三丰', '李四', '13812345678', '周主任', '吴所长', '郑警官', '草稿']) {
      expect(body).not.toContain(secret);
    }
    expect(noticeFileName(notice)).toBe('会议公示-2026-11-27-docx-m1.docx');
  });
});
