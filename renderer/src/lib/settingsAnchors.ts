import type { SettingsSection } from './routes';

/** The element ids of the Settings sections a link can open at (#/settings/costs). */
export const SETTINGS_ANCHORS: Record<SettingsSection, string> = {
  costs: 'settings-costs',
  sending: 'settings-sending',
};
