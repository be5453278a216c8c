import { useTranslation } from 'react-i18next';

/** Table numbers 1…count, for the selects that seat people or filter ideas. */
export function tableNumbers(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index + 1);
}

/** `<option>`s for a table select: the "none/all" choice first, then each table. */
export function TableOptions({ count, emptyLabel }: { count: number; emptyLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{emptyLabel}</option>
      {tableNumbers(count).map((number) => (
        <option key={number} value={number}>
          {t('tables.table', { number })}
        </option>
      ))}
    </>
  );
}
