import { Check } from 'lucide-react';
import { MOODS, normalizeText, type Mood } from '@gommette/shared';
import { nanoid } from 'nanoid';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PhaseBanner } from '../../run/PhaseBanner';
import { TableOptions } from '../../run/TableOptions';
import { Brand } from '../../components/Brand';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { AlertText } from '../../components/AlertText';
import { errorMessage } from '../../components/errorMessage';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { LoadingScreen } from '../../components/LoadingScreen';
import { MoodPicker } from '../../people/MoodPicker';
import { IdeaComposer } from '../../ideas/IdeaComposer';
import { useCommand } from '../../socket/command';
import { useConnectionStatus } from '../../socket/useConnectionStatus';
import { useWorkshopLive } from '../../socket/useWorkshopLive';
import { useWorkshopSocket } from '../../socket/useWorkshopSocket';
import { rememberStaffCredentials, type StaffCredentials } from '../../storage/staffCredentials';
import { StaffRefusal } from '../../components/StaffRefusal';
import { readJson, writeJson, isRecord } from '../../storage/storage';

/** A person helped at this table: a handle kept on the helper's device, never a name. */
interface HelpedPerson {
  personId: string;
  mood: Mood;
}

const peopleKey = (workshopId: string) => `gommette:helper:${workshopId}`;
const isPeople = (value: unknown): value is HelpedPerson[] =>
  Array.isArray(value) && value.every((item) => isRecord(item) && typeof item.personId === 'string' && MOODS.includes(item.mood as Mood));

/** The table helper's page: pick the person, their weather once, then type their ideas. */
export function HelperView({ credentials }: { credentials: StaffCredentials }) {
  const { t } = useTranslation();
  const socket = useWorkshopSocket(credentials);
  const connection = useConnectionStatus(socket);
  const live = useWorkshopLive(socket, 'helper');
  const command = useCommand(socket);
  const [people, setPeople] = useState<HelpedPerson[]>(() => readJson(peopleKey(credentials.workshopId), isPeople) ?? []);
  const [current, setCurrent] = useState<number>(0);
  const [newMood, setNewMood] = useState<Mood | null>(null);
  const [siteId, setSiteId] = useState<string>('');
  const [tableId, setTableId] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const [sent, setSent] = useState(false);

  useEffect(() => {
    if (live.snapshot) rememberStaffCredentials(credentials);
  }, [live.snapshot, credentials]);
  useEffect(() => writeJson(peopleKey(credentials.workshopId), people), [people, credentials.workshopId]);

  if (connection.refusal) return <StaffRefusal code={connection.refusal} />;
  const workshop = live.snapshot?.workshop;
  const room = live.room;
  if (!workshop || !room) return <LoadingScreen />;
  const site = siteId || workshop.sites[0]?.id || '';
  const person = people[current];

  const addPerson = (mood: Mood) => {
    setPeople((list) => [...list, { personId: nanoid(), mood }]);
    setCurrent(people.length);
    setNewMood(null);
  };

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    const text = normalizeText(draft, { multiline: true });
    if (!person || text.length === 0) return;
    setSent(false);
    command.send('idea:assist', { id: nanoid(), text, personId: person.personId, siteId: site, tableId, mood: person.mood }, () => {
      setDraft('');
      setSent(true);
    });
  };

  return (
    <main className="phone helper">
      <header className="phone__header">
        <Brand>{t('helper.heading')}</Brand>
        <ConnectionBadge state={connection.state} audience="staff" />
      </header>
      <p className="hint">{t('helper.intro')}</p>
      <PhaseBanner room={room} clockOffsetMs={live.clockOffsetMs} variant="phone" />
      {workshop.sites.length > 1 && (
        <label className="field-label">
          {t('helper.site')}
          <select className="input" value={site} onChange={(event) => setSiteId(event.target.value)} data-testid="helper-site">
            {workshop.sites.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {room.tableCount > 0 && (
        <label className="field-label">
          {t('helper.table')}
          <select
            className="input"
            value={tableId ?? ''}
            onChange={(event) => setTableId(event.target.value === '' ? null : Number(event.target.value))}
            data-testid="helper-table"
          >
            <TableOptions count={room.tableCount} emptyLabel={t('tables.noTable')} />
          </select>
        </label>
      )}
      <fieldset className="helper__people">
        <legend className="field-label">{t('helper.person')}</legend>
        <div className="helper__people-list">
          {people.map((item, index) => (
            <button
              key={item.personId}
              type="button"
              className="button button--secondary"
              aria-pressed={index === current}
              onClick={() => setCurrent(index)}
              data-testid="helper-person"
            >
              {t('helper.personLabel', { number: index + 1 })}
            </button>
          ))}
        </div>
        <p className="field-label">{people.length === 0 ? t('helper.mood') : t('helper.newPerson')}</p>
        <MoodPicker value={newMood} onChange={(mood) => addPerson(mood)} audience="helper" />
      </fieldset>
      {person && (
        <>
          <IdeaComposer value={draft} onChange={setDraft} onSend={() => send()} audience="helper" />
          {sent && (
            <p role="status" data-testid="helper-sent">
              <Check aria-hidden="true" className="icon" />
              {t('helper.sent')}
            </p>
          )}
        </>
      )}
      {command.error && <AlertText>{errorMessage(t, command.error)}</AlertText>}
      <footer className="phone__footer">
        <LanguageSwitcher />
      </footer>
    </main>
  );
}
