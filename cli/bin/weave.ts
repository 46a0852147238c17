#!/usr/bin/env bun
import { main } from "../main.ts";

// exitCode, not process.exit(): exiting at once cuts off output still queued for a pipe.
process.exitCode = await main(process.argv.slice(2));
