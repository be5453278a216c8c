import { useState } from 'react';
import { facilitatorCredentials } from '../../storage/staffCredentials';
import { StaffRefusal } from '../../components/StaffRefusal';
import { ConsoleView } from './ConsoleView';
import '../../styles/console.css';

interface ConsolePageProps {
  workshopId: string;
}

/** `/console/:id#k=<facilitatorToken>`. Mount with `key={workshopId}`. */
export function ConsolePage({ workshopId }: ConsolePageProps) {
  const [credentials] = useState(() => facilitatorCredentials(workshopId, window.location.hash));
  if (!credentials) return <StaffRefusal code={null} />;
  return <ConsoleView credentials={credentials} />;
}
