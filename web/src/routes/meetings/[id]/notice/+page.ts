import { error } from '@sveltejs/kit';
import { parseDocName } from '@concord/shared/sync/doc-name.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
  const parsed = parseDocName(`meeting:${params.id}`);
  if (!parsed.ok) error(404, 'not a meeting');
  return { name: parsed.name, id: parsed.id };
};
