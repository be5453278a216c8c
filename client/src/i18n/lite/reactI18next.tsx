/**
 * The phone page's react-i18next (aliased in the phone build only, with `./i18next.ts`): the one
 * instance, `useTranslation()` re-rendering on a language change, and `<Translation>`.
 */
import { useSyncExternalStore, type ReactNode } from 'react';
import i18next, { type TFunction } from './i18next';

let version = 0;
const subscribers = new Set<() => void>();
i18next.on('languageChanged', () => {
  version += 1;
  for (const notify of subscribers) notify();
});
const subscribe = (onChange: () => void) => {
  subscribers.add(onChange);
  return () => {
    subscribers.delete(onChange);
  };
};
const getVersion = () => version;

/** A new `t` after each language change, so memoised views that depend on it follow. */
const bound = new Map<number, TFunction>();
function currentT(): TFunction {
  let t = bound.get(version);
  if (!t) {
    bound.clear();
    t = (key, options) => i18next.t(key, options);
    bound.set(version, t);
  }
  return t;
}

export function useTranslation() {
  useSyncExternalStore(subscribe, getVersion, getVersion);
  return { t: currentT(), i18n: i18next, ready: true };
}

export function Translation({ children }: { children: (t: TFunction) => ReactNode }) {
  const { t } = useTranslation();
  return <>{children(t)}</>;
}

export const initReactI18next = { type: '3rdParty' as const, init: () => undefined };
