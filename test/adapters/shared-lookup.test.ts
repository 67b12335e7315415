import { describe, expect, it } from 'vitest';
import { SharedLookup } from '../../src/adapters/shared-lookup.js';

describe('SharedLookup', () => {
  it('loads a key once for concurrent callers and remembers it', async () => {
    const lookup = new SharedLookup<string>();
    let loads = 0;
    const load = async (): Promise<string> => {
      loads += 1;
      await new Promise((r) => setTimeout(r, 5));
      return 'D1';
    };
    expect(await Promise.all([lookup.get('U1', load), lookup.get('U1', load)])).toEqual(['D1', 'D1']);
    expect(await lookup.get('U1', load)).toBe('D1');
    expect(loads).toBe(1);
  });

  it('forgets a failed load, so the next caller tries again', async () => {
    const lookup = new SharedLookup<string>();
    await expect(lookup.get('U1', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await lookup.get('U1', async () => 'D1')).toBe('D1');
  });
});
