import { Download } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, type ClientErrorCode } from '../api/errors';
import { AlertText } from '../components/AlertText';
import { errorMessage } from '../components/errorMessage';
import { downloadExport } from './retourApi';

interface ExportButtonsProps {
  workshopId: string;
  token: string;
  files: ReadonlyArray<{ path: string; label: string }>;
}

export function ExportButtons({ workshopId, token, files }: ExportButtonsProps) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const handleDownload = (path: string) => {
    setError(null);
    // CSVs come with their header row in the page's language (JSON keeps machine names).
    downloadExport(workshopId, token, path.endsWith('.csv') ? `${path}?lang=${encodeURIComponent(i18n.language)}` : path).catch((failure: unknown) =>
      setError(errorCodeOf(failure)),
    );
  };
  return (
    <div className="retour-exports">
      {files.map((file) => (
        <button key={file.path} type="button" className="button" onClick={() => handleDownload(file.path)} data-testid={`export-${file.path}`}>
          <Download aria-hidden="true" className="icon" />
          {file.label}
        </button>
      ))}
      {error && <AlertText>{t('retour.exportFailed', { reason: errorMessage(t, error) })}</AlertText>}
    </div>
  );
}
