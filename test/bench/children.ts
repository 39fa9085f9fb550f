import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChildProcessChannel } from './ipc.ts';
import type {
  Endpoint,
  HostReady,
  IdleOpened,
  LoadResult,
  LoadSpec,
  MemorySample,
  TargetName,
  UsageMark,
  WindowEvent,
  WorkerRequest,
} from './protocol.ts';

const here = dirname(fileURLToPath(import.meta.url));

function isHostReady(body: unknown): body is HostReady {
  return typeof body === 'object' && body !== null && 'kind' in body && body.kind === 'ready';
}

function isWindowEvent(body: unknown): body is WindowEvent {
  return typeof body === 'object' && body !== null && 'kind' in body && body.kind === 'window';
}

/** The child process that runs one server under test. */
export class ServerHost {
  readonly target: TargetName;
  readonly ready: HostReady;
  readonly #channel: ChildProcessChannel;

  private constructor(target: TargetName, channel: ChildProcessChannel, ready: HostReady) {
    this.target = target;
    this.#channel = channel;
    this.ready = ready;
  }

  static async start(target: TargetName): Promise<ServerHost> {
    const channel = new ChildProcessChannel(
      `${target} server`,
      join(here, 'server-host.ts'),
      [target],
      ['--expose-gc'],
    );
    const ready = await channel.nextEvent(isHostReady);
    return new ServerHost(target, channel, ready);
  }

  async mark(): Promise<UsageMark> {
    return (await this.#channel.call({ kind: 'mark' })) as UsageMark;
  }

  async memory(): Promise<MemorySample> {
    return (await this.#channel.call({ kind: 'memory' })) as MemorySample;
  }

  async stop(): Promise<void> {
    await this.#channel.call({ kind: 'stop' });
    await this.#channel.close();
  }
}

/** The child process that runs the stock clients. */
export class ClientWorker {
  readonly #channel = new ChildProcessChannel('client worker', join(here, 'client-worker.ts'), []);

  async load(spec: LoadSpec, onWindow: (edge: WindowEvent['edge']) => void): Promise<LoadResult> {
    const off = this.#channel.onEvent((body) => {
      if (isWindowEvent(body)) onWindow(body.edge);
    });
    try {
      return (await this.#channel.call({ kind: 'load', spec } satisfies WorkerRequest)) as LoadResult;
    } finally {
      off();
    }
  }

  async openIdle(endpoint: Endpoint, docNames: string[]): Promise<IdleOpened> {
    return (await this.#channel.call({
      kind: 'open-idle',
      endpoint,
      docNames,
    } satisfies WorkerRequest)) as IdleOpened;
  }

  async closeAll(): Promise<void> {
    await this.#channel.call({ kind: 'close-all' } satisfies WorkerRequest);
  }

  close(): Promise<void> {
    return this.#channel.close().then(() => undefined);
  }
}
