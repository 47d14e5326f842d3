import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installTester } from '../utils/content/tester/tester-tab';

// Injected by the options page's live tester into the one tab the user picked; never registered.
export default defineUnlistedScript(() => installTester());
