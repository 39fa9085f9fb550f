import { t } from '../i18n/locale.svelte.ts';
import { accountMessageParams, accountProblemMessage, type AccountProblem } from './account-form.ts';

/** What an account form says of a refused field, in the reader's language; null when the field is fine. */
export function problemText(found: AccountProblem | undefined): string | null {
  return found ? t(accountProblemMessage(found), accountMessageParams) : null;
}
