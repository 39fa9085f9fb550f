/**
 * The page's addresses of attachments by SHA-256 (`blob:` URLs), made once each: a list that redraws does not
 * read the device or the server again. Plain, not reactive: a component awaits the address it asks for.
 */
export class BlobUrls {
  readonly #urls = new Map<string, Promise<string | null>>();

  /** The address of `sha256`, loaded once; a load that found nothing (offline) is tried again next time. */
  get(sha256: string, load: () => Promise<string | null>): Promise<string | null> {
    let url = this.#urls.get(sha256);
    if (!url) {
      url = load();
      this.#urls.set(sha256, url);
      void url.then((found) => {
        if (found === null) this.#urls.delete(sha256);
      });
    }
    return url;
  }

  set(sha256: string, blob: Blob): void {
    this.#urls.set(sha256, Promise.resolve(URL.createObjectURL(blob)));
  }

  /** Lets every address go (at sign-out). */
  clear(): void {
    for (const url of this.#urls.values()) {
      void url.then((found) => {
        if (found) URL.revokeObjectURL(found);
      });
    }
    this.#urls.clear();
  }
}
