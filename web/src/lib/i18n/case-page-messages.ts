/** The case page's words for a case it cannot show, and for a move that takes a case away (SPEC W-MISSING-1, W-MOVE-1). */
export const casePageEn = {
  case_missing_none: 'There is no case file with this number, on this device or on the server.',
  case_missing_refused:
    'This case file is not yours to open, or there is none with this number. Nothing of it is kept on this device.',
  case_missing_offline:
    'This case file is not on this device, and the server cannot be reached now. It opens once you are online, if it is yours to open.',
  move_confirm_heading: 'Move this case file?',
  move_confirm_none:
    'Once it is in {village} it is no longer yours to open: it leaves this device when the server has the move.',
  move_confirm_read: 'Once it is in {village} you may read it but no longer change it.',
  move_confirm_go: 'Move it',
  move_confirm_cancel: 'Keep it here',
  move_waiting: 'Moved to {village}. The case stays on this device until the server has the move.',
  case_village_fixed:
    'Only the town’s agencies (governance centre, judicial office, police post) move a case to another village.',
} as const;

export const casePageZhCN: Record<keyof typeof casePageEn, string> = {
  case_missing_none: '本设备和服务器上都没有这个编号的案件。',
  case_missing_refused: '你无权查看这件案件,或没有这个编号的案件。本设备上没有保留它的任何内容。',
  case_missing_offline: '本设备上没有这件案件,目前也无法连接服务器。联网后,如果你有权查看,它就会打开。',
  move_confirm_heading: '确定移交这件案件?',
  move_confirm_none: '移交到{village}后,你将无权再查看此案件:服务器收到移交后,它会从本设备上删除。',
  move_confirm_read: '移交到{village}后,你只能查看此案件,不能再修改。',
  move_confirm_go: '确定移交',
  move_confirm_cancel: '暂不移交',
  move_waiting: '已移交到{village}。在服务器收到移交之前,案件仍保留在本设备上。',
  case_village_fixed: '案件只能由镇综治中心、司法所或警务室移交到其他村。',
};
