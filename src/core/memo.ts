/**
 * Memoises a function of one string. Units repeat across a file and across keystrokes, and
 * UCUM look-ups are slow; the cache is emptied when it grows past `max`, so it stays bounded.
 */
export function memoize<T>(f: (key: string) => T, max = 5000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = f(key);
    if (cache.size >= max) cache.clear();
    cache.set(key, value);
    return value;
  };
}
