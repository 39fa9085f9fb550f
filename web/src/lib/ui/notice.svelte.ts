import type { MessageKey } from '../i18n/translate.ts';

/** One message the app has for the person, shown on the case list until dismissed or the list is left. */
export class Notice {
  #current = $state<MessageKey | null>(null);

  get current(): MessageKey | null {
    return this.#current;
  }

  show(key: MessageKey): void {
    this.#current = key;
  }

  dismiss(): void {
    this.#current = null;
  }
}
