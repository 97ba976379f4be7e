import { useEffect } from 'react';
import { AppLayout } from './components/app/AppLayout';
import { AuthRequiredScreen, LoadingScreen, StartupFailedScreen } from './components/app/StartupScreens';
import { Toasts } from './components/ui/Toasts';
import { AudiencesPage } from './pages/AudiencesPage';
import { AutomationPage } from './pages/AutomationPage';
import { AutomationsPage } from './pages/AutomationsPage';
import { BroadcastPage } from './pages/BroadcastPage';
import { BroadcastsPage } from './pages/BroadcastsPage';
import { ContactsPage } from './pages/ContactsPage';
import { DashboardPage } from './pages/DashboardPage';
import { ImportPage } from './pages/ImportPage';
import { BroadcastWizardPage } from './pages/BroadcastWizardPage';
import { RepliesPage } from './pages/RepliesPage';
import { ReportsPage } from './pages/ReportsPage';
import { SettingsPage } from './pages/SettingsPage';
import { TemplatesPage } from './pages/TemplatesPage';
import { useConnection } from './stores/connection';
import { startLiveUpdates } from './stores/live';
import { useNavigation } from './stores/navigation';
import { useSending } from './stores/sending';
import { useSettingsStore } from './stores/settings';

const loadSettings = (): void => void useSettingsStore.getState().load();

export function App() {
  const unauthorized = useConnection((state) => state.unauthorized);
  const settings = useSettingsStore((state) => state.settings);
  const loadError = useSettingsStore((state) => state.loadError);

  useEffect(() => {
    const stop = startLiveUpdates();
    loadSettings();
    // For the header's SANDBOX / LIVE badge; Settings -> Sending loads it afresh when opened.
    void useSending.getState().load();
    return stop;
  }, []);

  if (unauthorized) return <AuthRequiredScreen />;
  if (!settings) return loadError ? <StartupFailedScreen error={loadError} onRetry={loadSettings} /> : <LoadingScreen />;
  return (
    <>
      <AppLayout>
        <CurrentPage />
      </AppLayout>
      <Toasts />
    </>
  );
}

function CurrentPage() {
  const route = useNavigation((state) => state.route);
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'broadcasts':
      return <BroadcastsPage />;
    case 'newBroadcast':
      return <BroadcastWizardPage />;
    case 'editBroadcast':
      return <BroadcastWizardPage key={route.id} id={route.id} />;
    case 'broadcast':
      return <BroadcastPage key={route.id} id={route.id} />;
    case 'automations':
      return <AutomationsPage />;
    case 'automation':
      return <AutomationPage key={route.id} id={route.id} />;
    case 'contacts':
      return <ContactsPage />;
    case 'contact':
      return <ContactsPage openId={route.id} />;
    case 'importClients':
      return <ImportPage />;
    case 'audiences':
      return <AudiencesPage />;
    case 'templates':
      return <TemplatesPage />;
    case 'replies':
      return <RepliesPage />;
    case 'reports':
      return <ReportsPage />;
    case 'settings':
      return <SettingsPage section={route.section} />;
  }
}
