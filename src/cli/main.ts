import { runCli } from './run.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    // `serve` (-1) keeps the process alive itself; every other command ends here.
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
