// Plain JavaScript on purpose: it must run on any Node to tell the person what is wrong.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Concord needs Node 24 or newer, but this script runs on Node ${process.version}.\n` +
      'The root package installs Node 24 from npm: run "npm install" (without --ignore-scripts), ' +
      'then use "npm start" or "npm test" so that npm puts it first on PATH.',
  );
  process.exit(1);
}
console.log(`Node ${process.version}`);
