import type { Plugin } from 'esbuild';

/** See no-node-builtins.mjs. */
export declare const noNodeBuiltins: Plugin;
