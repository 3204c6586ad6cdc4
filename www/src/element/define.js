// Registers <bid-scorer>. Importing this module is all a page needs:
//   <script type="module" src="src/define.js"></script>
import { BidScorer } from './bid-scorer-element.js';

BidScorer.define();

export { BidScorer };
export default BidScorer;
