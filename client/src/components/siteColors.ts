/** Each site gets its own post-it colour on the wall (classes `site-color-0`…`site-color-5`). */
const SITE_COLOR_COUNT = 6;

export function siteColorClass(siteIds: ReadonlyArray<string>, siteId: string): string {
  const index = siteIds.indexOf(siteId);
  return `site-color-${(index < 0 ? 0 : index) % SITE_COLOR_COUNT}`;
}
