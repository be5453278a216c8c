import { NotebookPen } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { MyIdea } from './myIdeas';
import { MyIdeaItem } from './MyIdeaItem';

interface MyIdeasListProps {
  ideas: ReadonlyArray<MyIdea>;
  onRetake: (id: string) => void;
}

/** The list's heading: focus goes there after an idea is sent. */
export const MY_IDEAS_HEADING_ID = 'my-ideas-heading';

export function MyIdeasList({ ideas, onRetake }: MyIdeasListProps) {
  const { t } = useTranslation();
  return (
    <section className="my-ideas" aria-labelledby={MY_IDEAS_HEADING_ID}>
      <h2 id={MY_IDEAS_HEADING_ID} tabIndex={-1}>
        <NotebookPen aria-hidden="true" className="icon" />
        {t('phone.myIdeas')}
      </h2>
      {ideas.length === 0 ? (
        <p className="hint">{t('phone.noIdeas')}</p>
      ) : (
        <ul className="my-ideas__list">
          {ideas.map((idea) => (
            <MyIdeaItem key={idea.id} idea={idea} onRetake={onRetake} />
          ))}
        </ul>
      )}
    </section>
  );
}
