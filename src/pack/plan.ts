/**
 * Where everything goes in a briefing pack, by page number. Page 1 is the cover (a right-hand
 * page); the contents start on its back, page 2, so the contents face the first brief. Each
 * brief starts on a right-hand (odd) page: when the part before it ends on one, a blank left-hand
 * page comes between. The printed numbers are the PDF's page numbers, cover included.
 */
export interface PackPlan {
  /** First page of the contents (always 2). */
  contents: number;
  /** Blank pages after the contents (0 or 1). */
  blanksAfterContents: number;
  /** Page each brief starts on, in pack order. */
  starts: number[];
  /** Blank pages after each brief (0 or 1; never after the last). */
  blanksAfter: number[];
  total: number;
}

export function planPack(contentsPages: number, briefPages: readonly number[]): PackPlan {
  const contents = 2;
  let next = contents + contentsPages;
  const blanksAfterContents = next % 2 === 0 ? 1 : 0;
  next += blanksAfterContents;
  const starts: number[] = [];
  const blanksAfter: number[] = [];
  briefPages.forEach((pages, index) => {
    starts.push(next);
    next += pages;
    const blank = index < briefPages.length - 1 && next % 2 === 0 ? 1 : 0;
    blanksAfter.push(blank);
    next += blank;
  });
  return { contents, blanksAfterContents, starts, blanksAfter, total: next - 1 };
}
