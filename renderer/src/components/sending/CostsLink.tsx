import { Anchor } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';
import { hrefFor } from '../../lib/routes';
import { SETTINGS_ANCHORS } from '../../lib/settingsAnchors';
import { navigate } from '../../stores/navigation';

/** A link to Settings' "Costs, limits and quiet hours", where speeds, prices and the budget cap are set. */
export function CostsLink({ children = 'Costs, limits and quiet hours' }: { children?: ReactNode }) {
  const open = (event: MouseEvent): void => {
    event.preventDefault();
    navigate({ page: 'settings', section: 'costs' });
    // Already on the Settings page: the address may not change, so scroll there now.
    document.getElementById(SETTINGS_ANCHORS.costs)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  return (
    <Anchor href={hrefFor({ page: 'settings', section: 'costs' })} onClick={open} inherit>
      {children}
    </Anchor>
  );
}
