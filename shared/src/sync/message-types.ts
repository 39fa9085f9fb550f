import * as encoding from 'lib0/encoding';

/** The first varint of every frame on the sync socket (SPEC S-WIRE-1). */
export const messageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;
export type MessageType = (typeof messageType)[keyof typeof messageType];

/** The sub-types of a sync message, as y-protocols numbers them. */
export const syncStep = { step1: 0, step2: 1, update: 2 } as const;
export type SyncStep = (typeof syncStep)[keyof typeof syncStep];

/** A sync message: its type, its step, and the state vector or update it carries. */
export function encodeSyncMessage(step: SyncStep, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
