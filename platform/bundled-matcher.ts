/**
 * The matcher version meaning "no packs: use data/matcher.bin". In a module of its own, free of
 * extension APIs, because the library page's workers need it and have no `browser`: importing
 * matcher-transfer.ts there defined a wxt storage item at load, which threw "Cannot read
 * properties of undefined (reading 'runtime')" in both workers on every import.
 */
export const BUNDLED_MATCHER = 'bundled';
