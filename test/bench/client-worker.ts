import { emitToParent, serveParent } from './ipc.ts';
import type { IdleOpened, WindowEvent, WorkerRequest } from './protocol.ts';
import { openClients, type BenchClient } from './provider.ts';
import { runLoad } from './workload.ts';

/** A child process holding the stock clients, so that their CPU does not share the server's event loop. */

// every provider adds a process 'exit' listener
process.setMaxListeners(0);

let idle: BenchClient[] = [];

serveParent(async (body) => {
  const request = body as WorkerRequest;
  switch (request.kind) {
    case 'load':
      return runLoad(request.spec, (edge) => {
        emitToParent({ kind: 'window', edge } satisfies WindowEvent);
      });
    case 'open-idle': {
      const started = performance.now();
      const opened = await openClients(request.endpoint, request.docNames);
      idle.push(...opened);
      return { opened: opened.length, ms: performance.now() - started } satisfies IdleOpened;
    }
    case 'close-all':
      for (const client of idle) client.destroy();
      idle = [];
      return {};
  }
});
