/**
 * The classic relay script, `dist/social-login.relay.min.js` (about half a kilobyte): the popup
 * landing page's part of the widget, alone. As the first script of the page that `redirect-uri`
 * names, ahead of the site's own bundle, it relays a popup login's response to the opener (and the
 * popup starts closing) before anything else on that page loads or runs. The full script, later on
 * the same page, still completes redirect logins; it finds the popup's response already taken.
 * @internal
 */
import { relayPopupResponse } from './core/relay.js';

relayPopupResponse();
