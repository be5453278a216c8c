import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { CopyLinkButton } from './CopyLinkButton';

interface SecretLinkProps {
  icon: LucideIcon;
  heading: string;
  /** A hint or a warning under the heading. */
  note?: ReactNode;
  url: string;
  testId: string;
  newTab?: boolean;
  className?: string;
}

/** A link to hand over (console, projector, helpers…) with its copy button. */
export function SecretLink({ icon: Icon, heading, note, url, testId, newTab = true, className = 'created__block' }: SecretLinkProps) {
  return (
    <section className={className}>
      <h2>
        <Icon aria-hidden="true" className="icon" />
        {heading}
      </h2>
      {note}
      <a className="created__link" href={url} data-testid={testId} {...(newTab ? { target: '_blank', rel: 'noopener' } : {})}>
        {url}
      </a>
      <CopyLinkButton url={url} />
    </section>
  );
}
