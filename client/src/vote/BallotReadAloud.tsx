import type { RoundView } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { writtenSegment } from '../people/writtenText';
import { ReadAloudButton } from '../run/ReadAloudButton';

/** "Écouter" beside the ballot's heading: what to do, then each idea in its own language. */
export function BallotReadAloud({ round }: { round: RoundView }) {
  const { t, i18n } = useTranslation();
  return (
    <ReadAloudButton
      compact
      segments={[{ text: `${t('vote.phoneHeading')}. ${t('vote.phoneHint')}`, lang: i18n.language }, ...round.ideas.map((idea) => writtenSegment(idea.text))]}
    />
  );
}
