/** The context through which `<weave-app>` hands its session to every element inside it. */
import { createContext } from "@lit/context";
import type { WeaveSession } from "./session.ts";

export const sessionContext = createContext<WeaveSession>(Symbol.for("weave-session"));
