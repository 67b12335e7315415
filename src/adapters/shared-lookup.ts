/**
 * Remembers a value per key once it is loaded, and lets concurrent callers share one load in flight: the
 * DM channel of a member is opened once even when the reminder prepares it while another path sends.
 * A failed load is forgotten, so the next caller tries again.
 */
export class SharedLookup<V> {
  private readonly done = new Map<string, V>();
  private readonly loading = new Map<string, Promise<V>>();

  get(key: string, load: () => Promise<V>): Promise<V> {
    const known = this.done.get(key);
    if (known !== undefined) return Promise.resolve(known);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = load().then(
        (value) => {
          this.done.set(key, value);
          this.loading.delete(key);
          return value;
        },
        (err: unknown) => {
          this.loading.delete(key);
          throw err;
        },
      );
      this.loading.set(key, pending);
    }
    return pending;
  }
}
