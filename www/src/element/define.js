// Registers <bid-scorer>. Importing this module is all a page needs:
//   <script type="module" src="src/define.js"></script>
// Loaded as ES modules, the widget has every language: size counts only in the single-file builds.
import '../text/cymraeg.js';
import { BidScorer } from './bid-scorer-element.js';

BidScorer.define();

export { BidScorer };
export default BidScorer;
