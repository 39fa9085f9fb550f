import { deadlineFrom } from './deadlines.ts';
import { workflowEventSchema, type WorkflowEvent } from './events.ts';

let seq = 0;

/** A checked event at minute `minute`, recorded by `by`: the data factory the workflow tests share, here and in web/. */
export function ev<K extends WorkflowEvent['kind']>(
  minute: number,
  kind: K,
  fields: Omit<Extract<WorkflowEvent, { kind: K }>, 'id' | 'at' | 'by' | 'kind'>,
  by = 'demo-centre1',
): WorkflowEvent {
  seq++;
  return workflowEventSchema.parse({
    id: `event-${String(seq).padStart(4, '0')}`,
    at: minute * 60_000,
    by,
    kind,
    ...fields,
  });
}

export const registered = (m: number) => ev(m, 'registered', { risk: 'medium' });
export const dispatched = (
  m: number,
  handler = 'demo-judicial1',
  extra: { leaders?: string[]; departments?: string[] } = {},
) =>
  ev(m, 'dispatched', {
    handler,
    departments: extra.departments ?? [],
    leaders: extra.leaders ?? [],
    deadline: deadlineFrom(m * 60_000),
  });
export const attempt = (m: number, level: 'village' | 'town' | 'county' = 'village') =>
  ev(m, 'attempt', { level, participants: [], result: 'failed', note: '' }, 'demo-judicial1');
export const closed = (m: number, verifier = 'demo-centre1', by = 'demo-centre1') =>
  ev(m, 'closed', { outcome: 'agreement', verifier }, by);
export const escalated = (m: number, from: 'village' | 'town' | 'county' = 'village', by = 'demo-cadre1') =>
  ev(m, 'escalated', { from, reason: '' }, by);
