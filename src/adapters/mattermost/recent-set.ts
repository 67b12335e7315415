/** A bounded set that forgets its oldest entries: remembers which events were already handed to the core. */
export class RecentSet {
  private readonly items = new Set<string>();

  constructor(private readonly capacity = 5000) {}

  has(key: string): boolean {
    return this.items.has(key);
  }

  add(key: string): void {
    this.items.delete(key);
    this.items.add(key);
    if (this.items.size > this.capacity) {
      const oldest = this.items.values().next().value;
      if (oldest !== undefined) this.items.delete(oldest);
    }
  }
}
