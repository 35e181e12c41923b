import { initAll } from '/static/govuk-frontend.min.js';
import { initAutosave } from '/static/autosave.js';

initAll();
initAutosave();
