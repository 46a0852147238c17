/** The Model Studio (served by `weave dev` at `/app/_studio`). */
import "./weave-studio.ts";
