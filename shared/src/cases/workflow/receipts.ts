import * as Y from 'yjs';
import { z } from 'zod';

// The name of the map where the server notes when it received each step. Never rename: stored documents use it.
export const receiptsKey = 'received';

/**
 * When the server received a step, and from whose signed-in socket (SPEC A-ATTEST-2). Only the server writes
 * these, in the document itself, so every device, offline too, shows them.
 */
export const receiptSchema = z.object({
  /** The server's clock when the step reached it (ms). */
  at: z.number().int().nonnegative(),
  /** The account of the socket that delivered it. */
  by: z.string().min(1).max(128),
});
export type Receipt = z.infer<typeof receiptSchema>;

/** The receipts of a case's steps, by step id; one that cannot be read is left out. */
export function readReceipts(doc: Y.Doc): Map<string, Receipt> {
  const receipts = new Map<string, Receipt>();
  for (const [id, value] of doc.getMap<unknown>(receiptsKey)) {
    const parsed = receiptSchema.safeParse(value);
    if (parsed.success) receipts.set(id, parsed.data);
  }
  return receipts;
}

/**
 * A step's time as every replica orders it (SPEC A-ATTEST-3): the recording device's clock, unless the server
 * received it earlier than that, which only a clock running ahead can cause; then the server's time.
 */
export function orderedAt(at: number, receipt: Receipt | undefined): number {
  return receipt && receipt.at < at ? receipt.at : at;
}
