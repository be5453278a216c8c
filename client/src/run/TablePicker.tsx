import { Armchair } from 'lucide-react';
import type { ParticipantSelf } from '@gommette/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableBadge } from './TableBadge';
import { tableNumbers } from './TableOptions';
import { errorMessage } from '../components/errorMessage';
import { useCommand } from '../socket/command';
import type { GommetteSocket } from '../socket/createSocket';

interface TablePickerProps {
  socket: GommetteSocket | null;
  tableCount: number;
  me: ParticipantSelf | null;
  onPicked: (me: ParticipantSelf) => void;
}

/** "Ta table": big numbered buttons with their colour in words; the facilitator may also seat you. */
export function TablePicker({ socket, tableCount, me, onPicked }: TablePickerProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { error, send } = useCommand(socket);
  const current = me?.tableId ?? null;
  if (tableCount < 1) return null;

  const pick = (tableId: number) =>
    send('tables:pick', { tableId }, (picked) => {
      onPicked(picked);
      setOpen(false);
    });

  if (current !== null && !open) {
    return (
      <div className="table-picker table-picker--chosen">
        <span className="table-picker__label">{t('tables.yourTable')}</span>
        <TableBadge table={current} />
        <button type="button" className="button button--link" onClick={() => setOpen(true)} data-testid="change-table">
          {t('tables.change')}
        </button>
      </div>
    );
  }
  return (
    <fieldset className="table-picker" data-testid="table-picker">
      <legend className="field-label">
        <Armchair aria-hidden="true" className="icon" />
        {t('tables.pick')}
      </legend>
      <p className="hint">{t('tables.pickHint')}</p>
      <div className="table-picker__grid">
        {tableNumbers(tableCount).map((table) => (
          <button
            key={table}
            type="button"
            className="table-picker__choice"
            aria-pressed={current === table}
            onClick={() => pick(table)}
            data-testid={`pick-table-${table}`}
          >
            <TableBadge table={table} />
          </button>
        ))}
      </div>
      {error && (
        <p className="error-text" role="alert">
          {errorMessage(t, error)}
        </p>
      )}
    </fieldset>
  );
}
