/**
 * WebSocket close codes the sync server sends, by name (SPEC S-WIRE-2). 1xxx are the standard ones;
 * 4xxx are ours: 440x for the request, 441x for what a frame carried.
 */
export const closeCode = {
  normal: 1000,
  goingAway: 1001,
  protocolError: 1002,
  unsupportedData: 1003,
  messageTooBig: 1009,
  internalError: 1011,
  serviceRestart: 1012,
  /** The server has too many documents loaded and let this one go: come back after a while. */
  tryAgainLater: 1013,
  /** The token is missing, forged, expired or revoked (stock clients do not retry a 44xx close). */
  unauthorized: 4401,
  /** The person may not open this document (or no longer may); says nothing of whether it exists. */
  forbidden: 4403,
  badDocName: 4400,
  /** The update writes under a Yjs client id bound to another account (SPEC A-BIND-1); nothing of it applied. */
  clientIdTaken: 4409,
  malformedMessage: 4410,
  unknownMessageType: 4411,
  invalidUpdate: 4412,
  /** The client sent more than allowed before the document was ready for it. */
  tooMuchEarly: 4413,
  /** A multiplexed socket opened more channels at once than allowed (SPEC S-MUX-5). */
  tooManyChannels: 4414,
  /** The client sent more messages per second than any person types. */
  rateLimited: 4429,
} as const;
export type CloseCode = (typeof closeCode)[keyof typeof closeCode];
