import { useState } from 'react';
import { staffCredentials } from '../../storage/staffCredentials';
import { StaffRefusal } from '../../components/StaffRefusal';
import { HelperView } from './HelperView';
import '../../styles/console.css';

/** `/helper/:id#k=<helperToken>`: a table helper types ideas for people without a phone. */
export function HelperPage({ workshopId }: { workshopId: string }) {
  const [credentials] = useState(() => staffCredentials('helper', workshopId, window.location.hash));
  if (!credentials) return <StaffRefusal code={null} />;
  return <HelperView credentials={credentials} />;
}
