// The widget's and the assessment summary's stylesheets as the single-file build reads them from
// its packed payload, run by tests/node/dist.test.mjs.
import { styles } from '../../../www/src/ui/styles.js';
import { debriefHtml } from '../../../www/src/evaluate/debrief.js';

globalThis.stylesheetResult = {
  widget: () => styles().text,
  summary: (debrief) => /<style>([^<]*)<\/style>/.exec(debriefHtml(debrief))[1],
};
