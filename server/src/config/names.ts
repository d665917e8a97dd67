/** What a configuration file is called and how large it may be: shared by the server and the editor, which finds files for it. */

/** The names a configuration file may have, looked for in this order in each folder. */
export const CONFIG_NAMES: readonly string[] = ['.postmortemrc.json', '.postmortemrc.yaml', '.postmortemrc.yml'];

/** Larger configuration files are refused: a real one is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 64 * 1024;
