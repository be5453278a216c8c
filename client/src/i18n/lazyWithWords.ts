import { lazy, type ComponentType } from 'react';

/**
 * A lazily loaded screen together with the words it needs: both download in parallel, and the
 * words are added before the screen first renders.
 */
export function lazyWithWords<P extends object>(words: () => Promise<() => void>, load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    const [ensureWords, component] = await Promise.all([words(), load()]);
    ensureWords();
    return { default: component };
  });
}
