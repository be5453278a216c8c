import i18next from 'i18next';

/**
 * A function that adds French words kept out of the phone's first bundle, once (other languages
 * load whole when chosen). Deep merge: blocks shared with the first bundle keep both halves.
 */
export function frenchWordsAdder(words: object): () => void {
  let added = false;
  return () => {
    if (added) return;
    added = true;
    i18next.addResourceBundle('fr', 'translation', words, true, false);
  };
}
