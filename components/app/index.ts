/** The app shell and its pages. */
import "./weave-app.ts";
import "./weave-dev-overlay.ts";
import "./weave-login.ts";
import "./weave-settings.ts";
import "./weave-theme-toggle.ts";
