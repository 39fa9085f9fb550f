import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldText } from '../cases/case-history.ts';
import { refusalLine } from '../cases/refusal-wording.ts';
import { translate, type MessageKey, type MessageParams } from '../i18n/translate.ts';

const zh = (key: MessageKey, params?: MessageParams) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);

describe('what the server undid of a meeting, in words', () => {
  it('W-MEET-6: the parts of a meeting are named as the meeting page names them', () => {
    expect(fieldText(fieldLabel('minutes/3fa2c1d0e9b8'), zh)).toBe('会议记录');
    expect(fieldText(fieldLabel('attendance.demo-police1'), en)).toBe('attendance');
    expect(fieldText(fieldLabel('actions.3fa2c1d0e9b8'), zh)).toBe('待办事项');
    expect(fieldText(fieldLabel('meeting.place'), en)).toBe('place');
    expect(refusalLine({ reason: 'guard_invitations', field: 'meeting.invited' }, zh)).toBe(
      '服务器撤销了你的修改:会议邀请只能由召集单位决定',
    );
  });
});
