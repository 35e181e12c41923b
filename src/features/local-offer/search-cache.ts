/**
 * The public search's answers kept between directory edits (ADR 0069, issue 20 item 4). A search's answer (the ids
 * of a page of results, the count, the corrections) and the area filter's towns change only when the directory does;
 * families ask the same few searches ("autism", "support", a need and an age) many times a day. Each search reads
 * the authority's directory version (`directoryVersion`, a primary-key lookup; every write through the local-offer
 * service gives it a new one in the write's transaction) and asks this cache for the answer under that version, so an
 * edit is seen at once by every process, each holding its own cache. What the page shows of each service (its name,
 * last checked date, whether it is past review) is still read for every request (`loadServices`).
 *
 * Per process and bounded: at most `maxEntries` answers, the least recently used dropped first; an authority's old
 * answers are dropped as soon as a request sees its new version. Two requests for the same answer at once share
 * one query. A failed query is not kept.
 */
import type { Executor } from '../../platform/audit/audit.ts';
import type { SearchQuery } from './search-page.ts';
import { directoryVersion, searchServices, serviceAreas, type SearchResult } from './store.ts';

export class DirectoryCache {
  readonly #entries = new Map<string, Promise<unknown>>();
  readonly #versions = new Map<string, string>();
  hits = 0;
  misses = 0;

  readonly maxEntries: number;

  constructor(maxEntries = 1000) {
    this.maxEntries = maxEntries;
  }

  /** The answer for `key` in the authority's directory at `version`, computed once while the version holds. */
  async get<T>(laCode: string, version: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (this.#versions.get(laCode) !== version) {
      this.#drop(laCode);
      this.#versions.set(laCode, version);
    }
    const full = `${laCode}\u0000${version}\u0000${key}`;
    const kept = this.#entries.get(full) as Promise<T> | undefined;
    if (kept) {
      this.hits++;
      this.#entries.delete(full);
      this.#entries.set(full, kept);
      return kept;
    }
    this.misses++;
    const made = compute();
    this.#entries.set(full, made);
    made.catch(() => {
      if (this.#entries.get(full) === made) this.#entries.delete(full);
    });
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    return made;
  }

  get size(): number {
    return this.#entries.size;
  }

  #drop(laCode: string): void {
    const prefix = `${laCode}\u0000`;
    for (const k of [...this.#entries.keys()]) if (k.startsWith(prefix)) this.#entries.delete(k);
  }
}

/** The search page's answer: a page of results and the area filter's towns, from the cache when the directory has not changed. */
export async function cachedSearch(
  db: Executor,
  cache: DirectoryCache,
  laCode: string,
  { filters, page }: Pick<SearchQuery, 'filters' | 'page'>,
  perPage: number,
): Promise<{ result: SearchResult; areas: string[] }> {
  const version = await directoryVersion(db, laCode);
  const [result, areas] = [
    await cache.get(laCode, version, JSON.stringify(['search', filters, page, perPage]), () =>
      searchServices(db, laCode, filters, { page, perPage }),
    ),
    await cache.get(laCode, version, 'areas', () => serviceAreas(db, laCode)),
  ];
  return { result, areas };
}
