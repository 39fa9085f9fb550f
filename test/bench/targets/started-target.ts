import type { Readiness } from '../protocol.ts';

/** A server under test, listening on 127.0.0.1 in this process. */
export interface StartedTarget {
  httpUrl: string;
  serverUrl: string;
  readiness: Readiness;
  notes: string[];
  close(): Promise<void>;
}
