/** GOV.UK pagination (govukPagination's parameters) for a numbered list of pages. */

export interface PaginationItem {
  number?: number;
  href?: string;
  current?: boolean;
  ellipsis?: boolean;
}

export interface Pagination {
  previous: { href: string } | undefined;
  next: { href: string } | undefined;
  items: PaginationItem[];
}

/** Page numbers: first, last, and the pages around the current one, with ellipses between; none for one page. */
export function paginationItems(
  current: number,
  pages: number,
  hrefFor: (page: number) => string,
): PaginationItem[] {
  const items: PaginationItem[] = [];
  for (let page = 1; page <= pages; page++) {
    if (page === 1 || page === pages || Math.abs(page - current) <= 1) {
      items.push({ number: page, href: hrefFor(page), current: page === current });
    } else if (items.length && !items[items.length - 1]!.ellipsis) {
      items.push({ ellipsis: true });
    }
  }
  return pages > 1 ? items : [];
}

/** The whole govukPagination parameter object: previous and next links (when there are such pages) and the items. */
export function govukPagination(page: number, pages: number, hrefFor: (page: number) => string): Pagination {
  return {
    previous: page > 1 ? { href: hrefFor(page - 1) } : undefined,
    next: page < pages ? { href: hrefFor(page + 1) } : undefined,
    items: paginationItems(page, pages, hrefFor),
  };
}
