import { Check, ClipboardCopy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const COPIED_FEEDBACK_MS = 3_000;

interface CopyLinkButtonProps {
  url: string;
}

export function CopyLinkButton({ url }: CopyLinkButtonProps) {
  const { t } = useTranslation();
  const [result, setResult] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (result !== 'copied') return undefined;
    const timer = setTimeout(() => setResult('idle'), COPIED_FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [result]);

  const handleCopy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };

  return (
    <div className="copy-link">
      <button type="button" className="button button--secondary" onClick={handleCopy}>
        {result === 'copied' ? <Check aria-hidden="true" className="icon" /> : <ClipboardCopy aria-hidden="true" className="icon" />}
        {result === 'copied' ? t('created.copied') : t('created.copy')}
      </button>
      <span className="copy-link__status" role="status" aria-live="polite">
        {result === 'failed' ? t('created.copyFailed') : ''}
      </span>
    </div>
  );
}
