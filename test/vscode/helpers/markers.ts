/** Lines the suite prints that the launchers look for (scripts/vscode/test-vscode.mjs, test-web.mjs). */

/** The first line the suite prints; the launcher shows the workbench's log from there on. */
export const SUITE_START = 'Post-Mortem in-editor suite:';
/** How the suite says that the extension did not activate; the launcher turns it into a loud failure. */
export const ACTIVATION_FAILED = 'The Post-Mortem extension failed to activate:';
