// The token of the workspace plan open in this tab, apart from the connection itself: the
// versions panel reads it, and the connection (with Yjs and the provider) is loaded only when a
// workspace plan is opened.
let currentToken: string | null = null;

/** The token of the workspace plan open in this tab (for its versions), if any. */
export const liveToken = (): string | null => currentToken;

export function setLiveToken(token: string | null): void {
  currentToken = token;
}
