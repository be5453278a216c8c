import type { Feeling } from '@gommette/shared/board';
import { useTranslation } from 'react-i18next';
import { FEELING_LOOK } from './feelings';

/** A note's feeling on the phone: its icon, and its name for screen readers. */
export function FeelingMark({ feeling }: { feeling: Feeling }) {
  const { t } = useTranslation();
  const { name, Icon } = FEELING_LOOK[feeling];
  const label = t(`board.feelings.${name}`);
  return (
    <span className="phone-journey__feeling" role="img" aria-label={label} title={label} data-feeling={name}>
      <Icon aria-hidden="true" />
    </span>
  );
}

/** One of the faces a resident taps to post a feeling: the icon, named in words. */
export function FeelingButton({ feeling, onClick }: { feeling: Feeling; onClick: () => void }) {
  const { t } = useTranslation();
  const { name, Icon } = FEELING_LOOK[feeling];
  const label = t(`board.feelings.${name}`);
  return (
    <button type="button" className="phone-journey__feeling-button" onClick={onClick} aria-label={label} title={label} data-feeling={name}>
      <Icon aria-hidden="true" />
    </button>
  );
}
