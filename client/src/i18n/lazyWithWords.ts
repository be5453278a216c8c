import { lazy, type ComponentType } from 'react';
import { loadWords } from './index';
import type { WordsPart } from './types';

/**
 * A lazily loaded screen together with the parts of words it needs: both download in parallel,
 * and the words are added before the screen first renders.
 */
export function lazyWithWords<P extends object>(parts: ReadonlyArray<WordsPart>, load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    const [, component] = await Promise.all([loadWords(...parts), load()]);
    return { default: component };
  });
}
