import { AppShell, Burger, Container, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { hrefFor, type Route } from '../lib/routes';
import { useNavigation } from '../stores/navigation';
import { useSettings } from '../stores/settings';
import { PausedNotice } from './PausedNotice';
import { ReconnectingIndicator } from './ReconnectingIndicator';
import { SandboxBadge } from './SandboxBadge';

type Section = 'dashboard' | 'broadcasts' | 'contacts' | 'audiences' | 'templates' | 'settings';

const NAV_ITEMS: { section: Section; label: string }[] = [
  { section: 'dashboard', label: 'Dashboard' },
  { section: 'broadcasts', label: 'Broadcasts' },
  { section: 'contacts', label: 'Contacts' },
  { section: 'audiences', label: 'Audiences' },
  { section: 'templates', label: 'Templates' },
  { section: 'settings', label: 'Settings' },
];

function sectionOf(route: Route): Section {
  switch (route.page) {
    case 'newBroadcast':
    case 'editBroadcast':
    case 'broadcast':
      return 'broadcasts';
    case 'importClients':
      return 'contacts';
    default:
      return route.page;
  }
}

/** The client list (many columns) and the audience builder (builder and summary side by side) get more width. */
const WIDE_PAGES: ReadonlySet<Route['page']> = new Set(['contacts', 'audiences']);

export function AppLayout({ children }: { children: ReactNode }) {
  const [menuOpened, menu] = useDisclosure();
  const route = useNavigation((state) => state.route);
  const current = sectionOf(route);
  const settings = useSettings();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !menuOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={menuOpened} onClick={menu.toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Text fw={700} size="lg" style={{ whiteSpace: 'nowrap' }} visibleFrom="xs">
              Salon Broadcast
            </Text>
            <Text c="dimmed" truncate visibleFrom="md">
              {settings.salonName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <ReconnectingIndicator />
            <PausedNotice />
            {settings.sendingMode === 'sandbox' && <SandboxBadge />}
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm">
        {NAV_ITEMS.map(({ section, label }) => (
          <NavLink
            key={section}
            component="a"
            href={hrefFor({ page: section })}
            label={label}
            active={section === current}
            aria-current={section === current ? 'page' : undefined}
            onClick={menu.close}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        <Container size={WIDE_PAGES.has(route.page) ? 'xl' : 'lg'} px={0}>
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
