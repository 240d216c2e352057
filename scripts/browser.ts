// Whether `npm start` can open a browser here, and with what. On a server or in a container
// there is no desktop: spawning xdg-open there crashed the start with "spawn xdg-open ENOENT".
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface Opener {
  readonly command: string;
  readonly args: readonly string[];
}

export type OpenDecision =
  { readonly open: true; readonly opener: Opener } | { readonly open: false; readonly why: string };

/** Whether an executable of this name is on the PATH. */
export function onPath(name: string, path: string | undefined): boolean {
  for (const dir of (path ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/**
 * How to open `url` in a browser, or why not: BROWSER=none (as create-react-app and Vite read
 * it) or CI say no; Linux needs a display and xdg-open; macOS and Windows always have one.
 */
export function decideOpen(
  url: string,
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
  has: (command: string) => boolean,
): OpenDecision {
  if (env.BROWSER === 'none') return { open: false, why: 'BROWSER=none' };
  if (env.CI) return { open: false, why: 'running in CI' };
  if (platform === 'darwin') return { open: true, opener: { command: 'open', args: [url] } };
  if (platform === 'win32')
    return { open: true, opener: { command: 'cmd', args: ['/c', 'start', '', url] } };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { open: false, why: 'no desktop (no DISPLAY)' };
  if (!has('xdg-open')) return { open: false, why: 'xdg-open is not installed' };
  return { open: true, opener: { command: 'xdg-open', args: [url] } };
}
