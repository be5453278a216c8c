import { Armchair, Shuffle } from 'lucide-react';
import { MAX_TABLES, type PersonView, type RoomView, type SiteLink } from '@gommette/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableBadge } from './TableBadge';
import { TableOptions } from './TableOptions';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import type { GommetteSocket } from '../socket/createSocket';
import { useCommand } from '../socket/command';

interface TablesPanelProps {
  socket: GommetteSocket | null;
  room: RoomView;
  people: ReadonlyArray<PersonView> | null;
  sites: ReadonlyArray<SiteLink>;
  onRoom: (room: RoomView) => void;
  readOnly: boolean;
}

/** Sous-groupes: how many tables, who sits where (picked on the phone, assigned, or mixed), what the projector shows. */
export function TablesPanel({ socket, room, people, sites, onRoom, readOnly }: TablesPanelProps) {
  const { t } = useTranslation();
  const command = useCommand(socket);
  // What is being typed, for the count it was typed over (another console's change wins).
  const [typed, setTyped] = useState<{ over: number; value: string } | null>(null);
  const count = typed && typed.over === room.tableCount ? typed.value : String(room.tableCount);
  const setCount = (value: string) => setTyped({ over: room.tableCount, value });
  const [mixed, setMixed] = useState<number | null>(null);

  const siteNames = new Map(sites.map((site) => [site.id, site.name]));
  const applyCount = () => {
    const value = Number(count);
    if (Number.isInteger(value) && value >= 0 && value <= MAX_TABLES && value !== room.tableCount) command.send('room:update', { tableCount: value }, onRoom);
  };

  return (
    <section className="console-panel tables-panel" aria-labelledby="tables-heading" data-testid="tables-panel">
      <h2 id="tables-heading">
        <Armchair aria-hidden="true" className="icon" />
        {t('tables.heading')}
      </h2>
      {!readOnly && (
        <div className="tables-panel__row">
          <label className="field-label" htmlFor="table-count">
            {t('tables.count')}
          </label>
          <input
            id="table-count"
            className="input input--narrow"
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_TABLES}
            value={count}
            onChange={(event) => setCount(event.target.value)}
            onBlur={applyCount}
            onKeyDown={(event) => event.key === 'Enter' && applyCount()}
            data-testid="table-count"
          />
        </div>
      )}
      {room.tableCount > 0 && (
        <>
          {!readOnly && (
            <>
              <button
                type="button"
                className="button button--secondary"
                disabled={command.busy}
                onClick={() => command.send('tables:mix', {}, (result) => setMixed(result.seated))}
                title={t('tables.mixHint')}
                data-testid="mix-tables"
              >
                <Shuffle aria-hidden="true" className="icon" />
                {t('tables.mix')}
              </button>
              {mixed !== null && <p role="status">{t('tables.mixed', { count: mixed })}</p>}
              <div className="tables-panel__row">
                <label className="field-label" htmlFor="screen-table">
                  {t('tables.onScreen')}
                </label>
                <select
                  id="screen-table"
                  className="input"
                  value={room.screenTable ?? ''}
                  onChange={(event) => command.send('room:update', { screenTable: event.target.value === '' ? null : Number(event.target.value) }, onRoom)}
                  data-testid="screen-table"
                >
                  <TableOptions count={room.tableCount} emptyLabel={t('tables.screenAll')} />
                </select>
              </div>
            </>
          )}
          <h3>{t('tables.peopleHeading')}</h3>
          {people === null || people.length === 0 ? (
            <p className="hint">{t('tables.nobody')}</p>
          ) : (
            <ul className="people-list" data-testid="people-list">
              {people.map((person) => {
                const name = t('tables.person', { number: person.number });
                return (
                  <li key={person.seatId} className="people-list__item">
                    <span className="people-list__name">
                      {name}
                      {person.kind === 'assisted' && <span className="tag"> {t('tables.assisted')}</span>}
                      {!person.connected && <span className="tag tag--muted"> {t('tables.offline')}</span>}
                    </span>
                    {sites.length > 1 && <span className="people-list__site">{siteNames.get(person.siteId)}</span>}
                    {readOnly ? (
                      person.tableId !== null && <TableBadge table={person.tableId} />
                    ) : (
                      <select
                        className="input"
                        aria-label={t('tables.seatLabel', { name })}
                        value={person.tableId ?? ''}
                        onChange={(event) =>
                          command.send('tables:assign', {
                            seats: [{ seatId: person.seatId, tableId: event.target.value === '' ? null : Number(event.target.value) }],
                          })
                        }
                      >
                        <TableOptions count={room.tableCount} emptyLabel={t('tables.noTable')} />
                      </select>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
      {command.error && <AlertText>{errorMessage(t, command.error)}</AlertText>}
    </section>
  );
}
