import type { ParticipationFigures } from '@gommette/shared';
import type { TFunction } from 'i18next';

/** "12 personnes (dont 1 accompagnée), 1 idée, …": each count with its own plural form. */
export function figuresSummary(t: TFunction, figures: ParticipationFigures): string {
  return t('retour.figuresSummary', {
    people: t('retour.people', { count: figures.participants.total }),
    assisted: t('retour.assisted', { count: figures.participants.assisted }),
    ideas: t('retour.ideaCount', { count: figures.ideas.total }),
    gommettes: t('retour.gommettes', { count: figures.gommettes?.total ?? 0 }),
    responses: t('retour.responses', { count: figures.questionnaire.responses }),
  });
}
