import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { compileProfile } from '../utils/content/tables/custom-profile';
import { takePart } from '../utils/content/part-shelf';

// Loaded by the background into a host frame a custom site profile applies to (see
// profiles-loader.ts): pages that the built-in profiles mark never carry the extractors.
export default defineUnlistedScript(() => takePart('site-profiles')?.started(compileProfile));
