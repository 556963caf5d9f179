/** Before the page tests: Debian's Chromium (and the other packages the real-editor tests use). */
import { ensurePackages } from '../../src/dev/system';

ensurePackages();
