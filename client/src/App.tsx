import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LoadingScreen } from './components/LoadingScreen';
import { NotFoundPage } from './components/NotFoundPage';
import { EnterCodePage } from './phone/EnterCodePage';
import { JoinPage } from './phone/JoinPage';

// The phone's pages are in the first bundle; the facilitator's pages load only when opened,
// so a resident's phone never downloads them (nor their words).
function staffPage<M>(load: () => Promise<M>): () => Promise<M> {
  return () => import('./i18n/staff').then(({ ensureStaffTranslations }) => {
    ensureStaffTranslations();
    return load();
  });
}
const HomePage = lazy(() => staffPage(() => import('./home/HomePage'))().then((module) => ({ default: module.HomePage })));
const ConsolePage = lazy(() => staffPage(() => import('./console/ConsolePage'))().then((module) => ({ default: module.ConsolePage })));
const ScreenPage = lazy(() => staffPage(() => import('./screen/ScreenPage'))().then((module) => ({ default: module.ScreenPage })));
const HelperPage = lazy(() => staffPage(() => import('./helper/HelperPage'))().then((module) => ({ default: module.HelperPage })));
const CentreHomePage = lazy(() => staffPage(() => import('./centre/CentreHomePage'))().then((module) => ({ default: module.CentreHomePage })));
const InvitationPage = lazy(() => staffPage(() => import('./centre/InvitationPage'))().then((module) => ({ default: module.InvitationPage })));
const CentreSpacePage = lazy(() => staffPage(() => import('./centre/CentreSpacePage'))().then((module) => ({ default: module.CentreSpacePage })));
const SeriesFollowUpPage = lazy(() => staffPage(() => import('./centre/SeriesFollowUpPage'))().then((module) => ({ default: module.SeriesFollowUpPage })));
const ObserverPage = lazy(() => staffPage(() => import('./console/ObserverPage'))().then((module) => ({ default: module.ObserverPage })));
const KioskPage = lazy(() => staffPage(() => import('./vote/KioskPage'))().then((module) => ({ default: module.KioskPage })));

export function App() {
  return (
    <ErrorBoundary>
      <Suspense fallback={<LoadingScreen />}>
        <Switch>
          <Route path="/">
            <HomePage />
          </Route>
          <Route path="/console/:id">{(params) => <ConsolePage key={params.id} workshopId={params.id} />}</Route>
          <Route path="/screen/:id">{(params) => <ScreenPage key={params.id} workshopId={params.id} />}</Route>
          <Route path="/helper/:id">{(params) => <HelperPage key={params.id} workshopId={params.id} />}</Route>
          <Route path="/observer/:id">{(params) => <ObserverPage key={params.id} workshopId={params.id} />}</Route>
          <Route path="/kiosk/:id">{(params) => <KioskPage key={params.id} workshopId={params.id} />}</Route>
          <Route path="/centre">
            <CentreHomePage />
          </Route>
          <Route path="/centre/invitation">
            <InvitationPage />
          </Route>
          <Route path="/centre/:id">{(params) => <CentreSpacePage key={params.id} centreId={params.id} />}</Route>
          <Route path="/suivi/:seriesId">{(params) => <SeriesFollowUpPage key={params.seriesId} seriesId={params.seriesId} />}</Route>
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
