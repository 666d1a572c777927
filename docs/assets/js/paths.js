// @ts-check
// The site's root, computed once from this file's own address (<site>/assets/js/paths.js), so the
// guide works under any sub-path (e.g. /kommune/samskaping/) and from a copy on disk.

/** The site root, ending in "/". */
export const SITE_ROOT = new URL("../../", import.meta.url);
