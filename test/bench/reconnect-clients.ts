import type { Socket } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { coveredBy, extensionType, readSavedAck } from '../../shared/src/sync/extensions.ts';
import { messageType } from '../../shared/src/sync/message-types.ts';
import {
  encodeChannelMessage,
  encodeOpen,
  muxOpenFlag,
  packFrames,
  readFrames,
} from '../../shared/src/sync/mux-frames.ts';
import type { DeviceCopy, Scenario } from './reconnect-scenario.ts';

/** What one way of reconnecting cost, measured at the moment every document was up to date both ways. */
export interface Reconnected {
  ms: number;
  /** CPU time of this process (server and device both) meanwhile: steadier than wall time on a shared machine. */
  cpuMs: number;
  /** Bytes on the TCP connections, upgrade requests and WebSocket framing included. */
  sent: number;
  received: number;
  messagesOut: number;
  messagesIn: number;
}

const syncStep2 = 1;
const syncUpdate = 2;

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.sync);
  encoding.writeVarUint(encoder, syncUpdate);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A channel as the bench's device tracks it: up to date once it has the step 2 and, if it edited, the ack. */
interface Tracked {
  copy: DeviceCopy;
  answered: boolean;
  /** The device's own state when it came back, while the server has not yet said it is saved. */
  unacked: Map<number, number> | null;
}

/**
 * A minimal Node client of `/sync`: opens every document in one message with its state vector, sends the updates
 * it made offline right behind (it knows the server lacks them, so it asks for no server step 1), and asks for
 * acknowledgements only where it has something to be acknowledged.
 */
export function muxReconnect(scenario: Scenario): Promise<Reconnected> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const ws = new WebSocket(`${scenario.syncUrl}?token=${scenario.token}`);
  let tcp: Socket | null = null;
  ws.on('upgrade', (response) => {
    tcp = response.socket;
  });
  const channels = new Map<number, Tracked>();
  let waiting = scenario.device.length;
  let messagesIn = 0;
  return new Promise((resolve, reject) => {
    const settle = (tracked: Tracked) => {
      if (!tracked.answered || tracked.unacked !== null) return;
      if (--waiting > 0) return;
      const socket = tcp;
      resolve({
        ms: performance.now() - started,
        cpuMs: cpuMsSince(cpu),
        sent: socket?.bytesWritten ?? Number.NaN,
        received: socket?.bytesRead ?? Number.NaN,
        messagesOut: 1,
        messagesIn,
      });
      ws.close();
    };
    ws.on('open', () => {
      const frames: Uint8Array[] = [];
      scenario.device.forEach((copy, i) => {
        const channel = i + 1;
        const edited = copy.unsent.length > 0;
        channels.set(channel, {
          copy,
          answered: false,
          unacked: edited ? Y.decodeStateVector(Y.encodeStateVector(copy.doc)) : null,
        });
        const flags = edited ? muxOpenFlag.extensions : 0;
        frames.push(encodeOpen(channel, copy.name, flags, Y.encodeStateVector(copy.doc)));
        for (const update of copy.unsent) frames.push(encodeChannelMessage(channel, updateMessage(update)));
      });
      ws.send(packFrames(frames));
    });
    ws.on('message', (data: Buffer) => {
      messagesIn++;
      const read = readFrames(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (!read.ok) {
        reject(new Error(`unreadable message: ${read.reason}`));
        return;
      }
      for (const frame of read.frames) {
        if (frame.type === 'closed') {
          reject(new Error(`channel closed: ${frame.code} ${frame.reason}`));
          return;
        }
        if (frame.type !== 'message') continue;
        const tracked = channels.get(frame.channel);
        if (!tracked) continue;
        const decoder = decoding.createDecoder(frame.message);
        const type = decoding.readVarUint(decoder);
        if (type === messageType.sync) {
          const step = decoding.readVarUint(decoder);
          Y.applyUpdate(tracked.copy.doc, decoding.readVarUint8Array(decoder), 'server');
          if (step === syncStep2) tracked.answered = true;
        } else if (type === extensionType.saved && tracked.unacked) {
          if (coveredBy(tracked.unacked, readSavedAck(decoder))) tracked.unacked = null;
        }
        settle(tracked);
      }
    });
    ws.on('error', reject);
  });
}

interface Tally {
  sockets: Socket[];
  messagesIn: number;
  messagesOut: number;
}

/** A `ws` socket that counts its messages and remembers its TCP connection, to count its bytes. */
function countingSocket(tally: Tally) {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      this.on('upgrade', (response) => tally.sockets.push(response.socket));
      this.on('message', () => tally.messagesIn++);
    }

    override send(data: Parameters<WebSocket['send']>[0]): void {
      tally.messagesOut++;
      super.send(data);
    }
  };
}

/**
 * The stock y-websocket provider, one socket per document on `/sync/<name>` with `acks=1`, at most `concurrency`
 * documents at a time: each is let go once up to date, and the next one opens.
 */
export async function perDocReconnect(scenario: Scenario, concurrency: number): Promise<Reconnected> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const tally: Tally = { sockets: [], messagesIn: 0, messagesOut: 0 };
  const polyfill = countingSocket(tally);
  const queue = [...scenario.device];
  const one = (copy: DeviceCopy) =>
    new Promise<void>((resolve) => {
      const provider = new WebsocketProvider(scenario.syncUrl, copy.name, copy.doc, {
        WebSocketPolyfill: polyfill as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: { token: scenario.token, acks: '1' },
      });
      let unacked = copy.unsent.length > 0 ? Y.decodeStateVector(Y.encodeStateVector(copy.doc)) : null;
      const done = () => {
        if (!provider.synced || unacked !== null) return;
        provider.destroy();
        resolve();
      };
      provider.messageHandlers[extensionType.saved] = (_encoder, decoder) => {
        if (unacked && coveredBy(unacked, readSavedAck(decoder))) unacked = null;
        done();
      };
      provider.messageHandlers[extensionType.access] = () => undefined;
      provider.messageHandlers[extensionType.refused] = () => undefined;
      provider.messageHandlers[extensionType.beat] = () => undefined;
      provider.on('sync', () => done());
    });
  const worker = async () => {
    for (let copy = queue.shift(); copy; copy = queue.shift()) await one(copy);
  };
  const workers = Math.min(concurrency, scenario.device.length);
  // on Node each provider listens for the process's exit until destroyed: a thousand of them are expected here
  const listeners = process.getMaxListeners();
  process.setMaxListeners(listeners + workers);
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    process.setMaxListeners(listeners);
  }
  const ms = performance.now() - started;
  return {
    ms,
    cpuMs: cpuMsSince(cpu),
    sent: tally.sockets.reduce((sum, s) => sum + s.bytesWritten, 0),
    received: tally.sockets.reduce((sum, s) => sum + s.bytesRead, 0),
    messagesOut: tally.messagesOut,
    messagesIn: tally.messagesIn,
  };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
