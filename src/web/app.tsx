import { ErrorBoundary, lazy, LocationProvider, Route, Router } from 'preact-iso';
import { BottomNav } from './components/BottomNav.js';
import { Header } from './components/Header.js';
import { LiveAlerts } from './features/alerts/LiveAlerts.js';
import { I18nProvider } from './i18n/i18n.js';
import { SessionProvider } from './session.js';

// Every page is its own chunk: a first visit downloads the shell and the page it opens.
const Home = lazy(() => import('./routes/home.js').then((m) => m.Home));
const Register = lazy(() => import('./routes/register.js').then((m) => m.Register));
const Login = lazy(() => import('./routes/login.js').then((m) => m.Login));
const PasswordReset = lazy(() => import('./routes/password-reset.js').then((m) => m.PasswordReset));
const Stations = lazy(() => import('./routes/stations.js').then((m) => m.Stations));
const StationProfile = lazy(() => import('./routes/station.js').then((m) => m.StationProfile));
const MyAreas = lazy(() => import('./routes/my-areas.js').then((m) => m.MyAreas));
const Console = lazy(() => import('./routes/console.js').then((m) => m.Console));
const AlertsList = lazy(() => import('./routes/alerts.js').then((m) => m.Alerts));
const AlertPage = lazy(() => import('./routes/alert.js').then((m) => m.AlertPage));
const AlertSettings = lazy(() => import('./routes/alert-settings.js').then((m) => m.AlertSettings));
const Account = lazy(() => import('./routes/account.js').then((m) => m.Account));
const ReportForm = lazy(() => import('./routes/report.js').then((m) => m.ReportForm));
const TrackReport = lazy(() => import('./routes/report.js').then((m) => m.TrackReport));
const StatsDashboard = lazy(() => import('./routes/stats.js').then((m) => m.StatsDashboard));
const NotFound = lazy(() => import('./routes/not-found.js').then((m) => m.NotFound));

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <LocationProvider>
          <Header />
          <LiveAlerts />
          <main class="main">
            <ErrorBoundary>
              <Router>
                <Route path="/" component={Home} />
                <Route path="/daftar" component={Register} />
                <Route path="/masuk" component={Login} />
                <Route path="/lupa-sandi" component={PasswordReset} />
                <Route path="/kantor" component={Stations} />
                <Route path="/kantor/:slug" component={StationProfile} />
                <Route path="/area-saya" component={MyAreas} />
                <Route path="/konsol/:section?" component={Console} />
                <Route path="/konsol/:section/:sub" component={Console} />
                <Route path="/peringatan" component={AlertsList} />
                <Route path="/peringatan/:id" component={AlertPage} />
                <Route path="/pengaturan/peringatan" component={AlertSettings} />
                <Route path="/akun" component={Account} />
                <Route path="/lapor" component={ReportForm} />
                <Route path="/lapor/lacak" component={TrackReport} />
                <Route path="/statistik" component={StatsDashboard} />
                <Route path="/statistik/:slug" component={StatsDashboard} />
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
