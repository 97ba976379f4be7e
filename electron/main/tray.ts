import { readFileSync } from 'node:fs';
import { Menu, Tray, nativeImage } from 'electron';
import type { SettingsDto } from '../../shared/dto';
import trayIconPath from '../../build/tray.png?asset';
import trayTemplatePath from '../../build/trayTemplate.png?asset';

export interface TrayActions {
  open(): void;
  setPaused(paused: boolean): void;
  quit(): void;
}

export interface AppTray {
  /** Redraw the menu and tooltip for the current settings. */
  showSettings(settings: Pick<SettingsDto, 'sendingPaused'>): void;
}

export function createTray(actions: TrayActions): AppTray {
  const tray = new Tray(trayImage());
  const render = (paused: boolean) => {
    tray.setToolTip(paused ? 'Salon Broadcast — sending paused' : 'Salon Broadcast');
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open', click: actions.open },
        paused
          ? { label: 'Resume sending', click: () => actions.setPaused(false) }
          : { label: 'Pause all sending', click: () => actions.setPaused(true) },
        { type: 'separator' },
        { label: 'Quit', click: actions.quit },
      ]),
    );
  };
  // On Windows a left click opens the window; elsewhere any click shows the menu.
  if (process.platform === 'win32') tray.on('click', actions.open);
  render(false);
  return { showSettings: (settings) => render(settings.sendingPaused) };
}

// The 32 px PNGs are drawn for 2x screens, so they show at the 16-point size trays expect.
function trayImage(): Electron.NativeImage {
  const isMac = process.platform === 'darwin';
  const image = nativeImage.createFromBuffer(readFileSync(isMac ? trayTemplatePath : trayIconPath), { scaleFactor: 2 });
  // A template image follows the macOS menu bar's light or dark look.
  image.setTemplateImage(isMac);
  return image;
}
