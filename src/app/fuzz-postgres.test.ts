/** The fuzz test over every form on PostgreSQL: see `fuzz.ts`. */
import { describeFuzz } from './fuzz.ts';

describeFuzz('postgres');
