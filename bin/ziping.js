#!/usr/bin/env node
// The compiled command line (npm ci runs `prepare`, which builds it into build/).
const { main } = require("../build/cli/ziping.js");
main(process.argv.slice(2)).then((code) => process.exit(code));
