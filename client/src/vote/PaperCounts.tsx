import { Check } from 'lucide-react';
import type { RoundView, SiteLink, VoteResults } from '@gommette/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface PaperCountsProps {
  round: RoundView;
  sites: ReadonlyArray<SiteLink>;
  results: VoteResults | null;
  busy: boolean;
  saved: boolean;
  onSave: (siteId: string, counts: Record<string, number>) => void;
}

/** For a site that voted on a paper panel: the facilitator types the gommettes per idea. */
export function PaperCounts({ round, sites, results, busy, saved, onSave }: PaperCountsProps) {
  const { t } = useTranslation();
  const [siteId, setSiteId] = useState(sites[0]?.id ?? '');
  const [counts, setCounts] = useState<Record<string, string>>({});

  const handleSiteChange = (next: string) => {
    setSiteId(next);
    const known = results?.sites.find((site) => site.siteId === next)?.paper ?? {};
    setCounts(Object.fromEntries(Object.entries(known).map(([ideaId, count]) => [ideaId, String(count)])));
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const numbers: Record<string, number> = {};
    for (const idea of round.ideas) {
      const value = Number.parseInt(counts[idea.id] ?? '', 10);
      if (Number.isInteger(value) && value > 0) numbers[idea.id] = value;
    }
    onSave(siteId, numbers);
  };

  return (
    <form className="paper-counts" onSubmit={handleSubmit} data-testid="paper-counts">
      <h3>{t('vote.paperHeading')}</h3>
      <label className="round-form__field">
        {t('vote.paperSite')}
        <select value={siteId} onChange={(event) => handleSiteChange(event.target.value)} data-testid="paper-site">
          {sites.map((site) => (
            <option key={site.id} value={site.id}>
              {site.name}
            </option>
          ))}
        </select>
      </label>
      <ul className="paper-counts__ideas">
        {round.ideas.map((idea) => (
          <li key={idea.id}>
            <label>
              <input
                type="number"
                min={0}
                inputMode="numeric"
                value={counts[idea.id] ?? ''}
                onChange={(event) => setCounts((current) => ({ ...current, [idea.id]: event.target.value }))}
                data-testid="paper-count"
                data-idea={idea.text}
              />{' '}
              <bdi>{idea.text}</bdi>
            </label>
          </li>
        ))}
      </ul>
      <button type="submit" className="button button--secondary" disabled={busy} data-testid="paper-save">
        {t('vote.paperSave')}
      </button>
      {saved && (
        <p className="hint">
          <Check aria-hidden="true" className="icon" />
          {t('vote.paperSaved')}
        </p>
      )}
    </form>
  );
}
