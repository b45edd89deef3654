/**
 * `load`, called once per key and page: the same promise answers every later call, except that a
 * failed load is forgotten, so the next call tries again.
 * @internal
 */
export function retryCache<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const pending = new Map<K, Promise<V>>();
  return (key) => {
    let p = pending.get(key);
    if (!p) {
      pending.set(key, (p = load(key)));
      p.catch(() => pending.delete(key));
    }
    return p;
  };
}
