/** Mocha's browser build, set up before the suites load: they call describe() as they load. */
import 'mocha/mocha.js';

mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 120_000 });
