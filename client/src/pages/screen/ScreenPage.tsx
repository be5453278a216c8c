import { useState } from 'react';
import { screenCredentials } from '../../storage/staffCredentials';
import { StaffRefusal } from '../../components/StaffRefusal';
import { ScreenView } from './ScreenView';
import '../../styles/screen.css';

interface ScreenPageProps {
  workshopId: string;
}

/** `/screen/:id#k=<screenToken>`. Mount with `key={workshopId}`. */
export function ScreenPage({ workshopId }: ScreenPageProps) {
  const [credentials] = useState(() => screenCredentials(workshopId, window.location.hash));
  if (!credentials) return <StaffRefusal code={null} />;
  return <ScreenView credentials={credentials} />;
}
