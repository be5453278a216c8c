import { useCallback, useState } from 'react';

/**
 * Prints one sheet on A4: while `printing`, the caller renders the sheet into a portal
 * (`.print-sheet` at the end of <body>), and the print CSS hides everything else.
 */
export function usePrintSheet(): { printing: boolean; print: () => void } {
  const [printing, setPrinting] = useState(false);
  const print = useCallback(() => {
    setPrinting(true);
    document.body.classList.add('printing-brief');
    const done = () => {
      document.body.classList.remove('printing-brief');
      setPrinting(false);
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    // Let React draw the sheet first.
    setTimeout(() => window.print(), 50);
  }, []);
  return { printing, print };
}
