import { tableColour } from '@gommette/shared';
import { useTranslation } from 'react-i18next';

/** A table's number with its colour named in words (never colour alone). */
export function TableBadge({ table, className = '' }: { table: number; className?: string }) {
  const { t } = useTranslation();
  const colour = tableColour(table);
  return (
    <span className={`table-badge table-badge--${colour} ${className}`} data-testid="table-badge">
      <span className="table-badge__dot" aria-hidden="true" />
      {t('tables.tableWithColour', { number: table, colour: t(`tables.colours.${colour}`) })}
    </span>
  );
}
