import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/core/data-location';

describe('defaultDataDir', () => {
  it('is the folder Electron uses for the app’s user data on each OS', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32')).toBe(
      join('C:\\Users\\ana\\AppData\\Roaming', 'Salon Broadcast'),
    );
    expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Salon Broadcast'));
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'Salon Broadcast'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/ana/.cfg' }, 'linux')).toBe(join('/home/ana/.cfg', 'Salon Broadcast'));
  });
});
