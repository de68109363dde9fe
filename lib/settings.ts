/**
 * The settings model: one typed item per setting, each with a default, a schema and a version.
 * Only values the user changed are stored (see platform/settings.ts), so defaults can improve later.
 * A stored value that no longer validates (corrupted storage, a downgrade) reads as the default.
 */
import { bool, int, list, oneOf, record, strict, text, type Check, type Checked } from './checks';
import { KINDS, LANGS, type Kind } from './dataset/basics';
import { checkDismissal, MAX_DISMISSALS, type Dismissal } from './dismissals';

// Hand-made checks (lib/checks.ts), not zod: the content script reads its settings on every page.
const langChoice = oneOf(['auto', ...LANGS]);
export type LangChoice = Checked<typeof langChoice>;
/** The card language may also follow the page ("page"): its language when it is one of the six. */
const contentChoice = oneOf(['auto', 'page', ...LANGS]);
export type ContentLangChoice = Checked<typeof contentChoice>;

export const siteRule = strict({ enabled: bool });
export type SiteRule = Checked<typeof siteRule>;

interface SettingDefinition<T> {
  /** Storage key, without the area prefix. */
  key: string;
  /** The value when it is a valid one, undefined when not. */
  check: Check<T>;
  fallback: T;
  version: number;
  /** migrations[n] turns a version n-1 value into version n. */
  migrations: Record<number, (old: unknown) => unknown>;
}

function define<T>(def: SettingDefinition<T>): SettingDefinition<T> {
  return def;
}

export const SETTINGS = {
  uiLanguage: define<LangChoice>({
    key: 'settings.uiLanguage',
    check: langChoice,
    fallback: 'auto',
    version: 1,
    migrations: {},
  }),
  contentLanguage: define<ContentLangChoice>({
    key: 'settings.contentLanguage',
    check: contentChoice,
    fallback: 'page',
    version: 1,
    migrations: {},
  }),
  highlighting: define<boolean>({
    key: 'settings.highlighting',
    check: bool,
    fallback: true,
    version: 1,
    migrations: {},
  }),
  highlightStyle: define<'background' | 'underline'>({
    key: 'settings.highlightStyle',
    check: oneOf(['background', 'underline']),
    fallback: 'background',
    version: 1,
    migrations: {},
  }),
  /** Per-site rules keyed by hostname ("news.un.org"). Absent host: follow the global switch. */
  siteRules: define<Record<string, SiteRule>>({
    key: 'settings.siteRules',
    check: record(text({ max: 253 }), siteRule),
    fallback: {},
    version: 1,
    migrations: {},
  }),
  /**
   * Hosts where the reader's saved highlights and notes are not painted. Painted passages are in
   * the page's CSS highlight registry, which the page's own scripts can read (the passages, never
   * the notes): on a site the reader does not trust, they can keep even that from it.
   */
  notesHiddenOn: define<string[]>({
    key: 'settings.notesHiddenOn',
    check: list(text({ min: 1, max: 253 }), { max: 10_000 }),
    fallback: [],
    version: 1,
    migrations: {},
  }),
  /** Highlights the reader dismissed (lib/dismissals.ts): on a page, a site or everywhere. */
  dismissals: define<Dismissal[]>({
    key: 'settings.dismissals',
    check: list(checkDismissal, { max: MAX_DISMISSALS }),
    fallback: [],
    version: 1,
    migrations: {},
  }),
  kindsShown: define<Kind[]>({
    key: 'settings.kindsShown',
    check: list(oneOf(KINDS), { max: 100 }),
    fallback: [...KINDS],
    version: 1,
    migrations: {},
  }),
  hoverDelayMs: define<number>({
    key: 'settings.hoverDelayMs',
    check: int(0, 2000),
    fallback: 150,
    version: 1,
    migrations: {},
  }),
} as const;

export type SettingName = keyof typeof SETTINGS;
export type SettingValue<N extends SettingName> = (typeof SETTINGS)[N]['fallback'];

/** Reads a raw stored value: migrated from its stored version, validated, or the default. */
export function readSetting<N extends SettingName>(
  name: N,
  stored: unknown,
  storedVersion = SETTINGS[name].version,
): SettingValue<N> {
  const def = SETTINGS[name] as unknown as SettingDefinition<SettingValue<N>>;
  if (stored === undefined || stored === null) return def.fallback;
  let value: unknown = stored;
  for (let v = storedVersion + 1; v <= def.version; v++) {
    const migrate = def.migrations[v];
    if (migrate) value = migrate(value);
  }
  return def.check(value) ?? def.fallback;
}

/** Where settings are kept: the extension's storage (platform/settings.ts), or a test's map. UI
 * components receive one, so they never reach into the browser themselves. */
export interface SettingsStore {
  get<N extends SettingName>(name: N): Promise<SettingValue<N>>;
  set<N extends SettingName>(name: N, value: SettingValue<N>): Promise<void>;
  /** Back to the default: future default changes apply again. */
  reset(name: SettingName): Promise<void>;
  /** Calls back with each new value; returns the unwatch. */
  watch<N extends SettingName>(name: N, onChange: (value: SettingValue<N>) => void): () => void;
}

/** Whether highlighting runs on a host, given the global switch and the per-site rules. */
export function isEnabledOnHost(highlighting: boolean, rules: Record<string, SiteRule>, host: string): boolean {
  const rule = rules[host.toLowerCase()];
  if (rule) return rule.enabled;
  return highlighting;
}

/** Whether saved highlights and notes are painted on a host. */
export function notesPaintedOn(hiddenOn: readonly string[], host: string): boolean {
  return !hiddenOn.includes(host.toLowerCase());
}

/** Resolves the "auto" UI language from the browser's language tag. */
export function resolveUiLanguage(choice: LangChoice, browserLanguage: string): (typeof LANGS)[number] {
  if (choice !== 'auto') return choice;
  const base = browserLanguage.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return (LANGS as readonly string[]).includes(base) ? (base as (typeof LANGS)[number]) : 'en';
}

/**
 * The card language: the one the user picked; or the page's, when following the page and the
 * page is in one of the six (elsewhere, the popup and the library, there is no page); else the
 * UI language.
 */
export function resolveContentLanguage(
  choice: ContentLangChoice,
  uiLanguage: (typeof LANGS)[number],
  pageLanguage: string | null = null,
): (typeof LANGS)[number] {
  if (choice === 'page')
    return pageLanguage !== null && (LANGS as readonly string[]).includes(pageLanguage)
      ? (pageLanguage as (typeof LANGS)[number])
      : uiLanguage;
  return choice === 'auto' ? uiLanguage : choice;
}
