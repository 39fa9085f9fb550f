import type { TargetName } from '../protocol.ts';
import { startOurs } from './ours.ts';
import { startReference } from './reference.ts';
import { startRelay } from './relay.ts';
import type { StartedTarget } from './started-target.ts';

export type { StartedTarget } from './started-target.ts';

export function startTarget(name: TargetName): Promise<StartedTarget> {
  switch (name) {
    case 'ours':
      return startOurs();
    case 'reference':
      return startReference();
    case 'relay':
      return startRelay();
  }
}
