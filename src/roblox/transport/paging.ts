/**
 * Both of Roblox's cursor styles, normalised to one Page shape, and async iterators over them.
 * camelCase: `data` / `nextPageCursor` / `previousPageCursor` (my/friends/requests).
 * PascalCase: `PageItems` / `NextCursor` / `PreviousCursor` / `HasMore` (friends/find, search);
 * `HasMore` may be null, in which case a non-empty NextCursor decides.
 */

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  previousCursor: string | null;
}

const cursorOf = (c: string | null | undefined): string | null =>
  typeof c === "string" && c !== "" ? c : null;

export function fromCamel<T>(p: {
  data: T[];
  nextPageCursor?: string | null | undefined;
  previousPageCursor?: string | null | undefined;
}): Page<T> {
  return {
    items: p.data,
    nextCursor: cursorOf(p.nextPageCursor),
    previousCursor: cursorOf(p.previousPageCursor),
  };
}

export function fromPascal<T>(p: {
  PageItems: T[];
  NextCursor?: string | null | undefined;
  PreviousCursor?: string | null | undefined;
  HasMore?: boolean | null | undefined;
}): Page<T> {
  const next = p.HasMore === false ? null : cursorOf(p.NextCursor);
  return { items: p.PageItems, nextCursor: next, previousCursor: cursorOf(p.PreviousCursor) };
}

/**
 * Every item of every page, fetching lazily. Stops on the last page, on a repeated cursor
 * (a server bug must not loop forever) and after `maxPages`.
 */
export async function* iteratePages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  maxPages = 1000,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let n = 0; n < maxPages; n++) {
    const page = await fetchPage(cursor);
    yield* page.items;
    if (page.nextCursor === null || seen.has(page.nextCursor)) return;
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}

/** Drains an async iterable into an array (for callers that want the whole list). */
export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
