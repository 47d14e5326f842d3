import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import markStyles from '../utils/content/marks/mark-styles.css?inline';
import { takePart } from '../utils/content/part-shelf';

// Loaded by the background into a host frame when its first shadow root with rows is found (see
// marks/shadow-styles.ts): the marks' rules as text, for the roots the page's stylesheets miss.
export default defineUnlistedScript(() => takePart('shadow-styles')?.started(markStyles));
