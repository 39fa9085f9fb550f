/** The case page's words for a case it cannot show (SPEC W-MISSING-1). */
export const casePageEn = {
  case_missing_none: 'There is no case file with this number, on this device or on the server.',
  case_missing_refused:
    'This case file is not yours to open, or there is none with this number. Nothing of it is kept on this device.',
  case_missing_offline:
    'This case file is not on this device, and the server cannot be reached now. It opens once you are online, if it is yours to open.',
  case_missing_back: 'Back to the ledger',
} as const;

export const casePageZhCN: Record<keyof typeof casePageEn, string> = {
  case_missing_none: '本设备和服务器上都没有这个编号的案件。',
  case_missing_refused: '你无权查看这件案件,或没有这个编号的案件。本设备上没有保留它的任何内容。',
  case_missing_offline: '本设备上没有这件案件,目前也无法连接服务器。联网后,如果你有权查看,它就会打开。',
  case_missing_back: '返回台账',
};
