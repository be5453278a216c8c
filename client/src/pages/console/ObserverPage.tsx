import { useState } from 'react';
import { staffCredentials } from '../../storage/staffCredentials';
import { StaffRefusal } from '../../components/StaffRefusal';
import { ConsoleView } from './ConsoleView';
import '../../styles/console.css';

/** `/observer/:id#k=<observerToken>`: the console, read-only. Mount with `key={workshopId}`. */
export function ObserverPage({ workshopId }: { workshopId: string }) {
  const [credentials] = useState(() => staffCredentials('observer', workshopId, window.location.hash));
  if (!credentials) return <StaffRefusal code={null} />;
  return <ConsoleView credentials={credentials} readOnly />;
}
