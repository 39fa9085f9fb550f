import type { Receipt } from '@concord/shared/cases/workflow/receipts.ts';
import type { MessageKey, MessageParams } from '../i18n/translate.ts';

export interface ReceiptSpeaker {
  t: (key: MessageKey, params?: MessageParams) => string;
  date: (ms: number) => string;
  time: (ms: number) => string;
  /** A person's name, from their account id. */
  name: (accountId: string) => string;
}

/**
 * What a step says of its arrival at the server, beside the time the recording device gave it (SPEC W-RECEIPT-1):
 * "已送达服务器 10:32" from the server's receipt, with the date too when it came on another day, and who sent it
 * when that is not who the step names; "not yet received" while the server does not have the step. A step without
 * a receipt that the server has came before receipts were kept, and says nothing.
 */
export function receiptLine(
  receipt: Receipt | undefined,
  step: { at: number; by: string },
  onServer: boolean,
  say: ReceiptSpeaker,
): string | null {
  if (receipt) {
    // the same day as it reads on screen
    const when =
      say.date(receipt.at) === say.date(step.at)
        ? say.time(receipt.at)
        : say.t('receipt_day_time', { date: say.date(receipt.at), time: say.time(receipt.at) });
    // the account whose signed-in socket delivered the step, when it is not the one the step names
    return receipt.by === step.by
      ? say.t('receipt_received', { time: when })
      : say.t('receipt_received_from', { time: when, name: say.name(receipt.by) });
  }
  return onServer ? null : say.t('receipt_pending');
}
