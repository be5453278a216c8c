import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { ErrorBoundary } from './components/ErrorBoundary';
import { lazyWithWords } from './i18n/lazyWithWords';
import { LoadingScreen } from './components/LoadingScreen';
import { NotFoundPage } from './components/NotFoundPage';

// The staff's pages (index.html), each loaded only when opened. A resident's phone never runs this
// app: the server sends it phone.html for /j and /j/… (PhoneApp.tsx, built apart on Preact); the
// phone's routes stay here, lazy, for the dev server and for a link followed inside this app.
const JoinPage = lazy(() => import('./pages/phone/JoinPage').then((module) => ({ default: module.JoinPage })));
const EnterCodePage = lazy(() => import('./pages/phone/EnterCodePage').then((module) => ({ default: module.EnterCodePage })));
const CONSOLE_WORDS = ['staff', 'steps', 'board', 'vote', 'retour'] as const;
const HomePage = lazyWithWords(['staff'], () => import('./workshop/HomePage').then((module) => module.HomePage));
const ConsolePage = lazyWithWords(CONSOLE_WORDS, () => import('./pages/console/ConsolePage').then((module) => module.ConsolePage));
const ScreenPage = lazyWithWords(['staff', 'steps', 'board', 'vote'], () => import('./pages/screen/ScreenPage').then((module) => module.ScreenPage));
const HelperPage = lazyWithWords(['staff'], () => import('./pages/helper/HelperPage').then((module) => module.HelperPage));
const CentreHomePage = lazyWithWords(['staff'], () => import('./centre/CentreHomePage').then((module) => module.CentreHomePage));
const InvitationPage = lazyWithWords(['staff'], () => import('./centre/InvitationPage').then((module) => module.InvitationPage));
const CentreSpacePage = lazyWithWords(['staff', 'steps'], () => import('./centre/CentreSpacePage').then((module) => module.CentreSpacePage));
const SeriesFollowUpPage = lazyWithWords(['staff', 'retour'], () => import('./centre/SeriesFollowUpPage').then((module) => module.SeriesFollowUpPage));
const ObserverPage = lazyWithWords(CONSOLE_WORDS, () => import('./pages/console/ObserverPage').then((module) => module.ObserverPage));
const AccessibilityPage = lazyWithWords(['accessibility'], () => import('./accessibility/AccessibilityPage').then((module) => module.AccessibilityPage));
const KioskPage = lazyWithWords(['staff', 'vote'], () => import('./vote/KioskPage').then((module) => module.KioskPage));

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
          <Route path="/accessibilite">
            <AccessibilityPage />
          </Route>
          <Route>
            <NotFoundPage />
          </Route>
        </Switch>
      </Suspense>
    </ErrorBoundary>
  );
}
