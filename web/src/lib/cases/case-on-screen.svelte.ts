import type { DocName } from '@concord/shared/sync/doc-name.ts';
import type { AppServices } from '../app-services.ts';
import { CasePeople } from '../workflow/people-context.svelte.ts';
import { CaseSession } from './case-session.svelte.ts';

/**
 * The case a page shows, and the people it names: one session per case id (navigating to another case makes a
 * new one and closes the old), for the case page and the agreement page alike. Call during component setup.
 */
export function caseOnScreen(name: () => DocName, services: AppServices) {
  const session = $derived(new CaseSession(name(), services.pool, services.directory));
  $effect(() => {
    const current = session;
    return () => current.destroy();
  });
  const people = $derived(
    new CasePeople(session, {
      self: () => services.auth.user,
      staff: () => services.people.people,
      fetch: window.fetch.bind(window),
      token: () => services.auth.token,
    }),
  );
  return {
    get session(): CaseSession {
      return session;
    },
    get people(): CasePeople {
      return people;
    },
  };
}
