import { AppShell, Badge, Burger, Container, Group, NavLink, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { hrefFor, type Route } from '../../lib/routes';
import { useNavigation } from '../../stores/navigation';
import { useReplies } from '../../stores/replies';
import { useSending } from '../../stores/sending';
import { useSettings } from '../../stores/settings';
import { PausedNotice } from './PausedNotice';
import { ReconnectingIndicator } from './ReconnectingIndicator';
import { SandboxBadge } from './SandboxBadge';

type Section = 'dashboard' | 'broadcasts' | 'automations' | 'contacts' | 'audiences' | 'templates' | 'replies' | 'reports' | 'settings';

const NAV_ITEMS: { section: Section; label: string }[] = [
  { section: 'dashboard', label: 'Dashboard' },
  { section: 'broadcasts', label: 'Broadcasts' },
  { section: 'automations', label: 'Automations' },
  { section: 'contacts', label: 'Contacts' },
  { section: 'audiences', label: 'Audiences' },
  { section: 'templates', label: 'Templates' },
  { section: 'replies', label: 'Replies' },
  { section: 'reports', label: 'Reports' },
  { section: 'settings', label: 'Settings' },
];

function sectionOf(route: Route): Section {
  switch (route.page) {
    case 'newBroadcast':
    case 'editBroadcast':
    case 'broadcast':
      return 'broadcasts';
    case 'importClients':
    case 'contact':
      return 'contacts';
    case 'automation':
      return 'automations';
    default:
      return route.page;
  }
}

/** The client list (many columns) and the audience builder (builder and summary side by side) get more width. */
const WIDE_PAGES: ReadonlySet<Route['page']> = new Set(['contacts', 'contact', 'audiences']);

export function AppLayout({ children }: { children: ReactNode }) {
  const [menuOpened, menu] = useDisclosure();
  const route = useNavigation((state) => state.route);
  const current = sectionOf(route);
  const settings = useSettings();
  const unseenReplies = useReplies((state) => state.unseen);
  const live = useSending((state) => state.sending?.live ?? false);

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
            {live ? <LiveBadge /> : <SandboxBadge />}
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
            rightSection={
              section === 'replies' && unseenReplies > 0 ? (
                <Badge size="sm" circle={unseenReplies < 10} aria-label={`${unseenReplies} new`}>
                  {unseenReplies > 99 ? '99+' : unseenReplies}
                </Badge>
              ) : undefined
            }
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

/** In the header while messages really go to clients, so the owner always knows which mode this is. */
function LiveBadge() {
  return (
    <Tooltip label="Live sending is on: broadcasts reach your clients for real. Switch it off in Settings → Sending." multiline w={280} withArrow>
      <Badge color="green" variant="filled" size="lg" tabIndex={0}>
        LIVE
      </Badge>
    </Tooltip>
  );
}
