import { useTranslation } from 'react-i18next';
import { EnterCodeForm } from '../people/EnterCodeForm';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main className="page page--narrow">
      <h1>{t('notFound.heading')}</h1>
      <p>{t('notFound.body')}</p>
      <EnterCodeForm />
      <p>
        <a href="/">{t('app.home')}</a>
      </p>
    </main>
  );
}
