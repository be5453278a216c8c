import type { ReactNode } from 'react';

interface BrandProps {
  children: ReactNode;
  className?: string;
}

/** The Gommette dot before a page's name: the same mark on every screen. */
export function Brand({ children, className = 'brand' }: BrandProps) {
  return (
    <p className={className}>
      <span className="brand__dot" aria-hidden="true" />
      {children}
    </p>
  );
}
