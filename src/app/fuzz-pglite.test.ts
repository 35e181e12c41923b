/** The fuzz test over every form on the embedded database (PGlite): see `fuzz.ts`. */
import { describeFuzz } from './fuzz.ts';

describeFuzz('pglite');
