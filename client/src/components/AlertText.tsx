import { TriangleAlert } from 'lucide-react';
interface AlertTextProps {
  children: string;
  testId?: string;
}

/** An error said at once to screen readers, with a warning pictogram for those who read little. */
export function AlertText({ children, testId }: AlertTextProps) {
  return (
    <p className="error-text" role="alert" data-testid={testId}>
      <TriangleAlert aria-hidden="true" className="icon" />
      {children}
    </p>
  );
}
