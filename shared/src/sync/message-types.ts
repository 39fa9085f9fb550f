/** The first varint of every frame on the sync socket (SPEC S-WIRE-1). */
export const messageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;
export type MessageType = (typeof messageType)[keyof typeof messageType];
