// An esbuild plugin for the web bundles, which run in a browser worker: a Node built-in module
// imported by our code or by a dependency fails the build and names who imports it, instead of
// a polyfill being bundled or the import failing at run time.
import { builtinModules } from 'node:module';
import { relative } from 'node:path';

const NODE_BUILTIN = new RegExp(`^(?:node:.*|(?:${builtinModules.filter((m) => !m.startsWith('_')).join('|')})(?:/.*)?)$`);

/** @type {import('esbuild').Plugin} */
export const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: NODE_BUILTIN }, (args) => ({
      errors: [{ text: `the Node built-in "${args.path}" is imported by ${relative(process.cwd(), args.importer) || 'the entry'}, in a bundle for the browser` }],
    }));
  },
};
