// `npm start` opens a browser only where one can be opened (scripts/browser.ts).
import { describe, expect, it } from 'vitest';
import { decideOpen, onPath } from '../scripts/browser';

const url = 'http://localhost:5173/';
const everything = () => true;

describe('decideOpen', () => {
  it('opens nothing on a Linux machine without a display, even when xdg-open is installed', () => {
    expect(decideOpen(url, {}, 'linux', everything)).toEqual({
      open: false,
      why: 'no desktop (no DISPLAY)',
    });
  });

  it('opens nothing where xdg-open is missing (the "spawn xdg-open ENOENT" crash)', () => {
    expect(decideOpen(url, { DISPLAY: ':0' }, 'linux', () => false)).toEqual({
      open: false,
      why: 'xdg-open is not installed',
    });
  });

  it('opens with xdg-open on a Linux desktop, X11 or Wayland', () => {
    const opener = { command: 'xdg-open', args: [url] };
    expect(decideOpen(url, { DISPLAY: ':0' }, 'linux', everything)).toEqual({ open: true, opener });
    expect(decideOpen(url, { WAYLAND_DISPLAY: 'wayland-0' }, 'linux', everything)).toEqual({
      open: true,
      opener,
    });
  });

  it('opens on macOS and Windows, and never with BROWSER=none or in CI', () => {
    expect(decideOpen(url, {}, 'darwin', () => false)).toMatchObject({
      open: true,
      opener: { command: 'open' },
    });
    expect(decideOpen(url, {}, 'win32', () => false)).toMatchObject({
      open: true,
      opener: { command: 'cmd' },
    });
    expect(decideOpen(url, { BROWSER: 'none' }, 'darwin', everything).open).toBe(false);
    expect(decideOpen(url, { CI: 'true', DISPLAY: ':0' }, 'linux', everything).open).toBe(false);
  });
});

describe('onPath', () => {
  it('finds node on the PATH this test runs with and not a name that exists nowhere', () => {
    expect(onPath('node', process.env.PATH)).toBe(true);
    expect(onPath('no-such-command-cidr-canvas', process.env.PATH)).toBe(false);
    expect(onPath('node', undefined)).toBe(false);
  });
});
