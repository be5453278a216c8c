import { Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LoadingScreen } from './components/LoadingScreen';
import { NotFoundPage } from './components/NotFoundPage';
import { EnterCodePage } from './pages/phone/EnterCodePage';
import { JoinPage } from './pages/phone/JoinPage';

/** The phone page's routes (phone.html): `/j/:joinCode` and `/j`; anything else is the staff's app. */
export function PhoneApp() {
  return (
    <ErrorBoundary>
      <Suspense fallback={<LoadingScreen />}>
        <Switch>
          <Route path="/j/:joinCode">{(params) => <JoinPage key={params.joinCode} joinCode={params.joinCode} />}</Route>
          <Route path="/j">
            <EnterCodePage />
          </Route>
          <Route>
            <NotFoundPage />
          </Route>
        </Switch>
      </Suspense>
    </ErrorBoundary>
  );
}
