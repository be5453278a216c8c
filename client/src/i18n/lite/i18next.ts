/**
 * The phone page's i18next (vite.config.ts aliases `i18next` to this file in the phone build only):
 * the part of i18next's API that Gommette uses, in 1 KB instead of 14 KB gzipped. Same lookups as
 * i18next 26 with one namespace (`translation`), `.`-separated keys, `{{name}}` interpolation (no
 * escaping: React escapes; a value not given stays `{{name}}`), plurals by `Intl.PluralRules` with `_zero`/`_one`/`_two`/`_few`/`_many`/
 * `_other` suffixes (`_zero` also for a count of 0 in any language), `context`, and French as the
 * fallback. `lite.test.ts` checks every word of every part against the real i18next.
 */
type Tree = { [key: string]: string | Tree };
type Options = Record<string, unknown> & { count?: number; context?: string };
type Listener = (language: string) => void;

interface InitOptions {
  resources?: Record<string, Record<string, Tree>>;
  lng?: string;
  fallbackLng?: string;
}

const NAMESPACE = 'translation';
const pluralRules = new Map<string, Intl.PluralRules>();

function pluralSuffix(language: string, count: number): string {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return `_${rules.select(count)}`;
}

function merge(target: Tree, source: Tree, overwrite: boolean): void {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (typeof value === 'object' && value !== null) {
      merge(typeof current === 'object' ? current : (target[key] = {}), value, overwrite);
    } else if (overwrite || current === undefined) {
      target[key] = value;
    }
  }
}

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function readPath(options: Options, path: string): unknown {
  let value: unknown = options;
  for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

export class LiteI18n {
  language = '';
  resolvedLanguage = '';
  isInitialized = false;
  private fallback = 'fr';
  private store: Record<string, Tree> = {};
  private listeners = new Map<string, Set<Listener>>();
  private plugins: Array<{ init?: (instance: LiteI18n) => void }> = [];

  use(plugin: { init?: (instance: LiteI18n) => void }): this {
    this.plugins.push(plugin);
    return this;
  }

  init(options: InitOptions): Promise<LiteI18n['t']> {
    for (const [language, namespaces] of Object.entries(options.resources ?? {})) {
      const words = namespaces[NAMESPACE];
      if (words) this.addResourceBundle(language, NAMESPACE, words, true, true);
    }
    this.fallback = options.fallbackLng ?? this.fallback;
    this.language = this.resolvedLanguage = options.lng ?? this.fallback;
    this.isInitialized = true;
    for (const plugin of this.plugins) plugin.init?.(this);
    this.emit('initialized', this.language);
    return Promise.resolve(this.t);
  }

  on(event: string, listener: Listener): this {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  private emit(event: string, language: string): void {
    for (const listener of this.listeners.get(event) ?? []) listener(language);
  }

  addResourceBundle(language: string, _namespace: string, words: object, _deep = true, overwrite = false): this {
    merge((this.store[language] ??= {}), words as Tree, overwrite);
    return this;
  }

  hasResourceBundle(language: string): boolean {
    return language in this.store;
  }

  getResource(language: string, _namespace: string, key: string): string | undefined {
    return lookup(this.store[language], key);
  }

  exists(key: string, options: Options = {}): boolean {
    return this.find(key, options) !== undefined;
  }

  changeLanguage(language: string): Promise<LiteI18n['t']> {
    if (language !== this.language) {
      this.language = this.resolvedLanguage = language;
      this.emit('languageChanged', language);
    }
    return Promise.resolve(this.t);
  }

  private find(key: string, options: Options): string | undefined {
    const { count, context } = options;
    const plural = typeof count === 'number';
    const languages = this.language === this.fallback ? [this.language] : [this.language, this.fallback];
    for (const language of languages) {
      // As i18next: the most specific key first (context, then plural form, then the key alone).
      const candidates: string[] = [];
      const bases = context !== undefined && context !== '' ? [`${key}_${context}`, key] : [key];
      for (const base of bases) {
        if (plural && count === 0) candidates.push(`${base}_zero`);
        if (plural) candidates.push(`${base}${pluralSuffix(language, count)}`);
        candidates.push(base);
      }
      for (const candidate of candidates) {
        const found = lookup(this.store[language], candidate);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }

  t = (key: string | string[], options: Options = {}): string => {
    const keys = Array.isArray(key) ? key : [key];
    for (const each of keys) {
      const found = this.find(each, options);
      if (found !== undefined)
        return found.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (match, path: string) => {
          // A value not given leaves the placeholder as it is, as i18next does.
          const value = readPath(options, path);
          return value === undefined || value === null ? match : String(value);
        });
    }
    return keys.at(-1) ?? '';
  };
}

const i18next = new LiteI18n();
export default i18next;
export type TFunction = LiteI18n['t'];
