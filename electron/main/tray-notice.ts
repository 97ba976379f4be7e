import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Notification } from 'electron';

const MESSAGE = 'Salon Broadcast is still running in the tray and will keep sending. Quit from the tray menu.';

/** Tells the owner, once ever, that closing the window did not stop sending. */
export function showTrayNoticeOnce(userData: string): void {
  const flag = join(userData, 'tray-notice-shown');
  if (existsSync(flag) || !Notification.isSupported()) return;
  new Notification({ title: 'Salon Broadcast', body: MESSAGE }).show();
  writeFileSync(flag, new Date().toISOString());
}
