import { ErrorBoundary, lazy, LocationProvider, Route, Router } from 'preact-iso';
import { BottomNav } from './components/BottomNav.js';
import { Header } from './components/Header.js';
import { pages, shellParts } from './feature-registry.js';
import { I18nProvider } from './i18n/i18n.js';
import { SessionProvider } from './session.js';

// Every page is its own chunk: a first visit downloads the shell and the page it opens.
const Home = lazy(() => import('./routes/home.js').then((m) => m.Home));
const NotFound = lazy(() => import('./routes/not-found.js').then((m) => m.NotFound));

const featureRoutes = pages.flatMap((page) => {
  const component = lazy(page.load);
  return page.paths.map((path) => ({ path, component }));
});
const ShellParts = shellParts.map((load) => lazy(load));

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <LocationProvider>
          <Header />
          {/* A boundary of their own: a lazy part suspends (and may fail) without the page. */}
          {ShellParts.map((Part, i) => (
            <ErrorBoundary key={i}>
              <Part />
            </ErrorBoundary>
          ))}
          <main class="main">
            <ErrorBoundary>
              <Router>
                <Route path="/" component={Home} />
                {featureRoutes.map((route) => (
                  <Route key={route.path} path={route.path} component={route.component} />
                ))}
                <Route default component={NotFound} />
              </Router>
            </ErrorBoundary>
          </main>
          <BottomNav />
        </LocationProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
