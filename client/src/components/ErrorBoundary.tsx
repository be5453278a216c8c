import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';
import { ErrorPanel } from './ErrorPanel';

interface ErrorBoundaryProps {
  children: ReactNode;
}

interface ErrorBoundaryState {
  failed: boolean;
}

/** Catches a crash or a part of the app that could not load (lost network): offers a reload. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('Gommette: view crashed', error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="page page--narrow">
        <Translation>{(t) => <ErrorPanel message={t('errors.internal')} reload />}</Translation>
      </main>
    );
  }
}
