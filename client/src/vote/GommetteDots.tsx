interface GommetteDotsProps {
  total: number;
  used: number;
}

/** The voter's hand: one dot per gommette, filled while still to stick. */
export function GommetteDots({ total, used }: GommetteDotsProps) {
  return (
    <span className="gommette-dots" aria-hidden="true">
      {Array.from({ length: total }, (_, index) => (
        <span key={index} className={index < total - used ? 'gommette' : 'gommette gommette--used'} />
      ))}
    </span>
  );
}
